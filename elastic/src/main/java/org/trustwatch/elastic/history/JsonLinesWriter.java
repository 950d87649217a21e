package org.trustwatch.elastic.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/** One JSON object per incident and line, with the field names of {@code detect}'s output where they are the same. */
final class JsonLinesWriter implements OutputFormat.RowWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Writer out;

    JsonLinesWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void row(IncidentRow r) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("category", r.category());
        m.put("severity", r.severity());
        m.put("school", r.school());
        m.put("subject", r.subject());
        m.put("subject_role", r.subjectRole().isEmpty() ? null : r.subjectRole());
        m.put("first_seen", text(r.firstSeen()));
        m.put("last_seen", text(r.lastSeen()));
        m.put("count", r.events());
        m.put("rule", r.rule());
        m.put("status", r.status());
        m.put("breach", r.breach());
        m.put("ico_deadline", text(r.icoDeadline()));
        out.write(JSON.writeValueAsString(m));
        out.write('\n');
    }

    @Override
    public void finish(HistoryTotals totals) throws IOException {
        out.flush();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
