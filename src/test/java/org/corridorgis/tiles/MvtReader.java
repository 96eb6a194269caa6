package org.corridorgis.tiles;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of the Mapbox Vector Tile protobuf (spec 2.1) to check a tile: its layers, their features, the
 * features' properties and their geometry, decoded from the commands (MoveTo, LineTo, ClosePath with zigzag-encoded
 * parameters, spec 4.3) into tile coordinates: x to the right, y downwards, 0..extent inside the tile.
 */
final class MvtReader {

    /**
     * @param geometries per feature, its parts: the points of a MultiPoint, the lines of a (Multi)LineString, the rings
     *                   of a (Multi)Polygon (each closed: its first point repeated at the end), each part a list of {x, y}
     */
    record Layer(String name, int extent, List<Map<String, Object>> features, List<Integer> geometryTypes, List<List<List<int[]>>> geometries) {
    }

    /** The geometry commands of one feature, decoded (spec 4.3); a command it does not know is an error. */
    static List<List<int[]>> decodeGeometry(List<Integer> commands, int type) {
        List<List<int[]>> parts = new ArrayList<>();
        List<int[]> current = null;
        int x = 0, y = 0;
        int i = 0;
        while (i < commands.size()) {
            int command = commands.get(i) & 7;
            int count = commands.get(i) >>> 3;
            i++;
            switch (command) {
                case 1 -> { // MoveTo: a new part per point (points), or the start of a line or ring
                    for (int k = 0; k < count; k++) {
                        x += zigzag(commands.get(i++));
                        y += zigzag(commands.get(i++));
                        current = new ArrayList<>();
                        current.add(new int[] {x, y});
                        parts.add(current);
                    }
                }
                case 2 -> { // LineTo
                    if (current == null || type == 1) {
                        throw new IllegalStateException("LineTo without a MoveTo, or in a point feature");
                    }
                    for (int k = 0; k < count; k++) {
                        x += zigzag(commands.get(i++));
                        y += zigzag(commands.get(i++));
                        current.add(new int[] {x, y});
                    }
                }
                case 7 -> { // ClosePath: back to the ring's first point
                    if (current == null || type != 3 || count != 1) {
                        throw new IllegalStateException("ClosePath outside a polygon ring");
                    }
                    current.add(current.get(0).clone());
                }
                default -> throw new IllegalStateException("geometry command " + command);
            }
        }
        if (type == 1) {
            // a MultiPoint is one MoveTo with several points: each point is a part of its own here
            parts.forEach(p -> {
                if (p.size() != 1) {
                    throw new IllegalStateException("a point part with " + p.size() + " points");
                }
            });
        }
        return parts;
    }

    private static int zigzag(int n) {
        return (n >>> 1) ^ -(n & 1);
    }

    private final byte[] buf;
    private int pos;
    private final int end;

    private MvtReader(byte[] buf, int from, int to) {
        this.buf = buf;
        this.pos = from;
        this.end = to;
    }

    static Map<String, Layer> layers(byte[] tile) {
        Map<String, Layer> layers = new LinkedHashMap<>();
        MvtReader r = new MvtReader(tile, 0, tile.length);
        while (r.pos < r.end) {
            long key = r.varint();
            if ((key >>> 3) == 3 && (key & 7) == 2) {
                Layer l = r.sub().layer();
                if (layers.put(l.name(), l) != null) {
                    throw new IllegalStateException("layer " + l.name() + " twice");
                }
            } else {
                r.skip((int) (key & 7));
            }
        }
        return layers;
    }

    private Layer layer() {
        String name = null;
        int extent = 4096;
        List<String> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<MvtReader> features = new ArrayList<>();
        while (pos < end) {
            long key = varint();
            int field = (int) (key >>> 3);
            int wire = (int) (key & 7);
            switch (field) {
                case 1 -> name = sub().string();
                case 2 -> features.add(sub());
                case 3 -> keys.add(sub().string());
                case 4 -> values.add(sub().value());
                case 5 -> extent = (int) varint();
                default -> skip(wire);
            }
        }
        List<Map<String, Object>> decoded = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        List<List<List<int[]>>> geometries = new ArrayList<>();
        for (MvtReader f : features) {
            Map<String, Object> props = new LinkedHashMap<>();
            int type = 0;
            List<Integer> commands = new ArrayList<>();
            while (f.pos < f.end) {
                long key = f.varint();
                int field = (int) (key >>> 3);
                if (field == 2) {
                    MvtReader tags = f.sub();
                    while (tags.pos < tags.end) {
                        int k = (int) tags.varint();
                        int v = (int) tags.varint();
                        props.put(keys.get(k), values.get(v));
                    }
                } else if (field == 3) {
                    type = (int) f.varint();
                } else if (field == 4) {
                    MvtReader packed = f.sub();
                    while (packed.pos < packed.end) {
                        commands.add((int) packed.varint());
                    }
                } else {
                    f.skip((int) (key & 7));
                }
            }
            decoded.add(props);
            types.add(type);
            geometries.add(decodeGeometry(commands, type));
        }
        return new Layer(name, extent, decoded, types, geometries);
    }

    private Object value() {
        Object v = null;
        while (pos < end) {
            long key = varint();
            switch ((int) (key >>> 3)) {
                case 1 -> v = sub().string();
                case 2 -> { v = (double) ByteBuffer.wrap(buf, pos, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat(); pos += 4; }
                case 3 -> { v = ByteBuffer.wrap(buf, pos, 8).order(ByteOrder.LITTLE_ENDIAN).getDouble(); pos += 8; }
                case 4, 5 -> v = varint();
                case 6 -> { long n = varint(); v = (n >>> 1) ^ -(n & 1); }
                case 7 -> v = varint() != 0;
                default -> skip((int) (key & 7));
            }
        }
        return v;
    }

    private String string() {
        return new String(buf, pos, end - pos, StandardCharsets.UTF_8);
    }

    private MvtReader sub() {
        int length = (int) varint();
        MvtReader r = new MvtReader(buf, pos, pos + length);
        pos += length;
        return r;
    }

    private long varint() {
        long result = 0;
        int shift = 0;
        while (true) {
            byte b = buf[pos++];
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            shift += 7;
        }
    }

    private void skip(int wire) {
        switch (wire) {
            case 0 -> varint();
            case 1 -> pos += 8;
            case 2 -> {
                int length = (int) varint(); // read first: `pos += varint()` would add to the old position
                pos += length;
            }
            case 5 -> pos += 4;
            default -> throw new IllegalStateException("wire type " + wire);
        }
    }

    static byte[] gunzip(byte[] gz) throws java.io.IOException {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz)); var out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
