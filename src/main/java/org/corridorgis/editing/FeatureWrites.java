package org.corridorgis.editing;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.corridorgis.catalog.Collection;
import org.corridorgis.catalog.DerivedData;
import org.corridorgis.catalog.Property;
import org.corridorgis.catalog.SqlIdentifiers;
import org.corridorgis.filter.SqlFragment;
import org.corridorgis.security.Author;
import org.corridorgis.web.DataVersion;
import org.corridorgis.web.ProblemException;
import org.corridorgis.web.RequestUrls;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Creates, replaces, updates and deletes features, each write one transaction: the feature (the history
 * trigger keeps the version it replaces), its entry in {@code corridor.change_log} (author, reason), the data
 * derived from it (route segments, exposure zones) and the data version (bumped by the tables' triggers) change
 * together or not at all.
 *
 * <p>Optimistic locking: a replace, update or delete names the version it is based on (the feature state in
 * its {@code If-Match}); the row is locked, its state compared, and a write based on an older version is
 * refused (412). Of two writers sending the same ETag exactly one wins.
 *
 * <p>Names reach SQL only as the catalogue's quoted identifiers and the column types PostgreSQL itself reports;
 * every value is a bind parameter.
 */
@Service
class FeatureWrites {

    /** Properties a GET answers with that no client writes: kept by the database or computed by the service. */
    static final Set<String> READ_ONLY = Set.of("recorded_at", "recorded_to", "recorded_by", "change_reason",
            "regimes_at", "scenario_regimes", "checkpoint_details", "proposal");
    /** The author of a scenario, candidate map or line an editor made (null for official data). */
    static final String CREATED_BY = "created_by";
    static final List<String> ACCURACY = List.of("surveyed", "approximate", "schematic");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    FeatureWrites(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    enum Operation { CREATE, REPLACE, UPDATE, DELETE }

    /**
     * The outcome: the feature id, its new ETag (null after a delete), the data version the write made, and for a
     * dry run the geometry as it would be stored (GeoJSON, CRS84).
     */
    record Written(String id, String etag, long dataVersion, String geometry) {
    }

    Written write(Operation op, Collection c, String id, FeatureInput input, String ifMatchState, Author author) {
        return write(op, c, id, input, ifMatchState, author, false);
    }

    /**
     * @param dryRun check the write as the database would take it (constraints included), then roll it back; the
     *               answer's {@link Written#geometry()} is the geometry as it would be stored
     */
    Written write(Operation op, Collection c, String id, FeatureInput input, String ifMatchState, Author author, boolean dryRun) {
        try {
            return transactions.execute(status -> {
                // derived data (exposure zones) may take longer than a reader's budget
                jdbc.sql("set local statement_timeout = 60000").update();
                if (op != Operation.CREATE) {
                    OffsetDateTime recorded = jdbc.sql("select t.\"recorded_at\" from " + c.sqlTable() + " t where t.\"id\" = :id for update")
                            .param("id", id).query(OffsetDateTime.class).optional()
                            .orElseThrow(() -> ProblemException.notFound("collection '" + c.id() + "' has no feature '" + id + "'"));
                    if (ifMatchState != null && !ifMatchState.equals(DataVersion.featureState(c.id(), id, recorded))) {
                        throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "Precondition failed",
                                "feature '" + id + "' has changed since the version named in If-Match; read it again (GET) and apply the change to that");
                    }
                }
                if (op == Operation.DELETE) {
                    jdbc.sql("delete from " + c.sqlTable() + " where \"id\" = :id").param("id", id).update();
                } else {
                    Values values = values(op, c, input);
                    if (op == Operation.CREATE) {
                        insert(c, id, values);
                    } else {
                        update(c, id, values);
                    }
                }
                if (dryRun) {
                    jdbc.sql("set constraints all immediate").update();
                    String stored = c.spatial() && input != null && input.geometry() != null
                            ? jdbc.sql("select ST_AsGeoJSON(t.\"geom\") from " + c.sqlTable() + " t where t.\"id\" = :id").param("id", id)
                                    .query(String.class).single()
                            : null;
                    status.setRollbackOnly();
                    return new Written(id, null, 0, stored);
                }
                rebuildDerived(c);
                jdbc.sql("set constraints all immediate").update(); // deferred foreign keys answer here, inside the write
                // who and why, for the version this write made (none when a replace or update changed nothing)
                jdbc.sql("insert into corridor.change_log (collection, feature_id, operation, author, reason) "
                                + "select :collection, :id, :operation, :author, :reason "
                                + "where :deleted or exists (select 1 from " + c.sqlTable() + " t where t.\"id\" = :id and t.\"recorded_at\" = now())")
                        .param("collection", c.id()).param("id", id).param("operation", op.name().toLowerCase(java.util.Locale.ROOT))
                        .param("author", author.name()).param("reason", input == null ? null : input.reason())
                        .param("deleted", op == Operation.DELETE)
                        .update();
                DataVersion.Snapshot version = jdbc.sql(DataVersion.CURRENT_SQL)
                        .query((rs, n) -> new DataVersion.Snapshot(rs.getLong("v"), rs.getObject("at", OffsetDateTime.class))).single();
                String etag = null;
                if (op != Operation.DELETE) {
                    OffsetDateTime recorded = jdbc.sql("select t.\"recorded_at\" from " + c.sqlTable() + " t where t.\"id\" = :id")
                            .param("id", id).query(OffsetDateTime.class).single();
                    etag = DataVersion.featureEtag(version, "/collections/" + RequestUrls.encode(c.id()) + "/items/" + RequestUrls.encode(id),
                            DataVersion.featureState(c.id(), id, recorded));
                }
                return new Written(id, etag, version.version(), null);
            });
        } catch (DataAccessException e) {
            throw refused(e);
        }
    }

    /** The column values of a write, as SQL with bind parameters: in column order. */
    private record Values(List<String> columns, List<SqlFragment> expressions) {
    }

    private Values values(Operation op, Collection c, FeatureInput in) {
        List<String> columns = new ArrayList<>();
        List<SqlFragment> expressions = new ArrayList<>();
        Set<String> generated = generated(c);
        boolean whole = op != Operation.UPDATE;
        // geometry
        if (c.spatial()) {
            if (in.geometry() != null) {
                columns.add(SqlIdentifiers.quote(Collection.GEOMETRY_COLUMN));
                expressions.add(geometry(c, in));
            } else if (whole || in.geometryGiven()) {
                if (op != Operation.CREATE) {
                    columns.add(SqlIdentifiers.quote(Collection.GEOMETRY_COLUMN));
                    expressions.add(NULL);
                }
            }
        } else if (in.geometry() != null) {
            throw unprocessable("collection '" + c.id() + "' has no geometry; send \"geometry\": null");
        }
        // properties
        for (Map.Entry<String, JsonNode> e : in.properties().entrySet()) {
            String name = e.getKey();
            if (READ_ONLY.contains(name) || generated.contains(name) || name.equals(CREATED_BY)) {
                continue; // as a GET gave it: the database keeps it
            }
            Property p = c.property(name).filter(q -> !q.name().equals(Collection.GEOMETRY_COLUMN)).orElseThrow(() ->
                    ProblemException.badRequest("collection '" + c.id() + "' has no property '" + name + "'; its properties are "
                            + writable(c)));
            columns.add(p.sqlName());
            JsonNode v = e.getValue();
            if (v == null || v.isNull()) {
                expressions.add(NULL);
                continue;
            }
            expressions.add(valueSql(c, p, v));
        }
        if (in.markedBy() != null && c.property(CREATED_BY).isPresent()) {
            columns.add(SqlIdentifiers.quote(CREATED_BY));
            expressions.add(SqlFragment.value(in.markedBy()));
        }
        if (whole) {
            // a replace sets every column: those not sent go back to their default (or null)
            for (Property p : c.properties()) {
                if (!p.name().equals(Collection.GEOMETRY_COLUMN) && !READ_ONLY.contains(p.name()) && !generated.contains(p.name())
                        && !p.name().equals(CREATED_BY) && !in.properties().containsKey(p.name()) && op == Operation.REPLACE) {
                    columns.add(p.sqlName());
                    expressions.add(SqlFragment.text("default"));
                }
            }
            for (String required : List.of("sources", "accuracy")) {
                if (c.property(required).isPresent() && !c.id().equals("sources")) {
                    JsonNode v = in.properties().get(required);
                    if (v == null || v.isNull()) {
                        throw unprocessable("'" + required + "' is required: " + (required.equals("sources")
                                ? "the ids of the sources (collection 'sources') the feature rests on"
                                : "one of " + ACCURACY));
                    }
                }
            }
        }
        checkDates(in);
        return new Values(columns, expressions);
    }

    private static final SqlFragment NULL = SqlFragment.text("null");

    /** A property's value as a bind parameter of the column's type. */
    private SqlFragment valueSql(Collection c, Property p, JsonNode v) {
        String name = p.name();
        switch (p.type()) {
            case STRING -> {
                if (!v.isString()) {
                    throw badValue(name, "text");
                }
                if (name.equals("accuracy") && !ACCURACY.contains(v.asString())) {
                    throw unprocessable("accuracy must be one of " + ACCURACY + ", not '" + v.asString() + "'");
                }
                return SqlFragment.of("cast(:value as " + p.pgType() + ")", "value", v.asString());
            }
            case INTEGER, NUMBER -> {
                if (!v.isNumber()) {
                    throw badValue(name, p.type() == org.corridorgis.filter.QueryableType.INTEGER ? "an integer" : "a number");
                }
                return SqlFragment.of("cast(:value as " + p.pgType() + ")", "value", v.asString());
            }
            case BOOLEAN -> {
                if (!v.isBoolean()) {
                    throw badValue(name, "true or false");
                }
                return SqlFragment.value(v.asBoolean());
            }
            case DATE -> {
                if (!v.isString()) {
                    throw badValue(name, "a date (YYYY-MM-DD)");
                }
                try {
                    LocalDate.parse(v.asString());
                } catch (DateTimeParseException e) {
                    throw badValue(name, "a date (YYYY-MM-DD)");
                }
                return SqlFragment.of("cast(:value as date)", "value", v.asString());
            }
            case TIMESTAMP -> {
                if (!v.isString()) {
                    throw badValue(name, "a date and time (RFC 3339)");
                }
                try {
                    OffsetDateTime.parse(v.asString());
                } catch (DateTimeParseException e) {
                    throw badValue(name, "a date and time (RFC 3339)");
                }
                return SqlFragment.of("cast(:value as " + p.pgType() + ")", "value", v.asString());
            }
            case STRING_ARRAY -> {
                if (!v.isArray()) {
                    throw badValue(name, "an array of text");
                }
                for (JsonNode item : v) {
                    if (!item.isString()) {
                        throw badValue(name, "an array of text");
                    }
                }
                if (name.equals("sources") && !c.id().equals("sources")) {
                    checkSources(v);
                }
                return SqlFragment.of("cast(array(select jsonb_array_elements_text(cast(:value as jsonb))) as " + p.pgType() + ")",
                        "value", v.toString());
            }
            case JSON -> {
                return SqlFragment.of("cast(:value as " + p.pgType() + ")", "value", v.toString());
            }
            default -> throw badValue(name, "a value of another kind");
        }
    }

    private void checkSources(JsonNode sources) {
        if (sources.isEmpty()) {
            throw unprocessable("'sources' must name at least one source");
        }
        List<String> unknown = jdbc.sql("select s from jsonb_array_elements_text(cast(:sources as jsonb)) s "
                        + "where not exists (select 1 from corridor.sources x where x.id = s)")
                .param("sources", sources.toString()).query(String.class).list();
        if (!unknown.isEmpty()) {
            throw unprocessable("'sources' names sources that do not exist: " + unknown + "; add them to the collection 'sources' first");
        }
    }

    private static void checkDates(FeatureInput in) {
        JsonNode from = in.properties().get("valid_from");
        JsonNode to = in.properties().get("valid_to");
        if (from != null && to != null && from.isString() && to.isString()) {
            try {
                if (LocalDate.parse(from.asString()).isAfter(LocalDate.parse(to.asString()))) {
                    throw unprocessable("valid_from (" + from.asString() + ") is after valid_to (" + to.asString() + ")");
                }
            } catch (DateTimeParseException e) {
                // reported with the property itself
            }
        }
    }

    /** The geometry in storage coordinates (EPSG:4326, longitude first, 2D), checked for its type, validity and region. */
    private SqlFragment geometry(Collection c, FeatureInput in) {
        String expected = c.geometryType();
        String sent = in.geometryType();
        boolean multi = false;
        if (!expected.equals("Geometry") && !expected.equals(sent)) {
            if (("Multi" + sent).equals(expected)) {
                multi = true;
            } else {
                throw unprocessable("collection '" + c.id() + "' holds " + expected + " geometries, not " + sent);
            }
        }
        String sql = "ST_Force2D(" + in.crs().toStorage("ST_SetSRID(ST_GeomFromGeoJSON(cast(:geometry as text)), " + in.crs().srid() + ")") + ")";
        if (multi) {
            sql = "ST_Multi(" + sql + ")";
        }
        Map<String, Object> check = jdbc.sql("select ST_IsValid(g) as valid, ST_IsValidReason(g) as reason, corridor.in_region(g) as inside, "
                        + "ST_IsEmpty(g) as empty from (select " + sql + " as g) x")
                .param("geometry", in.geometry()).query().singleRow();
        if (Boolean.TRUE.equals(check.get("empty"))) {
            throw unprocessable("the geometry is empty");
        }
        if (!Boolean.TRUE.equals(check.get("valid"))) {
            throw unprocessable("the geometry is not valid: " + check.get("reason"));
        }
        if (!Boolean.TRUE.equals(check.get("inside"))) {
            throw unprocessable("the geometry lies outside the region the service covers (longitude 42.5 to 51, latitude 37 to 42.5"
                    + (in.crs().latitudeFirst() ? "; with Content-Crs EPSG:4326 the coordinates are latitude first" : "") + ")");
        }
        return SqlFragment.of(sql, "geometry", in.geometry());
    }

    private void insert(Collection c, String id, Values v) {
        String columns = String.join(", ", prepend(SqlIdentifiers.quote(Collection.ID_COLUMN), v.columns()));
        List<SqlFragment> values = new ArrayList<>();
        values.add(SqlFragment.value(id));
        values.addAll(v.expressions());
        SqlFragment insert = SqlFragment.cat("insert into " + c.sqlTable() + " (" + columns + ") values (",
                SqlFragment.join(", ", values), ")");
        jdbc.sql(insert.sql()).params(insert.paramMap()).update();
    }

    private void update(Collection c, String id, Values v) {
        if (v.columns().isEmpty()) {
            return; // nothing to change: the version stays
        }
        List<SqlFragment> sets = new ArrayList<>();
        for (int i = 0; i < v.columns().size(); i++) {
            sets.add(SqlFragment.cat(v.columns().get(i) + " = ", v.expressions().get(i)));
        }
        SqlFragment update = SqlFragment.cat("update " + c.sqlTable() + " set ", SqlFragment.join(", ", sets),
                " where \"id\" = ", SqlFragment.value(id));
        jdbc.sql(update.sql()).params(update.paramMap()).update();
    }

    /** The derived data the catalogue says the collection's writes rebuild (route segments, exposure zones). */
    private void rebuildDerived(Collection c) {
        for (DerivedData d : c.rebuilds()) {
            jdbc.sql(d.rebuildSql()).query(Integer.class).single();
        }
    }

    /** The columns PostgreSQL computes, as the catalogue read them. */
    private static Set<String> generated(Collection c) {
        return c.properties().stream().filter(p -> p.column().generated()).map(Property::name).collect(java.util.stream.Collectors.toSet());
    }

    List<String> writable(Collection c) {
        Set<String> generated = generated(c);
        return c.properties().stream().map(Property::name)
                .filter(n -> !n.equals(Collection.GEOMETRY_COLUMN) && !READ_ONLY.contains(n) && !generated.contains(n)
                        && !n.equals(CREATED_BY)).toList();
    }

    /**
     * A new scenario that names another in {@code based_on} starts as a copy of it (its assignments of regimes to
     * route segments and checkpoints, description, sources, accuracy, positions); what the body gives replaces
     * the copied values.
     */
    FeatureInput basedOn(Collection scenarios, FeatureInput in) {
        JsonNode base = in.properties().get("based_on");
        if (base == null || base.isNull()) {
            return in;
        }
        if (!base.isString()) {
            throw badValue("based_on", "the id of a scenario");
        }
        String copied = jdbc.sql("select (to_jsonb(s) - 'id' - 'recorded_at' - 'created_by')::text from " + scenarios.sqlTable() + " s where s.\"id\" = :id")
                .param("id", base.asString()).query(String.class).optional()
                .orElseThrow(() -> unprocessable("based_on names no scenario: '" + base.asString() + "'"));
        Map<String, JsonNode> properties = new java.util.LinkedHashMap<>();
        tools.jackson.databind.json.JsonMapper.builder().build().readTree(copied).properties()
                .forEach(e -> properties.put(e.getKey(), e.getValue()));
        in.properties().forEach((k, v) -> {
            if (!k.equals("based_on")) {
                properties.put(k, v);
            }
        });
        if (!in.properties().containsKey("note")) {
            properties.put("note", tools.jackson.databind.node.JsonNodeFactory.instance.stringNode("Based on the scenario '" + base.asString() + "'."));
        }
        return new FeatureInput(in.id(), in.geometryGiven(), in.geometry(), in.geometryType(), properties, in.crs(), in.reason(), in.markedBy());
    }

    /** Who made a feature of a collection where editors own what they make (empty: official, or no such feature). */
    java.util.Optional<String> createdBy(Collection c, String id) {
        if (c.property(CREATED_BY).isEmpty()) {
            return java.util.Optional.empty();
        }
        return jdbc.sql("select t.\"created_by\" from " + c.sqlTable() + " t where t.\"id\" = :id").param("id", id)
                .query(String.class).optional();
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static ProblemException unprocessable(String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid feature", detail);
    }

    private static ProblemException badValue(String property, String expected) {
        return ProblemException.badRequest("the property '" + property + "' must be " + expected);
    }

    /** A write the database refused: a constraint (422), a duplicate id (409), a value of the wrong type (400). */
    private static RuntimeException refused(DataAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                String message = t instanceof PSQLException p && p.getServerErrorMessage() != null
                        ? p.getServerErrorMessage().getMessage() : String.valueOf(sql.getMessage()).lines().findFirst().orElse("");
                if (state.equals("23505")) {
                    return new ProblemException(HttpStatus.CONFLICT, "Feature exists", "a feature with this id exists already ("
                            + message + "); replace it with PUT, or choose another id");
                }
                if (state.startsWith("23")) {
                    return unprocessable("the database refused the feature: " + message);
                }
                if (state.startsWith("22") || state.equals("XX000")) {
                    return ProblemException.badRequest("a value of the feature was refused: " + message);
                }
                break;
            }
        }
        return e;
    }
}
