package org.trustwatch.workload.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trustwatch.workload.logs.SchoolLogs;
import org.trustwatch.workload.trust.Formats;
import org.trustwatch.workload.trust.School;
import org.trustwatch.workload.trust.Trust;

/**
 * manifest.csv: one row per log file, {@code format,school_id,path} (path relative to the output directory), the
 * format named as the parsers, {@code detect} and the connectors name it.
 */
public final class Manifest {

    private Manifest() {}

    public static final String HEADER = "format,school_id,path";

    public static void write(Path file, Trust trust) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER + "\n");
            for (School s : trust.schools()) {
                for (Formats f : s.formats()) {
                    w.write(Csv.row(f.formatName(), s.id(), SchoolLogs.relativePath(s, f)));
                }
            }
        }
    }
}
