package org.corridorgis.analysis;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The list of analyses ({@code /analysis}): each with its path, parameters and an example request. */
@JsonPropertyOrder({"title", "analyses"})
record AnalysisIndex(String title, List<Entry> analyses) {

    @JsonPropertyOrder({"title", "path", "parameters", "example"})
    record Entry(String title, String path, String parameters, String example) {
    }

    /** The analyses offered, their examples addressed from {@code root} (the service's public root URL). */
    static AnalysisIndex of(String root, int maxRoutes, String defaultScenario) {
        return new AnalysisIndex("corridor-gis analyses", List.of(
                entry(root, "Route and control-regime comparison", "/analysis/routes/compare",
                        "routes=baku-nakhchivan-via-meghri,baku-nakhchivan-via-aras-corridor-iran,baku-nakhchivan-via-iran-historic-road&scenario=crossroads-of-peace-2023",
                        "routes (comma list, max " + maxRoutes + "), scenario (default " + defaultScenario + "), datetime (the day, default today), speed.rail, speed.road (km/h), "
                                + "dwell.passport, dwell.customs, dwell.border (min), exposure.km, f=json|html|csv"),
                entry(root, "One route under every scenario", "/analysis/routes/baku-nakhchivan-via-meghri/scenarios", null,
                        "speed.*, dwell.*, f=json|html|csv"),
                entry(root, "Candidate map comparison", "/analysis/boundaries/compare", "a=reference-osm-2017&b=de-facto-2024",
                        "a, b (map ids), section (optional), f=json|html"),
                entry(root, "Territory accounting", "/analysis/territory", "datetime=2022-01-01",
                        "datetime (valid time, YYYY-MM-DD), recorded (transaction time), f=json|html")));
    }

    private static Entry entry(String root, String title, String path, String query, String parameters) {
        return new Entry(title, path, parameters, root + path + (query == null ? "" : "?" + query));
    }
}
