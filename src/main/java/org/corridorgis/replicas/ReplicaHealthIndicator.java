package org.corridorgis.replicas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The read replicas under /actuator/health (and readiness): each one's state and lag. Always UP, since the
 * primary answers whatever no replica can; the details say how many replicas share the reads.
 */
@Component("replicas")
class ReplicaHealthIndicator extends AbstractHealthIndicator {

    private final ReadReplicas replicas;

    ReplicaHealthIndicator(ReadReplicas replicas) {
        this.replicas = replicas;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<Replica> all = replicas.replicas();
        long inRotation = all.stream().filter(Replica::inRotation).count();
        builder.up()
                .withDetail("configured", all.size())
                .withDetail("inRotation", inRotation)
                .withDetail("reads", all.isEmpty() ? "primary (no replicas configured)"
                        : inRotation == 0 ? "primary (no replica in rotation)" : inRotation + " replica(s)")
                .withDetail("maxLagMs", replicas.properties().maxLag().toMillis());
        for (Replica r : all) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("url", r.url().replaceAll("\\?.*", "")); // never a password given in the URL
            detail.put("inRotation", r.inRotation());
            detail.put("state", r.state());
            detail.put("lagMs", r.lagMillis());
            detail.put("dataVersion", r.dataVersion());
            builder.withDetail(r.name(), detail);
        }
    }
}
