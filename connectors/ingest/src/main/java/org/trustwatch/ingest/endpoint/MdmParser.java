package org.trustwatch.ingest.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trustwatch.ingest.EventCommon;
import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.ingest.endpoint.JsonFields.BadLine;
import org.trustwatch.schema.EndpointEvent;

/**
 * MDM device actions as JSON lines, the shape reference-data.md fixes (what an Intune or Jamf export maps onto):
 * {@code time} (ISO 8601; without an offset, in the connector's zone), {@code device_id} and/or {@code serial}
 * and/or {@code hostname} (at least one), {@code action} (one of {@link #ACTIONS}), optional {@code user_id},
 * {@code reported_by}, {@code ip} (a string or an array of strings), {@code location}, {@code note}. Unknown fields
 * are ignored.
 *
 * <p>Event: {@code event_code} and {@code event_provider} "mdm", {@code event_action} the action, device id, serial
 * and host name, {@code user_name}/{@code user_domain} from {@code user_id}, {@code host_ip} and {@code source_ip}
 * from {@code ip}, {@code mdm_reported_by}, {@code mdm_location}, {@code message} from the note.
 *
 * <p>Skipped: blank lines and {@code #} comments. Rejected, with the field named: not a JSON object, no or
 * unreadable time, no device, an unknown action, a field of the wrong type, an {@code ip} that is not an address.
 */
public final class MdmParser implements LogParser {

    static final String DATASET = "mdm";

    /** The actions reference-data.md allows. */
    static final List<String> ACTIONS =
            List.of("reported_lost", "reported_stolen", "lost_mode_enabled", "wiped", "check_in", "recovered");

    private final ParseContext context;

    public MdmParser(ParseContext context) {
        this.context = context;
    }

    @Override
    public void parse(RawLine line, ParseSink sink) {
        try {
            JsonNode node = JsonFields.object(line, "MDM");
            if (node != null) {
                sink.event(read(node, line), line);
            }
        } catch (BadLine bad) {
            sink.reject(line, bad.getMessage());
        }
    }

    private EndpointEvent read(JsonNode node, RawLine line) throws BadLine {
        String timeText = JsonFields.required(node, "time", "when the action happened");
        Instant time = IsoTime.parse(timeText, context.zone());
        if (time == null) {
            throw new BadLine("time '" + FieldText.quote(timeText) + "' is not an ISO 8601 date-time");
        }
        String rawAction = JsonFields.required(node, "action", "one of " + String.join(", ", ACTIONS));
        String action = rawAction.strip().toLowerCase(Locale.ROOT);
        if (!ACTIONS.contains(action)) {
            throw new BadLine(
                    "action '" + FieldText.quote(rawAction) + "' is not one of " + String.join(", ", ACTIONS));
        }
        String deviceId = FieldText.clean(JsonFields.text(node, "device_id"), 256);
        String serial = FieldText.clean(JsonFields.text(node, "serial"), 256);
        String hostname = FieldText.host(JsonFields.text(node, "hostname"));
        if (deviceId == null && serial == null && hostname == null) {
            throw new BadLine("no device_id, serial or hostname: the event names no device");
        }
        List<String> ips = ips(node);

        EndpointEvent e = new EndpointEvent();
        EventCommon.fill(e, time, DATASET, null, line, line.text(), context);
        e.setEventCode("mdm");
        e.setEventProvider("mdm");
        e.setEventAction(action);
        e.setEventCategory("host");
        e.setDeviceId(deviceId);
        e.setDeviceSerial(serial);
        e.setHostName(hostname);
        e.setHostIp(ips);
        e.setSourceIp(ips.isEmpty() ? null : ips.get(0));
        WindowsEventMapper.user(e, JsonFields.text(node, "user_id"), null);
        e.setMdmReportedBy(FieldText.clean(JsonFields.text(node, "reported_by"), 256));
        e.setMdmLocation(FieldText.clean(JsonFields.text(node, "location"), 256));
        e.setMessage(FieldText.clean(JsonFields.text(node, "note"), FieldText.MAX_MESSAGE));
        return e;
    }

    private static List<String> ips(JsonNode node) throws BadLine {
        JsonNode v = node.get("ip");
        if (v == null || v.isNull()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(2);
        if (v.isArray()) {
            for (JsonNode item : v) {
                if (!item.isTextual()) {
                    throw new BadLine("field 'ip' must hold strings, not " + JsonFields.kind(item));
                }
                addIp(out, item.asText());
            }
        } else if (v.isTextual()) {
            addIp(out, v.asText());
        } else {
            throw new BadLine("field 'ip' must be a string, not " + JsonFields.kind(v));
        }
        return out;
    }

    private static void addIp(List<String> out, String raw) throws BadLine {
        String s = raw.strip();
        if (s.isEmpty()) {
            return;
        }
        String ip = FieldText.ip(s);
        if (ip == null) {
            String lower = s.toLowerCase(Locale.ROOT);
            if (lower.equals("127.0.0.1") || lower.equals("::1")) {
                return;
            }
            throw new BadLine("ip '" + FieldText.quote(s) + "' is not an IP address");
        }
        if (!out.contains(ip) && out.size() < 16) {
            out.add(ip);
        }
    }
}
