package org.corridorgis.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streams a seed file, one feature at a time, so a large file never sits in memory as one tree: a GeoJSON
 * FeatureCollection ({@code <collection>.geojson}), or a JSON array of plain objects ({@code sources.json}, each
 * turned into a feature without geometry whose properties are the object's other members).
 */
final class GeoJsonReader {

    /** Names of EPSG:4326 / OGC CRS84 a "crs" member may carry (pre-RFC 7946 files); anything else is refused. */
    static final Set<String> WGS84_NAMES = Set.of(
            "EPSG:4326", "urn:ogc:def:crs:EPSG::4326", "urn:ogc:def:crs:EPSG:4326", "urn:ogc:def:crs:OGC:1.3:CRS84",
            "urn:ogc:def:crs:OGC::CRS84", "OGC:CRS84", "CRS84", "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
            "http://www.opengis.net/def/crs/EPSG/0/4326");

    interface FeatureSink {
        void accept(int index, JsonNode feature);
    }

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private GeoJsonReader() {
    }

    /** Reads a FeatureCollection; returns the number of features. */
    static int readFeatureCollection(Path path, String file, FeatureSink sink) {
        try (InputStream in = Files.newInputStream(path); JsonParser p = MAPPER.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new GeodataException(file, null, "not a GeoJSON FeatureCollection: expected a JSON object");
            }
            String type = null;
            int count = -1;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken token = p.nextToken();
                switch (name) {
                    case "type" -> type = token == JsonToken.VALUE_STRING ? p.getString() : token.toString();
                    case "crs" -> checkCrs(file, null, p.readValueAsTree());
                    case "features" -> {
                        if (token != JsonToken.START_ARRAY) {
                            throw new GeodataException(file, null,
                                    "not a GeoJSON FeatureCollection: \"features\" is not an array");
                        }
                        count = 0;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            JsonNode feature = p.readValueAsTree();
                            sink.accept(count++, feature);
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new GeodataException(file, null, "bad JSON: content after the end of the FeatureCollection"
                        + at(p.currentTokenLocation()));
            }
            if (!"FeatureCollection".equals(type)) {
                throw new GeodataException(file, null, "not a GeoJSON FeatureCollection: \"type\" is "
                        + (type == null ? "missing" : "\"" + type + "\""));
            }
            if (count < 0) {
                throw new GeodataException(file, null, "not a GeoJSON FeatureCollection: no \"features\" array");
            }
            return count;
        } catch (JacksonException e) {
            throw new GeodataException(file, null, "bad JSON: " + e.getOriginalMessage() + at(e.getLocation()), e);
        } catch (IOException e) {
            throw new GeodataException(file, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a JSON array of objects with an "id" member each; returns the number of objects. */
    static int readObjectArray(Path path, String file, FeatureSink sink) {
        try (InputStream in = Files.newInputStream(path); JsonParser p = MAPPER.createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new GeodataException(file, null, "expected a JSON array of objects");
            }
            int count = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonNode node = p.readValueAsTree();
                if (!node.isObject()) {
                    throw new GeodataException(file, null, "element #" + (count + 1) + " is not a JSON object");
                }
                ObjectNode properties = ((ObjectNode) node).deepCopy();
                JsonNode id = properties.remove("id");
                ObjectNode feature = MAPPER.createObjectNode();
                feature.put("type", "Feature");
                if (id != null) {
                    feature.set("id", id);
                }
                feature.putNull("geometry");
                feature.set("properties", properties);
                sink.accept(count++, feature);
            }
            if (p.nextToken() != null) {
                throw new GeodataException(file, null, "bad JSON: content after the end of the array"
                        + at(p.currentTokenLocation()));
            }
            return count;
        } catch (JacksonException e) {
            throw new GeodataException(file, null, "bad JSON: " + e.getOriginalMessage() + at(e.getLocation()), e);
        } catch (IOException e) {
            throw new GeodataException(file, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** A "crs" member (obsolete since RFC 7946) is accepted only when it names EPSG:4326 / CRS84. */
    static void checkCrs(String file, String featureId, JsonNode crs) {
        if (crs == null || crs.isNull()) {
            return;
        }
        String name = crs.path("properties").path("name").asString("");
        if (!WGS84_NAMES.contains(name)) {
            throw new GeodataException(file, featureId, "wrong SRID: \"crs\" is "
                    + (name.isEmpty() ? crs.toString() : name)
                    + "; GeoJSON must be in EPSG:4326 (WGS 84 longitude/latitude, RFC 7946)");
        }
    }

    private static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
