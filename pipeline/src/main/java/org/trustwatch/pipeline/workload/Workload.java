package org.trustwatch.pipeline.workload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.trustwatch.ingest.LogFormat;
import org.trustwatch.ingest.csv.CsvTable;
import org.trustwatch.pipeline.PipelineException;

/**
 * A directory the pipeline runs on: {@code manifest.csv} ({@code format,school_id,path}, one row per log, paths
 * relative to the directory), the trust's {@code reference/} files, and optionally {@code settings.yaml} and
 * {@code answers.csv} (what a generator planted). {@code samples/} is one; the workload generator writes others.
 */
public record Workload(
        Path dir, List<ManifestRow> rows, Path referenceDir, Optional<Path> settingsFile, Optional<Path> answersFile) {

    public static final String MANIFEST = "manifest.csv";
    static final List<String> COLUMNS = List.of("format", "school_id", "path");

    /**
     * Reads and checks the directory.
     *
     * @throws PipelineException listing every problem as {@code file:row: reason}
     */
    public static Workload read(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        Path manifest = root.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new PipelineException(manifest + ": no such file. A workload directory holds " + MANIFEST + " ("
                    + String.join(",", COLUMNS) + ", one row per log) and reference/; see samples/ for one.");
        }
        CsvTable table;
        try {
            table = CsvTable.read(manifest);
        } catch (IOException e) {
            throw new PipelineException(manifest + ": cannot read it: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        List<String> missing = table.missing(COLUMNS);
        if (!missing.isEmpty()) {
            problems.add(manifest + ":1: the header lacks " + missing + ": it must be " + String.join(",", COLUMNS));
        }
        List<ManifestRow> rows = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (CsvTable.Row row : missing.isEmpty() ? table.rows() : List.<CsvTable.Row>of()) {
            String where = manifest + ":" + row.number() + ": ";
            LogFormat format;
            try {
                format = LogFormat.named(row.get("format"));
            } catch (IllegalArgumentException e) {
                problems.add(where + e.getMessage());
                continue;
            }
            String path = row.get("path");
            Path file = root.resolve(path).normalize();
            if (path.isEmpty()) {
                problems.add(where + "no path: give the log's path, relative to " + root);
            } else if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                problems.add(where + file + " is not a readable file");
            } else if (file.getFileName().toString().endsWith(".gz")) {
                problems.add(where + path + " is compressed: agents tail live logs, so unpack it and name the log");
            } else if (!seen.add(file)) {
                problems.add(where + path + " is listed twice: one agent reads one log");
            } else {
                String school = row.get("school_id");
                rows.add(new ManifestRow(row.number(), format, school.isEmpty() ? null : school, file));
            }
        }
        if (problems.isEmpty() && rows.isEmpty()) {
            problems.add(manifest + ": lists no log");
        }
        Path reference = root.resolve("reference");
        if (!Files.isDirectory(reference)) {
            problems.add(reference + ": no such directory: the trust's schools, directory, devices and exemptions");
        }
        if (!problems.isEmpty()) {
            throw new PipelineException(
                    "The workload in " + root + " cannot be used:\n  " + String.join("\n  ", problems));
        }
        return new Workload(
                root,
                List.copyOf(rows),
                reference,
                optional(root.resolve("settings.yaml")),
                optional(root.resolve("answers.csv")));
    }

    /**
     * A short name that tells workloads apart on one stack (connector names, staged logs): the directory's name and a
     * digest of its absolute path, e.g. {@code samples-3fa2b1}.
     */
    public String id() {
        String name = dir.getFileName() == null ? "workload" : dir.getFileName().toString();
        String clean =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(dir.toString().getBytes(StandardCharsets.UTF_8));
            return (clean.isEmpty() ? "workload" : clean) + "-" + HexFormat.of().formatHex(digest, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The web category list for proxy logs whose filter writes none: {@code reference/categories/} or .csv. */
    public Optional<Path> categories() {
        Path dirList = referenceDir.resolve("categories");
        if (Files.isDirectory(dirList)) {
            return Optional.of(dirList);
        }
        return optional(referenceDir.resolve("categories.csv"));
    }

    private static Optional<Path> optional(Path file) {
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
