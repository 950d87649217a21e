package org.trustwatch.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects the problems found while reading reference files and category lists, each as {@code file:row: reason} (reference-data.md: a bad row
 * is reported and skipped, never fatal). A row of 0 or less means the whole file: {@code file: reason}.
 */
public final class Problems {

    private final List<String> errors = new ArrayList<>();

    public void report(Path file, long row, String reason) {
        report(file.toString(), row, reason);
    }

    public void report(String file, long row, String reason) {
        errors.add(row > 0 ? file + ":" + row + ": " + reason : file + ": " + reason);
    }

    /** What was reported, in order, as {@code file:row: reason}. */
    public List<String> all() {
        return Collections.unmodifiableList(errors);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    @Override
    public String toString() {
        return String.join("\n", errors);
    }
}
