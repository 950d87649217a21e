package org.trustwatch.elastic.history;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;

/** How the history search writes its rows: a table for a person, CSV or JSON lines for a file. */
public enum OutputFormat {
    TABLE,
    CSV,
    JSON;

    /** @throws IllegalArgumentException naming the formats there are */
    public static OutputFormat parse(String name) {
        return Arrays.stream(values())
                .filter(f -> f.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "--format '" + name + "' is not a format: use table, csv or json"));
    }

    /** Whether the totals go with the rows; CSV and JSON lines keep stdout to rows only, so the totals go elsewhere. */
    public boolean rowsOnly() {
        return this != TABLE;
    }

    public RowWriter writer(Writer out, ZoneId zone) {
        return switch (this) {
            case TABLE -> new TableWriter(out, zone);
            case CSV -> new CsvWriter(out);
            case JSON -> new JsonLinesWriter(out);
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Receives the rows in order, then the totals. */
    public interface RowWriter {

        void row(IncidentRow row) throws IOException;

        void finish(HistoryTotals totals) throws IOException;
    }
}
