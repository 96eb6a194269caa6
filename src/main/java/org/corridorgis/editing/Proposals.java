package org.corridorgis.editing;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.corridorgis.catalog.Catalog;
import org.corridorgis.catalog.Collection;
import org.corridorgis.features.ItemsQuery;
import org.corridorgis.features.ItemsService;
import org.corridorgis.security.Author;
import org.corridorgis.security.Role;
import org.corridorgis.web.ProblemException;
import org.corridorgis.web.RequestUrls;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Changes an editor proposes to the official collections. A proposal is checked as the write itself would be
 * (run, then rolled back) and kept with its author and reason; a reviewer accepts it, which applies it as its
 * author's write (the change log names the proposer), or rejects it. A proposal based on a version that has
 * changed since can no longer be accepted (409): its author proposes again on the new version.
 */
@Service
class Proposals {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final FeatureWrites writes;
    private final Catalog catalog;
    private final TransactionTemplate transactions;
    private final ItemsService items;

    Proposals(JdbcClient jdbc, FeatureWrites writes, Catalog catalog, PlatformTransactionManager transactions, ItemsService items) {
        this.items = items;
        this.jdbc = jdbc;
        this.writes = writes;
        this.catalog = catalog;
        this.transactions = new TransactionTemplate(transactions);
    }

    record Proposal(long id, String collection, String featureId, String operation, JsonNode feature, String author, String reason,
                    String status, OffsetDateTime proposedAt, String decidedBy, OffsetDateTime decidedAt, String decision) {
    }

    /** Checks the change as a write and keeps it as a proposal; answers its id. */
    long propose(FeatureWrites.Operation op, Collection c, String featureId, FeatureInput input, String basedOn, Author author) {
        FeatureWrites.Written checked = writes.write(op, c, featureId, input, basedOn, author, true);
        String feature = null;
        if (op != FeatureWrites.Operation.DELETE) {
            ObjectNode f = JSON.createObjectNode();
            f.put("type", "Feature");
            f.put("id", featureId);
            if (checked.geometry() != null) {
                f.set("geometry", JSON.readTree(checked.geometry()));
            } else if (input.geometryGiven() || op != FeatureWrites.Operation.UPDATE) {
                f.putNull("geometry");
            }
            ObjectNode properties = f.putObject("properties");
            input.properties().forEach(properties::set);
            feature = f.toString();
        }
        return jdbc.sql("insert into corridor.proposal (collection, feature_id, operation, feature, based_on, author, reason) "
                        + "values (:collection, :feature_id, :operation, cast(:feature as jsonb), :based_on, :author, :reason) returning id")
                .param("collection", c.id()).param("feature_id", featureId).param("operation", op.name().toLowerCase(Locale.ROOT))
                .param("feature", feature).param("based_on", basedOn).param("author", author.name()).param("reason", input.reason())
                .query(Long.class).single();
    }

    Optional<Proposal> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query((rs, n) -> proposal(rs)).optional();
    }

    List<Proposal> list(String status, String collection) {
        return jdbc.sql(SELECT + " where (cast(:status as text) = 'all' or status = :status)"
                        + " and (cast(:collection as text) is null or collection = :collection) order by id")
                .param("status", status).param("collection", collection).query((rs, n) -> proposal(rs)).list();
    }

    /** Applies an open proposal as its author's write, and marks it accepted, in one transaction. */
    FeatureWrites.Written accept(long id, Author reviewer, String note) {
        return transactions.execute(status -> {
            Proposal p = open(id);
            Collection c = catalog.require(p.collection());
            FeatureWrites.Operation op = FeatureWrites.Operation.valueOf(p.operation().toUpperCase(Locale.ROOT));
            FeatureInput input = p.feature() == null
                    ? new FeatureInput(null, false, null, null, java.util.Map.of(), org.corridorgis.crs.SupportedCrs.CRS84, p.reason(), null)
                    : FeatureInput.parse(p.feature(), op == FeatureWrites.Operation.UPDATE, null, null).withReason(p.reason());
            String basedOn = jdbc.sql("select based_on from corridor.proposal where id = :id").param("id", id).query(String.class).optional().orElse(null);
            FeatureWrites.Written written;
            try {
                written = writes.write(op, c, p.featureId(), input, basedOn, new Author(p.author(), Set.of(Role.EDITOR), "proposal"));
            } catch (ProblemException e) {
                if (e.status() == HttpStatus.PRECONDITION_FAILED || e.status() == HttpStatus.CONFLICT || e.status() == HttpStatus.NOT_FOUND) {
                    throw new ProblemException(HttpStatus.CONFLICT, "Proposal out of date", "proposal " + id + " can no longer be applied: "
                            + e.getMessage() + ". Reject it; its author can propose again on the current version");
                }
                throw e;
            }
            decide(id, "accepted", reviewer, note);
            return written;
        });
    }

    void reject(long id, Author reviewer, String note) {
        transactions.executeWithoutResult(status -> {
            open(id);
            decide(id, "rejected", reviewer, note);
        });
    }

    private Proposal open(long id) {
        Proposal p = jdbc.sql(SELECT + " where id = :id for update").param("id", id).query((rs, n) -> proposal(rs)).optional()
                .orElseThrow(() -> ProblemException.notFound("there is no proposal " + id));
        if (!p.status().equals("open")) {
            throw new ProblemException(HttpStatus.CONFLICT, "Proposal decided", "proposal " + id + " was " + p.status()
                    + " by " + p.decidedBy() + " on " + p.decidedAt());
        }
        return p;
    }

    private void decide(long id, String status, Author reviewer, String note) {
        jdbc.sql("update corridor.proposal set status = :status, decided_by = :decided_by, decided_at = now(), decision = :decision"
                        + " where id = :id")
                .param("status", status).param("decided_by", reviewer.name()).param("decision", note).param("id", id).update();
    }

    /**
     * The open proposals of a collection (of one feature, when featureId is not null) as the features they would
     * make, each marked by {@code properties.proposal} (id, operation, author, reason, time, its address): a
     * created or replaced feature as sent; a proposed update as the current feature with its merge patch applied
     * (RFC 7396); a proposed deletion as the current feature. The current features are read as the page reads
     * them (CRS, day, scenario, properties), so their computed values (lengths, regimes) are those of the
     * current version; the proposal's own geometry is given in the page's CRS too.
     */
    List<ObjectNode> openAsFeatures(ItemsQuery page, String featureId, HttpServletRequest request) {
        Collection c = page.collection();
        String stored = "ST_SetSRID(ST_GeomFromGeoJSON(p.feature ->> 'geometry'), 4326)";
        List<Open> open = jdbc.sql("select p.id, p.feature_id, p.operation, p.author, p.reason, p.proposed_at, "
                        + "(case when jsonb_typeof(p.feature -> 'geometry') = 'object' then jsonb_set(p.feature, '{geometry}', ST_AsGeoJSON("
                        + page.crs().fromStorage(stored) + ", " + page.crs().decimals() + ")::jsonb) else p.feature end)::text as feature "
                        + "from corridor.proposal p where p.collection = :collection and p.status = 'open' "
                        + "and (cast(:feature_id as text) is null or p.feature_id = :feature_id) order by p.id")
                .param("collection", c.id()).param("feature_id", featureId)
                .query((rs, n) -> new Open(rs.getLong("id"), rs.getString("feature_id"), rs.getString("operation"), rs.getString("author"),
                        rs.getString("reason"), rs.getObject("proposed_at", OffsetDateTime.class), rs.getString("feature")))
                .list();
        Set<String> changed = new java.util.TreeSet<>();
        open.stream().filter(p -> p.operation().equals("update") || p.operation().equals("delete")).forEach(p -> changed.add(p.featureId()));
        Map<String, JsonNode> current = new HashMap<>();
        if (!changed.isEmpty()) {
            for (String f : items.collect(page.onlyFeatures(changed), request, false).features()) {
                JsonNode feature = JSON.readTree(f);
                current.put(feature.path("id").asString(), feature);
            }
        }
        List<ObjectNode> features = new ArrayList<>(open.size());
        for (Open p : open) {
            JsonNode base = current.get(p.featureId());
            ObjectNode feature = switch (p.operation()) {
                case "update" -> (ObjectNode) mergePatch(base == null ? blank(p.featureId()) : base, JSON.readTree(p.feature()));
                case "delete" -> base == null ? blank(p.featureId()) : ((ObjectNode) base).deepCopy();
                default -> (ObjectNode) JSON.readTree(p.feature());
            };
            feature.put("type", "Feature");
            feature.put("id", p.featureId());
            if (!feature.has("geometry")) {
                feature.putNull("geometry");
            }
            JsonNode properties = feature.get("properties");
            ObjectNode props = properties instanceof ObjectNode o ? o : feature.putObject("properties");
            ObjectNode marker = props.putObject("proposal");
            marker.put("id", p.id());
            marker.put("operation", p.operation());
            marker.put("author", p.author());
            marker.put("reason", p.reason());
            marker.put("proposed_at", p.proposedAt().toInstant().toString());
            marker.put("status", "open");
            marker.put("href", RequestUrls.href(request, "/proposals/" + p.id(), Map.of()));
            feature.remove("links");
            features.add(feature);
        }
        return features;
    }

    private record Open(long id, String featureId, String operation, String author, String reason, OffsetDateTime proposedAt,
                        String feature) {
    }

    private static ObjectNode blank(String id) {
        ObjectNode f = JSON.createObjectNode();
        f.put("type", "Feature");
        f.put("id", id);
        f.putNull("geometry");
        f.putObject("properties");
        return f;
    }

    /**
     * JSON merge patch (RFC 7396, section 2): an object patch sets each of its members on the target, recursively,
     * and removes those it sets to null; anything else replaces the target.
     */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), mergePatch(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    private static final String SELECT = "select id, collection, feature_id, operation, feature::text as feature, author, reason, status, "
            + "proposed_at, decided_by, decided_at, decision from corridor.proposal";

    private static Proposal proposal(java.sql.ResultSet rs) throws java.sql.SQLException {
        String feature = rs.getString("feature");
        return new Proposal(rs.getLong("id"), rs.getString("collection"), rs.getString("feature_id"), rs.getString("operation"),
                feature == null ? null : JSON.readTree(feature), rs.getString("author"), rs.getString("reason"), rs.getString("status"),
                rs.getObject("proposed_at", OffsetDateTime.class), rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class),
                rs.getString("decision"));
    }
}
