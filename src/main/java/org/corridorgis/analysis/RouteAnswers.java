package org.corridorgis.analysis;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The answers of the route analyses as Jackson writes them; the HTML and CSV views render the same records. */
final class RouteAnswers {

    private RouteAnswers() {
    }

    /** Routes compared under one scenario ({@code /analysis/routes/compare}). */
    @JsonPropertyOrder({"scenario", "datetime", "scenario_note", "parameters", "parameter_basis", "method", "routes", "sources"})
    record Comparison(RouteAnalysis.Scenario scenario, String datetime,
                      @JsonProperty("scenario_note") @JsonInclude(JsonInclude.Include.NON_NULL) String scenarioNote,
                      Map<String, Object> parameters,
                      @JsonProperty("parameter_basis") Map<String, String> parameterBasis,
                      String method, List<RouteReport> routes, List<RouteAnalysis.Citation> sources) {
    }

    /** One route under every scenario ({@code /analysis/routes/{id}/scenarios}). */
    @JsonPropertyOrder({"route", "datetime", "parameters", "scenarios", "sources"})
    record UnderEachScenario(String route, String datetime, Map<String, Object> parameters, List<UnderScenario> scenarios,
                             List<RouteAnalysis.Citation> sources) {

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

    /** Routes under one scenario, as the route table of the HTML and CSV views lists them. */
    record Table(String scenario, List<RouteReport> routes) {
    }
}
