package org.corridorgis.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.corridorgis.catalog.Collection;
import org.corridorgis.catalog.Property;
import org.corridorgis.catalog.PropertyValues;
import org.corridorgis.crs.SupportedCrs;
import org.corridorgis.filter.QueryableType;
import org.corridorgis.filter.SqlFragment;
import org.corridorgis.scenario.Scenarios;
import org.corridorgis.web.OutputFormat;
import org.corridorgis.web.ProblemException;
import org.springframework.stereotype.Component;

/**
 * Reads and checks the parameters of {@code /collections/{id}/items}. Every name a client sends is looked up
 * in the catalogue; anything unknown or malformed is a 400 that says what was wrong, as OGC API – Features
 * requires ({@code /req/core/query-param-unknown}, {@code /req/core/query-param-invalid}).
 */
@Component
public class ItemsRequestParser {

    static final Set<String> STANDARD_PARAMETERS = Set.of("f", "limit", "offset", "bbox", "bbox-crs", "datetime",
            "properties", "sortby", "crs", "filter", "filter-lang", "filter-crs", "cursor", "scenario");

    private final FeaturesProperties limits;
    private final FilterCompiler filters;
    private final Scenarios scenarios;

    public ItemsRequestParser(FeaturesProperties limits, FilterCompiler filters, Scenarios scenarios) {
        this.limits = limits;
        this.filters = filters;
        this.scenarios = scenarios;
    }

    public ItemsQuery parse(Collection collection, HttpServletRequest request) {
        Map<String, String[]> params = request.getParameterMap();
        Map<String, Property> byName = collection.propertiesByName();
        for (Map.Entry<String, String[]> e : params.entrySet()) {
            String name = e.getKey();
            if (!STANDARD_PARAMETERS.contains(name) && !byName.containsKey(name) && !name.equals(Collection.ID_COLUMN)) {
                throw ProblemException.badParameter(name, "'" + name + "' is not a parameter of this collection's items; "
                        + "parameters are " + String.join(", ", STANDARD_PARAMETERS.stream().sorted().toList())
                        + ", and the queryables of /collections/" + collection.id() + "/queryables");
            }
            if (e.getValue().length > 1) {
                throw ProblemException.badParameter(name, "'" + name + "' is given " + e.getValue().length + " times; give it once");
            }
        }
        OutputFormat format = OutputFormat.forItems(request);
        int limit = limit(single(params, "limit"), format);
        long offset = offset(single(params, "offset"));
        SupportedCrs crs = crs("crs", single(params, "crs"), SupportedCrs.CRS84);
        if (format == OutputFormat.KML && !crs.geographic()) {
            throw ProblemException.badParameter("crs", "KML is always WGS 84 longitude/latitude; use crs=CRS84 or leave crs out");
        }
        // Collections without geometry take crs too (their features' geometry is null in every CRS), so that every
        // collection declares and honours the same list (OGC API – Features Part 2, /req/crs/fc-md-crs-list).
        BoundingBox bbox = null;
        String bboxText = single(params, "bbox");
        SupportedCrs bboxCrs = crs("bbox-crs", single(params, "bbox-crs"), SupportedCrs.CRS84);
        if (bboxText != null) {
            // On a collection without geometry every feature lies outside the box (Part 1, /req/core/fc-bbox-response).
            bbox = BoundingBox.parse(bboxText, bboxCrs);
        } else if (single(params, "bbox-crs") != null) {
            throw ProblemException.badParameter("bbox-crs", "bbox-crs needs a bbox");
        }
        DateTimeInterval datetime = null;
        String datetimeText = single(params, "datetime");
        if (datetimeText != null) {
            if (!collection.temporal()) {
                throw ProblemException.badParameter("datetime", "collection '" + collection.id() + "' has no time to select by");
            }
            datetime = DateTimeInterval.parse(datetimeText);
        }
        List<Property> properties = properties(collection, single(params, "properties"));
        List<SortKey> sortBy = sortBy(collection, single(params, "sortby"));
        Map<Property, String> equalTo = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : params.entrySet()) {
            Property p = byName.get(e.getKey());
            if (p != null && !STANDARD_PARAMETERS.contains(e.getKey())) {
                String problem = PropertyValues.problem(p, e.getValue()[0]);
                if (problem != null) {
                    throw ProblemException.badParameter(p.name(), problem);
                }
                equalTo.put(p, e.getValue()[0]);
            }
        }
        if (params.containsKey(Collection.ID_COLUMN)) {
            equalTo.put(ItemsQuery.ID, single(params, Collection.ID_COLUMN));
        }
        SqlFragment filter = filters.compile(collection, single(params, "filter"), single(params, "filter-lang"),
                single(params, "filter-crs"));
        String scenario = single(params, "scenario");
        if (scenario != null) {
            if (!collection.regimesOnFeaturePages()) {
                throw ProblemException.badParameter("scenario", "scenario applies to the routes and checkpoints collections only");
            }
            if (!scenarios.exists(scenario)) {
                throw ProblemException.badParameter("scenario", "no scenario '" + scenario + "'; see /collections/scenarios/items");
            }
        }
        ItemsQuery draft = new ItemsQuery(collection, limit, offset, bbox, datetime, properties, sortBy, equalTo, filter,
                null, crs, scenario, format);
        String cursorText = single(params, "cursor");
        if (cursorText == null) {
            return draft;
        }
        Cursor cursor = Cursor.decode(cursorText, draft.sortSignature(), draft.sortKeysWithId().size());
        return new ItemsQuery(collection, limit, offset, bbox, datetime, properties, sortBy, equalTo, filter, cursor, crs,
                scenario, format);
    }

    /**
     * Every feature of a collection for a whole-dataset export: as it stood on {@code datetime} (for the
     * collections that record time; null for now and then alike), with the regimes of {@code scenario} (null
     * for all scenarios). Both are checked as for items.
     */
    public ItemsQuery whole(Collection collection, String datetimeText, String scenario) {
        DateTimeInterval datetime = datetimeText == null || !collection.temporal() ? null : DateTimeInterval.parse(datetimeText);
        if (scenario != null && !scenarios.exists(scenario)) {
            throw ProblemException.badParameter("scenario", "no scenario '" + scenario + "'; see /collections/scenarios/items");
        }
        return new ItemsQuery(collection, WHOLE_RESULT, 0, null, datetime, properties(collection, null), List.of(), Map.of(),
                null, null, SupportedCrs.CRS84, scenario, OutputFormat.GPKG);
    }

    /** A download is a file, not a page: it holds every matching feature unless {@code limit} says fewer. */
    static final int WHOLE_RESULT = Integer.MAX_VALUE - 1;

    private int limit(String text, OutputFormat format) {
        if (text == null) {
            return format.download() ? WHOLE_RESULT : limits.defaultLimit();
        }
        int max = format == OutputFormat.HTML ? limits.htmlMaxLimit() : format.download() ? WHOLE_RESULT : limits.maxLimit();
        int limit = integer("limit", text);
        if (limit < 1 || limit > max) {
            throw ProblemException.badParameter("limit", "limit must be between 1 and " + max + ", got " + limit);
        }
        return limit;
    }

    private static long offset(String text) {
        if (text == null) {
            return 0;
        }
        int offset = integer("offset", text);
        if (offset < 0) {
            throw ProblemException.badParameter("offset", "offset must not be negative, got " + offset);
        }
        return offset;
    }

    private static int integer(String name, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter(name, "'" + text + "' is not a whole number");
        }
    }

    static SupportedCrs crs(String name, String text, SupportedCrs fallback) {
        if (text == null) {
            return fallback;
        }
        return SupportedCrs.parse(text).orElseThrow(() -> ProblemException.badParameter(name,
                "'" + text + "' is not a supported CRS; supported: " + String.join(", ", SupportedCrs.uris())));
    }

    private static List<Property> properties(Collection collection, String text) {
        List<Property> all = collection.properties().stream().filter(p -> p.type() != QueryableType.GEOMETRY).toList();
        if (text == null) {
            return all;
        }
        List<Property> chosen = new ArrayList<>();
        for (String name : text.split(",")) {
            String n = name.trim();
            if (n.isEmpty()) {
                continue;
            }
            Property p = collection.property(n).filter(q -> q.type() != QueryableType.GEOMETRY).orElseThrow(() ->
                    ProblemException.badParameter("properties", "collection '" + collection.id() + "' has no property '" + n
                            + "'; its properties are " + String.join(", ", all.stream().map(Property::name).toList())));
            if (!chosen.contains(p)) {
                chosen.add(p);
            }
        }
        return chosen;
    }

    private static List<SortKey> sortBy(Collection collection, String text) {
        List<SortKey> keys = new ArrayList<>();
        if (text == null) {
            return keys;
        }
        for (String item : text.split(",")) {
            String t = item.trim();
            if (t.isEmpty()) {
                continue;
            }
            boolean descending = t.startsWith("-");
            String name = (t.startsWith("-") || t.startsWith("+")) ? t.substring(1) : t;
            if (name.equals(Collection.ID_COLUMN)) {
                keys.add(new SortKey(ItemsQuery.ID, descending));
                continue;
            }
            Optional<Property> p = collection.property(name);
            if (p.isEmpty() || !p.get().sortable()) {
                throw ProblemException.badParameter("sortby", "cannot sort collection '" + collection.id() + "' by '" + name
                        + "'; sortable: id, " + String.join(", ", collection.properties().stream().filter(Property::sortable)
                        .map(Property::name).toList()));
            }
            keys.add(new SortKey(p.get(), descending));
        }
        return keys;
    }

    private static String single(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        return values == null ? null : values[0];
    }
}
