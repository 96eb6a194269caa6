package org.corridorgis.replicas;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Streaming replicas of the primary that reads may be served from.
 *
 * @param urls           JDBC URLs of the replicas ({@code CORRIDOR_DB_READ_URLS}, comma-separated); none = every
 *                       request uses the primary
 * @param maxLag         a replica further behind the primary than this is taken out of rotation
 * @param checkInterval  how often each replica's reachability and lag are checked
 * @param catchUpWait    how long a request that needs a newer data version than a replica has waits for the
 *                       replica to replay up to it before it is served by the primary
 * @param connectTimeout how long a request waits for a replica connection before it falls back to the primary
 */
@ConfigurationProperties("corridor.database.replicas")
public record ReplicaProperties(List<String> urls, Duration maxLag, Duration checkInterval, Duration catchUpWait,
                                Duration connectTimeout) {

    public ReplicaProperties {
        // the defaults are in application.yml, the one place for them; no URL at all means no replicas
        urls = urls == null ? List.of() : urls.stream().map(String::trim).filter(u -> !u.isEmpty()).toList();
    }
}
