package org.corridorgis.analysis;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What territory accounting answers ({@code /analysis/territory}), written by Jackson as it stands (the field order
 * is the JSON's) and rendered by {@link AnalysisViews} as HTML: the time axes asked for, the headline figure with each
 * side's stated figure beside it, the totals over all areas and by each grouping, the areas, and the sources cited.
 */
@JsonPropertyOrder({"time", "headline", "total", "totals", "areas", "sources"})
record TerritoryReport(Time time, Headline headline, Total total, Totals totals, List<Area> areas, List<Citation> sources) {

    /** The two time axes: the valid date and the transaction instant asked for (null: not asked), and what they mean. */
    @JsonPropertyOrder({"datetime", "recorded", "axes"})
    record Time(String datetime, String recorded, String axes) {
    }

    /**
     * The headline figure: the computed total of the areas the definition selects, beside each side's own figure as
     * stated ({@code cited}); none of them is judged.
     */
    @JsonPropertyOrder({"title", "definition", "area_km2", "cited_area_km2", "areas", "ids", "cited"})
    record Headline(String title, String definition,
                    @JsonProperty("area_km2") Double areaKm2,
                    @JsonProperty("cited_area_km2") Double citedAreaKm2,
                    int areas, List<String> ids, List<Stated> cited) {
    }

    /** A party's stated figure on the territory (a position with topic 'territory'), with its sources. */
    @JsonPropertyOrder({"party", "stated_by", "position", "stated_on", "sources"})
    record Stated(String party, @JsonProperty("stated_by") String statedBy, String position,
                  @JsonProperty("stated_on") String statedOn, List<String> sources) {
    }

    /** The ways the totals are grouped: the answer's key for each, and the column whose value names the group. */
    enum Grouping {
        KIND("by_kind", "kind"), CONTROLLER("by_controller", "controlled_by"), CLAIMANT("by_claimant", "claimed_by"),
        EPISODE("by_episode", "episode");

        final String key;
        final String column;

        Grouping(String key, String column) {
            this.key = key;
            this.column = column;
        }
    }

    /**
     * The areas of one group (or of all: {@code grouping} null), their geodesic and cited km² and ids. The group's
     * value comes last, named by its column ({@code "kind": …}); a group's value may be null (areas with no episode).
     */
    @JsonPropertyOrder({"areas", "with_geometry", "area_km2", "cited_area_km2", "ids"})
    record Total(int areas,
                 @JsonProperty("with_geometry") int withGeometry,
                 @JsonProperty("area_km2") Double areaKm2,
                 @JsonProperty("cited_area_km2") Double citedAreaKm2,
                 List<String> ids,
                 @JsonIgnore Grouping grouping,
                 @JsonIgnore String group) {

        /** The group's value under its column's name, after the figures; nothing for the total over all areas. */
        @JsonAnyGetter
        public Map<String, String> groupedBy() {
            return grouping == null ? Map.of() : Collections.singletonMap(grouping.column, group);
        }
    }

    /** The totals by each grouping, in the order of {@link Grouping}. */
    @JsonPropertyOrder({"by_kind", "by_controller", "by_claimant", "by_episode"})
    record Totals(@JsonProperty("by_kind") List<Total> byKind,
                  @JsonProperty("by_controller") List<Total> byController,
                  @JsonProperty("by_claimant") List<Total> byClaimant,
                  @JsonProperty("by_episode") List<Total> byEpisode) {

        List<Total> of(Grouping grouping) {
            return switch (grouping) {
                case KIND -> byKind;
                case CONTROLLER -> byController;
                case CLAIMANT -> byClaimant;
                case EPISODE -> byEpisode;
            };
        }
    }

    /** One disputed area as counted: its computed (geodesic) and cited km², status, dates and sources. */
    @JsonPropertyOrder({"id", "name", "kind", "place", "claimed_by", "controlled_by", "since", "episode", "known_from", "area_km2",
            "cited_area_km2", "cited_figure", "has_geometry", "headline", "accuracy", "sources"})
    record Area(String id, String name, String kind, String place,
                @JsonProperty("claimed_by") String claimedBy,
                @JsonProperty("controlled_by") String controlledBy,
                String since, String episode,
                @JsonProperty("known_from") String knownFrom,
                @JsonProperty("area_km2") Double areaKm2,
                @JsonProperty("cited_area_km2") Double citedAreaKm2,
                @JsonProperty("cited_figure") String citedFigure,
                @JsonProperty("has_geometry") boolean hasGeometry,
                boolean headline, String accuracy, List<String> sources) {
    }
}
