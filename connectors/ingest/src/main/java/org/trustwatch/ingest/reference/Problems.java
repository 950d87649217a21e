package org.trustwatch.ingest.reference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Bad rows found while reading reference files, each as {@code file:row: reason}; a bad row is skipped, not fatal. */
public final class Problems {

    private final List<String> reported = new ArrayList<>();

    public void add(Path file, long row, String reason) {
        reported.add(file + ":" + row + ": " + reason);
    }

    public void add(Path file, String reason) {
        reported.add(file + ": " + reason);
    }

    public List<String> all() {
        return List.copyOf(reported);
    }

    public boolean isEmpty() {
        return reported.isEmpty();
    }
}
