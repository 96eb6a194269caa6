package org.corridorgis.download;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.corridorgis.catalog.Catalog;
import org.corridorgis.catalog.Collection;
import org.corridorgis.features.ItemsRequestParser;
import org.corridorgis.web.DataVersion;
import org.corridorgis.web.OutputFormat;
import org.corridorgis.web.ProblemException;
import org.corridorgis.web.QueryParameters;
import org.corridorgis.web.RequestUrls;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The whole dataset as one GeoPackage: a layer per collection (the sources among them), and a
 * {@code metadata} table saying which data version it is, when it was made, what it shows, under which
 * licence and whose data it is. {@code datetime} gives the state on a date, {@code scenario} one scenario's
 * regimes in the route and checkpoint layers.
 */
@RestController
class ExportController {

    private static final Set<String> PARAMETERS = Set.of("datetime", "scenario", "collections");
    static final String LICENCE = "Data: ODbL 1.0 where derived from OpenStreetMap; every feature cites its sources (see the sources layer)";
    static final String ATTRIBUTION = "© OpenStreetMap contributors; corridor-gis";

    private final Catalog catalog;
    private final ItemsRequestParser parser;
    private final DownloadWriters writers;
    private final DataVersion versions;

    ExportController(Catalog catalog, ItemsRequestParser parser, DownloadWriters writers, DataVersion versions) {
        this.catalog = catalog;
        this.parser = parser;
        this.writers = writers;
        this.versions = versions;
    }

    @GetMapping("/export.gpkg")
    void export(HttpServletRequest request, HttpServletResponse response) throws Exception {
        QueryParameters.allowOnly(request, PARAMETERS);
        QueryParameters.eachOnce(request);
        String datetime = request.getParameter("datetime");
        String scenario = request.getParameter("scenario");
        List<Collection> collections = chosen(request.getParameter("collections"));
        var queries = new ArrayList<org.corridorgis.features.ItemsQuery>();
        for (Collection c : collections) {
            queries.add(parser.whole(c, datetime, scenario)); // all checked before anything is written
        }
        DataVersion.Snapshot version = versions.current();
        if (versions.notModified(version, request, response, "gpkg-export")) {
            return;
        }
        response.setContentType(OutputFormat.GPKG.mediaType());
        response.setHeader("Content-Disposition", "attachment; filename=\"corridor-gis.gpkg\"");
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        Path file = Files.createTempFile("corridor-export-", ".gpkg");
        try {
            try (GeoPackageFile gpkg = new GeoPackageFile(file, version.changedAt().atZoneSameInstant(ZoneOffset.UTC)
                    .format(DownloadWriters.GPKG_TIME))) {
                for (var query : queries) {
                    writers.addLayer(gpkg, query);
                }
                gpkg.attributes("metadata", "What this file holds and where it comes from", List.of("key", "value"), List.of(
                        List.of("title", "corridor-gis: delimitation maps, disputed areas, transit routes, checkpoints and control regimes"),
                        List.of("data_version", String.valueOf(version.version())),
                        List.of("data_changed_at", version.changedAt().toInstant().toString()),
                        List.of("exported_at", OffsetDateTime.now(ZoneOffset.UTC).toInstant().toString()),
                        List.of("datetime", datetime == null ? "all recorded times" : datetime),
                        List.of("scenario", scenario == null ? "all scenarios" : scenario),
                        List.of("collections", collections.stream().map(Collection::id).collect(java.util.stream.Collectors.joining(","))),
                        List.of("licence", LICENCE),
                        List.of("attribution", ATTRIBUTION),
                        List.of("source", RequestUrls.root(request) + "/"),
                        List.of("neutrality", "Armenian and Azerbaijani positions are both stored and attributed; accuracy "
                                + "(surveyed, approximate, schematic) and sources are columns of every layer")));
            }
            DownloadWriters.send(file, response);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The layers of the file: every collection, or those named in {@code collections} (comma-separated, as the
     * viewer sends its visible layers) with the sources always included, since every feature cites them.
     */
    private List<Collection> chosen(String names) {
        List<Collection> all = catalog.collections();
        if (names == null) {
            return all;
        }
        java.util.Set<String> wanted = new java.util.LinkedHashSet<>();
        for (String name : names.split(",", -1)) {
            String id = name.strip();
            if (id.isEmpty() || catalog.collection(id).isEmpty()) {
                throw org.corridorgis.web.ProblemException.badParameter("collections", "'" + id + "' is not a collection; the collections are: "
                        + all.stream().map(Collection::id).collect(java.util.stream.Collectors.joining(", ")));
            }
            wanted.add(id);
        }
        wanted.add("sources");
        return all.stream().filter(c -> wanted.contains(c.id())).toList();
    }
}
