package org.corridorgis.analysis;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.JsonNode;

/**
 * What the candidate-map comparison answers ({@code /analysis/boundaries/compare}): a GeoJSON FeatureCollection of
 * the areas between the two maps' lines, with the maps, the totals, the sections, the places the maps put on different
 * sides, the exclaves, notes and sources as foreign members. Jackson writes it as it stands (the field order is the
 * JSON's); {@link AnalysisViews} renders it as HTML and CSV. A pair that cannot be compared (a map publishes no line)
 * has no sections, places, exclaves or method: those are left out rather than written as null.
 */
@JsonPropertyOrder({"type", "a", "b", "section", "comparable", "totals", "sections", "places_on_different_sides", "exclaves", "notes",
        "method", "features", "sources"})
record MapComparison(BoundaryMap a, BoundaryMap b,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String section,
                     boolean comparable,
                     Totals totals,
                     @JsonInclude(JsonInclude.Include.NON_NULL) List<Section> sections,
                     @JsonProperty("places_on_different_sides") @JsonInclude(JsonInclude.Include.NON_NULL) List<PlaceOnSides> placesOnDifferentSides,
                     @JsonInclude(JsonInclude.Include.NON_NULL) List<Exclave> exclaves,
                     List<String> notes,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String method,
                     List<Face> features,
                     List<Citation> sources) {

    @JsonProperty
    public String type() {
        return "FeatureCollection";
    }

    /** A candidate map as the comparison names it. */
    @JsonPropertyOrder({"id", "title", "proposed_by", "status", "accuracy", "sources"})
    record BoundaryMap(String id, String title, @JsonProperty("proposed_by") String proposedBy, String status, String accuracy,
                       List<String> sources) {
    }

    /**
     * The area between the lines in all and by direction ({@code 'X→Y'} km²) with what a direction means; for a pair
     * that cannot be compared, no area and {@code comparable: false} instead.
     */
    @JsonPropertyOrder({"area_km2", "directions", "meaning", "comparable"})
    record Totals(@JsonProperty("area_km2") Double areaKm2,
                  @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Double> directions,
                  @JsonInclude(JsonInclude.Include.NON_NULL) String meaning,
                  @JsonInclude(JsonInclude.Include.NON_NULL) Boolean comparable) {

        static Totals notComparable() {
            return new Totals(null, null, null, false);
        }
    }

    /** One section of the border as each map draws it: its lines, lengths, how far apart they are and whether they meet. */
    @JsonPropertyOrder({"section", "lines_a", "lines_b", "length_a_km", "length_b_km", "hausdorff_m", "lines_meet"})
    record Section(String section,
                   @JsonProperty("lines_a") List<String> linesA,
                   @JsonProperty("lines_b") List<String> linesB,
                   @JsonProperty("length_a_km") Double lengthAKm,
                   @JsonProperty("length_b_km") Double lengthBKm,
                   @JsonProperty("hausdorff_m") Double hausdorffM,
                   @JsonProperty("lines_meet") Boolean linesMeet) {
    }

    /** A named place inside an area between the lines: the state each map puts it in. */
    @JsonPropertyOrder({"place", "side_a", "side_b", "face"})
    record PlaceOnSides(String place, @JsonProperty("side_a") String sideA, @JsonProperty("side_b") String sideB, String face) {
    }

    /**
     * An exclave with its status, which of the compared maps draw it and the areas between the lines that hold it;
     * {@code geometry} is its stored shape as PostGIS writes it (null without one).
     */
    @JsonPropertyOrder({"id", "name", "claimed_by", "controlled_by", "since", "accuracy", "area_km2", "cited_area_km2", "drawn_by",
            "faces", "counted", "status", "geometry"})
    record Exclave(String id, String name,
                   @JsonProperty("claimed_by") String claimedBy,
                   @JsonProperty("controlled_by") String controlledBy,
                   String since, String accuracy,
                   @JsonProperty("area_km2") Double areaKm2,
                   @JsonProperty("cited_area_km2") Double citedAreaKm2,
                   @JsonProperty("drawn_by") List<String> drawnBy,
                   List<String> faces, boolean counted, String status, JsonNode geometry) {
    }

    /** An area between the lines as a GeoJSON feature ({@code face-1} the largest); its outline as PostGIS writes it. */
    @JsonPropertyOrder({"type", "id", "geometry", "properties"})
    record Face(String id, JsonNode geometry, FaceProperties properties) {

        @JsonProperty
        public String type() {
            return "Feature";
        }

        /** How the answer names the face elsewhere: its id and direction, {@code "face-2 (ARM→AZE)"}. */
        String label() {
            return id + " (" + properties.direction() + ")";
        }
    }

    /**
     * The state each map puts the area in, their direction ({@code 'X→Y'}, or {@code undetermined} when both maps
     * appear to put it in the same state), the sections, lines and places it touches.
     */
    @JsonPropertyOrder({"area_km2", "state_a", "state_b", "direction", "sections", "lines", "places"})
    record FaceProperties(@JsonProperty("area_km2") Double areaKm2,
                          @JsonProperty("state_a") String stateA,
                          @JsonProperty("state_b") String stateB,
                          String direction, List<String> sections, List<String> lines, List<String> places) {
    }
}
