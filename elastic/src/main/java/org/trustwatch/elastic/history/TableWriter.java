package org.trustwatch.elastic.history;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Aligned columns for a person at a terminal, times in the trust's zone, then the totals. Holds the rows until the
 * end to size the columns; a table of more rows than a person reads should be a CSV export instead.
 */
final class TableWriter implements OutputFormat.RowWriter {

    private static final List<String> HEADER = List.of(
            "FIRST SEEN", "CATEGORY", "SEV", "SCHOOL", "SUBJECT", "STATUS", "EVENTS", "BREACH / ICO DEADLINE", "ID");

    private final Writer out;
    private final DateTimeFormatter time;
    private final List<List<String>> rows = new ArrayList<>();

    TableWriter(Writer out, ZoneId zone) {
        this.out = out;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    @Override
    public void row(IncidentRow r) {
        rows.add(List.of(
                format(r.firstSeen()),
                r.category(),
                String.valueOf(r.severity()),
                r.school().isEmpty() ? "-" : r.school(),
                r.subject(),
                r.status().isEmpty() ? "-" : r.status(),
                String.valueOf(r.events()),
                r.breach() ? "yes, " + (r.icoDeadline() == null ? "no deadline" : format(r.icoDeadline())) : "no",
                r.id()));
    }

    @Override
    public void finish(HistoryTotals totals) throws IOException {
        int[] widths = new int[HEADER.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : pad(row.get(i), widths[i] + 2));
            }
            out.write(line.toString().stripTrailing());
            out.write('\n');
        }
        out.write(
                totals.total() + " incident" + (totals.total() == 1 ? "" : "s") + " (times " + time.getZone() + ")\n");
        out.write("by category: " + join(totals.byCategory()) + "\n");
        out.write("by school:   " + join(totals.bySchool()) + "\n");
        out.flush();
    }

    static String join(Map<String, Long> counts) {
        return counts.isEmpty()
                ? "-"
                : counts.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
    }

    private String format(Instant instant) {
        return instant == null ? "-" : time.format(instant);
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
