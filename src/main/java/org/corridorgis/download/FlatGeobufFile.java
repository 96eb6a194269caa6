package org.corridorgis.download;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Joins the complete FlatGeobuf files PostGIS makes for consecutive chunks of rows into one: the first is sent
 * whole, the others without their magic bytes and header (the same for every chunk of one query), leaving their
 * features. Written without a spatial index, so the header's feature count is 0 ("unknown"), which lets a
 * reader take features until the end of the file.
 */
final class FlatGeobufFile {

    /** "fgb", version 3, "fgb", patch 1 in the specification's terms: 8 bytes, then a 4-byte header size. */
    static final int MAGIC_BYTES = 8;

    private final OutputStream out;
    private boolean headerWritten;

    FlatGeobufFile(OutputStream out) {
        this.out = out;
    }

    /**
     * One chunk: a complete file of {@code features} features. An empty result comes as one chunk holding a
     * feature of nulls, counted 0: its header alone is the file.
     */
    void chunk(byte[] file, long features) throws IOException {
        int headerSize = (file[MAGIC_BYTES] & 0xff) | (file[MAGIC_BYTES + 1] & 0xff) << 8
                | (file[MAGIC_BYTES + 2] & 0xff) << 16 | (file[MAGIC_BYTES + 3] & 0xff) << 24;
        int featuresStart = MAGIC_BYTES + 4 + headerSize;
        if (!headerWritten) {
            out.write(file, 0, features == 0 ? featuresStart : file.length);
            headerWritten = true;
            return;
        }
        out.write(file, featuresStart, file.length - featuresStart);
    }
}
