package org.trustwatch.elastic.history;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV (header row, CRLF line ends, fields quoted when they hold a comma, quote or line break), safe to open
 * in a spreadsheet: a cell that starts with {@code = + - @} (or a tab or carriage return) would be run as a formula,
 * so it gets a leading apostrophe. Times are ISO-8601 instants in UTC.
 */
final class CsvWriter implements OutputFormat.RowWriter {

    static final List<String> HEADER = List.of(
            "id",
            "first_seen",
            "last_seen",
            "category",
            "severity",
            "school",
            "subject",
            "subject_role",
            "status",
            "events",
            "breach",
            "ico_deadline",
            "rule");

    private final Writer out;
    private boolean started;

    CsvWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void row(IncidentRow r) throws IOException {
        header();
        line(List.of(
                r.id(),
                text(r.firstSeen()),
                text(r.lastSeen()),
                r.category(),
                String.valueOf(r.severity()),
                r.school(),
                r.subject(),
                r.subjectRole(),
                r.status(),
                String.valueOf(r.events()),
                String.valueOf(r.breach()),
                text(r.icoDeadline()),
                r.rule()));
    }

    @Override
    public void finish(HistoryTotals totals) throws IOException {
        header(); // an empty result is still a CSV file with its header
        out.flush();
    }

    private void header() throws IOException {
        if (!started) {
            started = true;
            line(HEADER);
        }
    }

    private void line(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
