package org.corridorgis.features;

import org.corridorgis.catalog.Collection;
import org.corridorgis.crs.SupportedCrs;
import org.corridorgis.filter.Cql2;
import org.corridorgis.filter.Expression;
import org.corridorgis.filter.FilterLimits;
import org.corridorgis.filter.SqlFragment;
import org.corridorgis.web.ProblemException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Turns the {@code filter}, {@code filter-lang} and {@code filter-crs} parameters into a SQL condition on the
 * items' table alias {@code t}, through the collection's queryables (OGC API – Features Part 3).
 */
@Component
class FilterCompiler {

    private final FilterLimits limits;

    FilterCompiler(FilterLimitsProperties properties) {
        this.limits = new FilterLimits(properties.maxLength(), properties.maxDepth(), properties.maxNodes());
    }

    SqlFragment compile(Collection collection, String filter, String language, String crsText) {
        if (filter == null) {
            if (language != null || crsText != null) {
                throw ProblemException.badParameter(language != null ? "filter-lang" : "filter-crs", "needs a filter");
            }
            return null;
        }
        SupportedCrs crs = ItemsRequestParser.crs("filter-crs", crsText, SupportedCrs.CRS84);
        String lang = language == null ? "cql2-text" : language;
        Expression expression = switch (lang) {
            case "cql2-text" -> Cql2.parseText(filter, limits);
            case "cql2-json" -> Cql2.parseJson(filter, limits);
            default -> throw ProblemException.badParameter("filter-lang",
                    "'" + lang + "' is not a filter language here; use cql2-text or cql2-json");
        };
        return Cql2.toSql(expression, collection.queryables("t"), crs.srid(), crs.latitudeFirst());
    }

    @ConfigurationProperties("corridor.filter")
    record FilterLimitsProperties(int maxLength, int maxDepth, int maxNodes) {
        // the defaults are in application.yml, the one place for them; FilterLimits checks the values
    }
}
