package org.trustwatch.ingest.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trustwatch.ingest.EventCommon;
import org.trustwatch.ingest.LineDigest;
import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.ingest.endpoint.FieldText;
import org.trustwatch.ingest.endpoint.IsoTime;
import org.trustwatch.ingest.endpoint.JsonFields;
import org.trustwatch.ingest.endpoint.JsonFields.BadLine;
import org.trustwatch.schema.IncidentReport;
import org.trustwatch.schema.ReportKind;

/**
 * Self-reported incidents as JSON lines, the shape reference-data.md fixes: {@code time} (ISO 8601; without an
 * offset, in the connector's zone), {@code reporter} (the reporter's user_id), {@code school_id}, {@code kind} (a
 * {@link ReportKind}), {@code description}, optional {@code device_id}, {@code message_id}, {@code recipients}
 * (an array of addresses; a single string separated by commas or semicolons is accepted too),
 * {@code personal_data} ({@code true}/{@code false}, default false) and {@code report_id}. Unknown fields are
 * ignored.
 *
 * <p>The report's school is the one it names, not the connector's. Its id is {@code report_id} when the line has
 * one, else {@code rpt-} and the first 16 hex digits of the SHA-256 of the line, so re-reading a file gives the same
 * ids. The description is kept without control characters and cut at {@value #MAX_DESCRIPTION} characters;
 * recipients are lower case; a {@code DOMAIN\\} prefix of the reporter is dropped (the directory's user_id has none).
 *
 * <p>Skipped: blank lines and {@code #} comments. Rejected, naming the field: not a JSON object, a required field
 * missing, an unreadable time, an unknown kind, a field of the wrong type.
 */
public final class SelfReportParser implements LogParser {

    static final String DATASET = "reports";

    /** Longest description kept. */
    static final int MAX_DESCRIPTION = 4000;

    private static final int MAX_RECIPIENTS = 500;

    private static final String KINDS = kinds();

    private final ParseContext context;

    public SelfReportParser(ParseContext context) {
        this.context = context;
    }

    @Override
    public void parse(RawLine line, ParseSink sink) {
        try {
            JsonNode node = JsonFields.object(line, "self-report");
            if (node != null) {
                sink.event(read(node, line), line);
            }
        } catch (BadLine bad) {
            sink.reject(line, bad.getMessage());
        }
    }

    private IncidentReport read(JsonNode node, RawLine line) throws BadLine {
        String timeText = JsonFields.required(node, "time", "when it happened");
        Instant time = IsoTime.parse(timeText, context.zone());
        if (time == null) {
            throw new BadLine("time '" + FieldText.quote(timeText) + "' is not an ISO 8601 date-time");
        }
        String reporter = reporter(JsonFields.required(node, "reporter", "the reporter's user_id"));
        String school = FieldText.clean(JsonFields.required(node, "school_id", "the school the report is for"), 64);
        if (school == null) {
            throw new BadLine("no 'school_id' (the school the report is for): required");
        }
        String rawKind = JsonFields.required(node, "kind", "one of " + KINDS);
        ReportKind kind = kind(rawKind);
        if (kind == null) {
            throw new BadLine("kind '" + FieldText.quote(rawKind) + "' is not one of " + KINDS);
        }
        String description =
                FieldText.clean(JsonFields.required(node, "description", "the reporter's words"), MAX_DESCRIPTION);
        if (description == null) {
            throw new BadLine("no 'description' (the reporter's words): required");
        }
        List<String> recipients = recipients(node);
        boolean personalData = personalData(node);
        String reportId = FieldText.clean(JsonFields.text(node, "report_id"), 128);

        IncidentReport r = new IncidentReport();
        EventCommon.fill(r, time, DATASET, null, line, line.text(), context);
        r.setSchoolId(school);
        r.setReportId(
                reportId != null
                        ? reportId
                        : "rpt-" + LineDigest.sha256Hex(line.text()).substring(0, 16));
        r.setReporter(reporter);
        r.setKind(kind);
        r.setDescription(description);
        r.setDeviceId(FieldText.clean(JsonFields.text(node, "device_id"), 256));
        r.setMessageId(FieldText.clean(JsonFields.text(node, "message_id"), 998));
        r.setRecipients(recipients);
        r.setPersonalData(personalData);
        return r;
    }

    private static String reporter(String raw) throws BadLine {
        String v = FieldText.clean(raw, 256);
        if (v != null) {
            int bs = v.lastIndexOf('\\');
            if (bs >= 0) {
                v = FieldText.clean(v.substring(bs + 1), 256);
            }
        }
        if (v == null) {
            throw new BadLine("no 'reporter' (the reporter's user_id): required");
        }
        return v;
    }

    private static ReportKind kind(String raw) {
        String k = raw.strip().toLowerCase(Locale.ROOT);
        for (ReportKind kind : ReportKind.values()) {
            if (kind.name().equals(k)) {
                return kind;
            }
        }
        return null;
    }

    private static List<String> recipients(JsonNode node) throws BadLine {
        JsonNode v = node.get("recipients");
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            for (JsonNode item : v) {
                if (item.isNull()) {
                    continue;
                }
                if (!item.isTextual()) {
                    throw new BadLine("field 'recipients' must hold addresses (strings), not " + kindOf(item));
                }
                addRecipient(out, item.asText());
            }
        } else if (v.isTextual()) {
            for (String part : v.asText().split("[,;]", MAX_RECIPIENTS + 1)) {
                addRecipient(out, part);
            }
        } else {
            throw new BadLine("field 'recipients' must be an array of addresses, not " + kindOf(v));
        }
        return out;
    }

    private static void addRecipient(List<String> out, String raw) {
        String a = FieldText.clean(raw, 320);
        if (a == null || out.size() >= MAX_RECIPIENTS) {
            return;
        }
        a = a.toLowerCase(Locale.ROOT);
        if (!out.contains(a)) {
            out.add(a);
        }
    }

    private static boolean personalData(JsonNode node) throws BadLine {
        JsonNode v = node.get("personal_data");
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            String s = v.asText().strip();
            if (s.equalsIgnoreCase("true")) {
                return true;
            }
            if (s.equalsIgnoreCase("false") || s.isEmpty()) {
                return false;
            }
        }
        throw new BadLine("personal_data '" + FieldText.quote(v.toString()) + "' must be true or false");
    }

    private static String kindOf(JsonNode v) {
        return v.isObject() ? "an object" : v.isArray() ? "an array" : v.isBoolean() ? "a boolean" : "a number";
    }

    private static String kinds() {
        StringBuilder b = new StringBuilder();
        for (ReportKind kind : ReportKind.values()) {
            b.append(b.length() > 0 ? ", " : "").append(kind.name());
        }
        return b.toString();
    }
}
