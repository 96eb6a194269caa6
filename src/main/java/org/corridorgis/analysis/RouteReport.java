package org.corridorgis.analysis;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One route under one scenario on one day: what the route comparison answers for each route, written by Jackson as
 * it stands (the field order is the JSON's) and rendered by {@link AnalysisViews} as HTML and CSV. Parts that only
 * some routes have (a cited journey time, the exposure when asked for) are left out rather than written as null.
 */
@JsonPropertyOrder({"id", "name", "mode", "status", "origin", "destination", "proposed_by", "accuracy", "length_km",
        "cited_journey_time", "sources", "length_by_country_km", "border_crossings", "crossings", "states_crossed",
        "consent_needed_from", "checkpoints", "checkpoint_checks", "segments", "open", "closed_at", "transit_time",
        "reconciliation", "exposure"})
record RouteReport(
        String id, String name, String mode, String status, String origin, String destination,
        @JsonProperty("proposed_by") String proposedBy,
        String accuracy,
        @JsonProperty("length_km") double lengthKm,
        @JsonProperty("cited_journey_time") @JsonInclude(JsonInclude.Include.NON_NULL) CitedTime citedJourneyTime,
        List<String> sources,
        @JsonProperty("length_by_country_km") Map<String, Double> lengthByCountryKm,
        @JsonProperty("border_crossings") int borderCrossings,
        List<Crossing> crossings,
        @JsonProperty("states_crossed") List<String> statesCrossed,
        @JsonProperty("consent_needed_from") List<String> consentNeededFrom,
        List<Checkpoint> checkpoints,
        @JsonProperty("checkpoint_checks") CheckCounts checkpointChecks,
        List<Segment> segments,
        boolean open,
        @JsonProperty("closed_at") List<String> closedAt,
        @JsonProperty("transit_time") TransitTime transitTime,
        @JsonInclude(JsonInclude.Include.NON_NULL) Reconciliation reconciliation,
        @JsonInclude(JsonInclude.Include.NON_NULL) Exposure exposure) {

    /** A journey time a source reports for the route, in hours. */
    @JsonPropertyOrder({"min_hours", "max_hours", "by"})
    record CitedTime(@JsonProperty("min_hours") double minHours, @JsonProperty("max_hours") double maxHours, String by) {
    }

    /** The control regime of a segment or checkpoint under the scenario ({@code control_regimes}, by code). */
    @JsonPropertyOrder({"code", "id", "name", "passport_control", "customs_control", "border_control", "operator"})
    record Regime(String code, String id, String name,
                  @JsonProperty("passport_control") Boolean passportControl,
                  @JsonProperty("customs_control") Boolean customsControl,
                  @JsonProperty("border_control") Boolean borderControl,
                  String operator) {
    }

    /** A stretch of the route in one country, with the regime the scenario gives it and the minutes to cross it. */
    @JsonPropertyOrder({"id", "seq", "country", "mode", "length_km", "start_km", "regime", "open", "basis", "minutes", "sources"})
    record Segment(String id, int seq, String country, String mode,
                   @JsonProperty("length_km") double lengthKm,
                   @JsonProperty("start_km") double startKm,
                   Regime regime, Boolean open, String basis, double minutes, List<String> sources) {
    }

    /** Checks of each kind (at one checkpoint, or assumed for a closed one). */
    @JsonPropertyOrder({"passport", "customs", "border"})
    record Checks(int passport, int customs, int border) {
    }

    /** What a closed checkpoint would cost if it were open (see {@link RouteAnalysis#IF_OPEN_ASSUMPTION}). */
    @JsonPropertyOrder({"passport", "customs", "border", "dwell_minutes", "assumption"})
    record IfOpen(int passport, int customs, int border, @JsonProperty("dwell_minutes") double dwellMinutes, String assumption) {
    }

    /** A checkpoint on the route, in route order, with its regime, checks and dwell time under the scenario. */
    @JsonPropertyOrder({"order", "id", "name", "place", "states", "kind", "status", "at_km", "off_route_m", "regime", "open",
            "basis", "controlled_by", "checks", "dwell_minutes", "unspecified", "if_open", "sources", "crossing"})
    record Checkpoint(int order, String id, String name, String place, List<String> states, String kind, String status,
                      @JsonProperty("at_km") double atKm,
                      @JsonProperty("off_route_m") double offRouteM,
                      Regime regime, Boolean open, String basis,
                      @JsonProperty("controlled_by") List<String> controlledBy,
                      Checks checks,
                      @JsonProperty("dwell_minutes") double dwellMinutes,
                      List<String> unspecified,
                      @JsonProperty("if_open") @JsonInclude(JsonInclude.Include.NON_NULL) IfOpen ifOpen,
                      List<String> sources,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String crossing) {

        Checkpoint atCrossing(String crossing) {
            return new Checkpoint(order, id, name, place, states, kind, status, atKm, offRouteM, regime, open, basis, controlledBy,
                    checks, dwellMinutes, unspecified, ifOpen, sources, crossing);
        }
    }

    /** A change of country between consecutive segments, with the checkpoints attributed to it and their checks. */
    @JsonPropertyOrder({"from", "to", "at_km", "checkpoints", "passport_checks", "customs_checks", "border_checks"})
    record Crossing(String from, String to, @JsonProperty("at_km") double atKm, List<String> checkpoints,
                    @JsonProperty("passport_checks") int passportChecks,
                    @JsonProperty("customs_checks") int customsChecks,
                    @JsonProperty("border_checks") int borderChecks) {
    }

    /** The checks along the whole route, and how many controls the scenario leaves unspecified. */
    @JsonPropertyOrder({"passport", "customs", "border", "total", "unspecified"})
    record CheckCounts(int passport, int customs, int border, int total, int unspecified) {
    }

    /** The estimated transit time: moving, dwelling at checks, and the dwell assumed at closed checkpoints. */
    @JsonPropertyOrder({"moving_minutes", "dwell_minutes", "assumed_dwell_minutes", "total_minutes", "total_hours", "note"})
    record TransitTime(@JsonProperty("moving_minutes") double movingMinutes,
                       @JsonProperty("dwell_minutes") double dwellMinutes,
                       @JsonProperty("assumed_dwell_minutes") double assumedDwellMinutes,
                       @JsonProperty("total_minutes") double totalMinutes,
                       @JsonProperty("total_hours") double totalHours,
                       String note) {
    }

    /** The computed time beside a cited one (see {@link RouteAnalysis#reconcile}). */
    @JsonPropertyOrder({"computed_hours", "cited_hours", "cited_by", "verdict", "difference_hours", "why"})
    record Reconciliation(@JsonProperty("computed_hours") double computedHours,
                          @JsonProperty("cited_hours") String citedHours,
                          @JsonProperty("cited_by") String citedBy,
                          String verdict,
                          @JsonProperty("difference_hours") double differenceHours,
                          String why) {
    }

    /** Km of the route within a distance of each group of features. */
    @JsonPropertyOrder({"within_km", "groups"})
    record Exposure(@JsonProperty("within_km") double withinKm, List<ExposureGroup> groups) {
    }

    @JsonPropertyOrder({"group", "km", "features"})
    record ExposureGroup(String group, double km, List<String> features) {
    }
}
