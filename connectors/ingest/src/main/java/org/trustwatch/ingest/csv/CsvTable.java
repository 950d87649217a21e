package org.trustwatch.ingest.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file with a header row, read as RFC 4180 says: fields separated by commas, quoted with {@code "} when they
 * hold commas, quotes (doubled) or line breaks. Columns are found by name, so their order may vary and unknown ones
 * are ignored. A UTF-8 byte order mark (Excel writes one) is dropped.
 */
public final class CsvTable {

    /** One data row: its number in the file (the header is row 1) and its fields by column name. */
    public record Row(long number, Map<String, String> fields) {

        /** The trimmed value, or "" when the column is absent or empty. */
        public String get(String column) {
            String value = fields.get(column);
            return value == null ? "" : value.trim();
        }
    }

    private final Path file;
    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(Path file, List<String> header, List<Row> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    public static CsvTable read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = parse(text);
        if (records.isEmpty()) {
            return new CsvTable(file, List.of(), List.of());
        }
        List<String> header = records.get(0).stream()
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> values = records.get(i);
            if (values.size() == 1 && values.get(0).isBlank()) {
                continue; // blank line
            }
            Map<String, String> fields = new HashMap<>();
            for (int c = 0; c < header.size() && c < values.size(); c++) {
                fields.put(header.get(c), values.get(c));
            }
            rows.add(new Row(i + 1, fields));
        }
        return new CsvTable(file, header, rows);
    }

    public Path file() {
        return file;
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The required columns the header lacks. */
    public List<String> missing(List<String> required) {
        return required.stream().filter(column -> !header.contains(column)).toList();
    }

    /**
     * Splits the text into records of fields, one per line, or several lines where a quoted field holds line
     * breaks. Row numbers count records, as spreadsheet users count rows.
     */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        int count = lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        String open = null;
        for (int i = 0; i < count; i++) {
            String record = open == null ? lines[i] : open + "\n" + lines[i];
            List<String> fields = new ArrayList<>();
            if (CsvRecord.split(record, fields) || i == count - 1) {
                records.add(fields);
                open = null;
            } else {
                open = record;
            }
        }
        return records;
    }
}
