package org.corridorgis.analysis;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The answers of the route analyses as Jackson writes them; the HTML and CSV views render the same records. */
final class RouteAnswers {

    private RouteAnswers() {
    }

    /** Routes compared under one scenario ({@code /analysis/routes/compare}). */
    @JsonPropertyOrder({"scenario", "datetime", "scenario_note", "parameters", "parameter_basis", "method", "routes", "sources"})
    record Comparison(RouteAnalysis.Scenario scenario, String datetime,
                      @JsonProperty("scenario_note") @JsonInclude(JsonInclude.Include.NON_NULL) String scenarioNote,
                      RouteAnalysis.Tuning.Stated parameters,
                      @JsonProperty("parameter_basis") Map<String, String> parameterBasis,
                      String method, List<RouteReport> routes, List<Citation> sources) {
    }

    /** One route under every scenario ({@code /analysis/routes/{id}/scenarios}). */
    @JsonPropertyOrder({"route", "datetime", "parameters", "scenarios", "sources"})
    record UnderEachScenario(String route, String datetime, RouteAnalysis.Tuning.Stated parameters, List<UnderScenario> scenarios,
                             List<Citation> sources) {

        /** The route's name, for a heading: its id when there is no scenario to have read it under. */
        @JsonIgnore
        String routeName() {
            return scenarios.isEmpty() ? route : scenarios.get(0).report().name();
        }
    }

    /** The route under one scenario: the figures that differ between scenarios (the whole report is kept for the views). */
    @JsonPropertyOrder({"scenario", "scenario_name", "open", "checkpoint_checks", "transit_time", "segments", "checkpoints",
            "crossings", "length_km"})
    record UnderScenario(String scenario, @JsonProperty("scenario_name") String scenarioName, @JsonIgnore RouteReport report) {

        @JsonProperty
        public boolean open() {
            return report.open();
        }

        @JsonProperty("checkpoint_checks")
        public RouteReport.CheckCounts checkpointChecks() {
            return report.checkpointChecks();
        }

        @JsonProperty("transit_time")
        public RouteReport.TransitTime transitTime() {
            return report.transitTime();
        }

        @JsonProperty
        public List<RouteReport.Segment> segments() {
            return report.segments();
        }

        @JsonProperty
        public List<RouteReport.Checkpoint> checkpoints() {
            return report.checkpoints();
        }

        @JsonProperty
        public List<RouteReport.Crossing> crossings() {
            return report.crossings();
        }

        @JsonProperty("length_km")
        public double lengthKm() {
            return report.lengthKm();
        }
    }

    /**
     * The compared routes as GeoJSON ({@code f=geojson}): each route's geometry, with its report and the scenario as
     * the feature's properties.
     */
    @JsonPropertyOrder({"type", "scenario", "method", "features", "sources"})
    record RouteFeatures(RouteAnalysis.Scenario scenario, String method, List<RouteFeature> features, List<Citation> sources) {

        @JsonProperty
        public String type() {
            return "FeatureCollection";
        }
    }

    /**
     * One route as a GeoJSON feature. {@code geometry} is the route's GeoJSON as PostGIS writes it; {@code properties}
     * the route's report as JSON with the scenario added, a JSON object because a report is written as it stands.
     */
    @JsonPropertyOrder({"type", "id", "geometry", "properties"})
    record RouteFeature(String id, JsonNode geometry, ObjectNode properties) {

        @JsonProperty
        public String type() {
            return "Feature";
        }
    }

    /** Routes under one scenario, as the route table of the HTML and CSV views lists them. */
    record Table(String scenario, List<RouteReport> routes) {
    }
}
