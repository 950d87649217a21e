package org.trustwatch.ingest.endpoint;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.RawLine;

/**
 * Winlogbeat 8.x ECS JSON, one event a line, as the file or Logstash output (or an Elasticsearch export) writes it:
 * {@code @timestamp}, {@code winlog.event_id} / {@code event.code}, {@code winlog.channel},
 * {@code winlog.provider_name}, {@code winlog.computer_name}, {@code winlog.event_data} (or {@code user_data}),
 * {@code winlog.user}, {@code winlog.keywords}, {@code event.outcome}, {@code host.name} and {@code host.ip} (from
 * add_host_metadata), and the ECS fields an ingest pipeline adds ({@code user.*}, {@code source.*},
 * {@code process.*}), which only fill what the event data does not give. The Windows mapping itself is
 * {@link WindowsEventMapper}'s, shared with the NXLog and evtx readers.
 *
 * <p>{@code host.ip} describes the machine Winlogbeat runs on; it is kept as the event's {@code host_ip} only when
 * that machine is the event's computer (not when Winlogbeat reads events forwarded from other computers).
 *
 * <p>Skipped: blank lines and lines starting with {@code #}. Rejected: lines that are not one JSON object, JSON that
 * is malformed, too deep or has a key twice, objects without an event id or a readable {@code @timestamp}.
 */
public final class WinlogbeatParser implements LogParser {

    static final String DATASET = "winlogbeat";

    private final ParseContext context;
    private final WindowsEvent w = new WindowsEvent();
    private final WindowsEventMapper mapper = new WindowsEventMapper();
    private final List<String> ips = new ArrayList<>(8);

    private String timestamp;
    private String eventId;
    private String eventCode;
    private String eventProvider;
    private String hostName;
    private String hostHostname;
    private String agentHostname;
    private boolean hasMessage;

    public WinlogbeatParser(ParseContext context) {
        this.context = context;
    }

    @Override
    public void parse(RawLine line, ParseSink sink) {
        reset();
        if (!JsonSupport.readOneObjectLine(line, sink, "Winlogbeat", this::readTop)) {
            return;
        }
        String text = line.text();
        String id = eventId != null ? eventId : eventCode;
        if (id == null) {
            sink.reject(line, "no winlog.event_id or event.code: not a Winlogbeat Windows event");
            return;
        }
        w.eventId = EvtxJsonParser.eventId(id);
        if (w.eventId == null) {
            sink.reject(line, "event id '" + FieldText.quote(id) + "' is not a number");
            return;
        }
        if (timestamp == null) {
            sink.reject(line, "no @timestamp: not a Winlogbeat event");
            return;
        }
        Instant time = IsoTime.parse(timestamp, context.zone());
        if (time == null) {
            sink.reject(line, "@timestamp '" + FieldText.quote(timestamp) + "' is not an ISO 8601 date-time");
            return;
        }
        w.time = time;
        if (w.provider == null) {
            w.provider = eventProvider;
        }
        String agentHost = hostName != null ? hostName : hostHostname;
        if (w.computer == null) {
            w.computer = agentHost;
        }
        w.collector = agentHostname != null ? agentHostname : agentHost;
        if (!ips.isEmpty() && (sameHost(w.computer, hostName) || sameHost(w.computer, hostHostname))) {
            w.hostIps.addAll(ips);
        }
        if (hasMessage && needsMessage(w)) {
            w.message = topLevelString(text, "message");
        }
        sink.event(mapper.map(w, DATASET, line, text, context), line);
    }

    private void reset() {
        w.clear();
        ips.clear();
        timestamp = null;
        eventId = null;
        eventCode = null;
        eventProvider = null;
        hostName = null;
        hostHostname = null;
        agentHostname = null;
        hasMessage = false;
    }

    private void readTop(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            boolean object = v == JsonToken.START_OBJECT;
            switch (key) {
                case "@timestamp" -> timestamp = JsonSupport.scalar(p, v);
                case "winlog" -> {
                    if (object) {
                        readWinlog(p);
                    } else {
                        p.skipChildren();
                    }
                }
                case "event" -> {
                    if (object) {
                        readEventObject(p);
                    } else {
                        p.skipChildren();
                    }
                }
                case "host" -> {
                    if (object) {
                        readHost(p);
                    } else {
                        hostName = JsonSupport.scalar(p, v);
                    }
                }
                case "agent" -> {
                    if (object) {
                        readAgent(p);
                    } else {
                        p.skipChildren();
                    }
                }
                case "user" -> {
                    if (object) {
                        readEcsUser(p);
                    } else {
                        p.skipChildren();
                    }
                }
                case "source" -> {
                    if (object) {
                        readSource(p);
                    } else {
                        p.skipChildren();
                    }
                }
                case "process" -> {
                    if (object) {
                        readProcess(p);
                    } else {
                        p.skipChildren();
                    }
                }
                case "message" -> {
                    hasMessage = v == JsonToken.VALUE_STRING;
                    p.skipChildren();
                }
                default -> p.skipChildren();
            }
        }
        expectEnd(t);
    }

    private void readWinlog(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            switch (key) {
                case "event_id" -> eventId = JsonSupport.scalar(p, v);
                case "channel" -> w.channel = JsonSupport.scalar(p, v);
                case "provider_name" -> w.provider = JsonSupport.scalar(p, v);
                case "computer_name" -> w.computer = JsonSupport.scalar(p, v);
                case "event_data", "user_data" -> {
                    if (v == JsonToken.START_OBJECT) {
                        WindowsJson.readData(p, w);
                    } else {
                        p.skipChildren();
                    }
                }
                case "user" -> {
                    if (v == JsonToken.START_OBJECT) {
                        readWinlogUser(p);
                    } else {
                        p.skipChildren();
                    }
                }
                case "keywords" -> {
                    if (v == JsonToken.START_ARRAY) {
                        JsonToken k;
                        while ((k = p.nextToken()) != JsonToken.END_ARRAY && k != null) {
                            w.keywordName(JsonSupport.scalar(p, k));
                        }
                    } else {
                        w.keywordName(JsonSupport.scalar(p, v));
                    }
                }
                default -> p.skipChildren();
            }
        }
        expectEnd(t);
    }

    private void readWinlogUser(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            switch (key) {
                case "identifier" -> w.userSid = JsonSupport.scalar(p, v);
                case "name" -> w.userName = JsonSupport.scalar(p, v);
                case "domain" -> w.userDomain = JsonSupport.scalar(p, v);
                default -> p.skipChildren();
            }
        }
        expectEnd(t);
    }

    private void readEventObject(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            switch (key) {
                case "code" -> eventCode = JsonSupport.scalar(p, v);
                case "outcome" -> w.ecsOutcome = JsonSupport.scalar(p, v);
                case "provider" -> eventProvider = JsonSupport.scalar(p, v);
                default -> p.skipChildren();
            }
        }
        expectEnd(t);
    }

    private void readHost(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            switch (key) {
                case "name" -> hostName = JsonSupport.scalar(p, v);
                case "hostname" -> hostHostname = JsonSupport.scalar(p, v);
                case "ip" -> {
                    if (v == JsonToken.START_ARRAY) {
                        JsonToken k;
                        while ((k = p.nextToken()) != JsonToken.END_ARRAY && k != null) {
                            addIp(JsonSupport.scalar(p, k));
                        }
                    } else {
                        addIp(JsonSupport.scalar(p, v));
                    }
                }
                default -> p.skipChildren();
            }
        }
        expectEnd(t);
    }

    private void addIp(String raw) {
        String ip = FieldText.ip(raw);
        if (ip != null && ips.size() < 32 && !ips.contains(ip)) {
            ips.add(ip);
        }
    }

    private void readAgent(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (key.equals("hostname")) {
                agentHostname = JsonSupport.scalar(p, v);
            } else if (key.equals("name") && agentHostname == null) {
                agentHostname = JsonSupport.scalar(p, v);
            } else {
                p.skipChildren();
            }
        }
        expectEnd(t);
    }

    private void readEcsUser(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            switch (key) {
                case "name" -> w.ecsUserName = JsonSupport.scalar(p, v);
                case "domain" -> w.ecsUserDomain = JsonSupport.scalar(p, v);
                default -> p.skipChildren();
            }
        }
        expectEnd(t);
    }

    private void readSource(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            switch (key) {
                case "ip" -> w.ecsSourceIp = JsonSupport.scalar(p, v);
                case "domain" -> w.ecsSourceDomain = JsonSupport.scalar(p, v);
                default -> p.skipChildren();
            }
        }
        expectEnd(t);
    }

    private void readProcess(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            switch (key) {
                case "executable" -> w.ecsProcessExecutable = JsonSupport.scalar(p, v);
                case "name" -> w.ecsProcessName = JsonSupport.scalar(p, v);
                case "parent" -> {
                    if (v == JsonToken.START_OBJECT) {
                        w.ecsParentName = memberOf(p, "name", "executable");
                    } else {
                        p.skipChildren();
                    }
                }
                case "hash" -> {
                    if (v == JsonToken.START_OBJECT) {
                        w.ecsHashSha256 = memberOf(p, "sha256", null);
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        expectEnd(t);
    }

    /** The scalar member {@code name} (else {@code fallback}) of the object the parser is on; skips the rest. */
    private static String memberOf(JsonParser p, String name, String fallback) throws IOException {
        String found = null;
        String second = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (key.equals(name)) {
                found = JsonSupport.scalar(p, v);
            } else if (key.equals(fallback)) {
                second = JsonSupport.scalar(p, v);
            } else {
                p.skipChildren();
            }
        }
        expectEnd(t);
        return found != null ? found : second;
    }

    static void expectEnd(JsonToken t) throws IOException {
        if (t != JsonToken.END_OBJECT) {
            throw new IOException("malformed JSON object");
        }
    }

    /** Whether the mapping needs the rendered message: MsiInstaller events whose data strings are missing. */
    static boolean needsMessage(WindowsEvent w) {
        return w.provider != null
                && w.provider.equalsIgnoreCase("MsiInstaller")
                && w.dataStrings.isEmpty()
                && w.get("param1") == null;
    }

    /** Second, rare pass over a line for one top-level string member (the long rendered message). */
    static String topLevelString(String text, String member) {
        int first = Math.max(0, JsonSupport.firstNonBlank(text));
        try (JsonParser p = JsonSupport.FACTORY.createParser(text.substring(first))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                if (key.equals(member) && v == JsonToken.VALUE_STRING) {
                    return p.getText();
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** Whether two host names are one machine (FQDN or short name, any case). */
    static boolean sameHost(String a, String b) {
        if (a == null || b == null) {
            return a == null && b != null;
        }
        return shortName(a).equals(shortName(b));
    }

    private static String shortName(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        int dot = h.indexOf('.');
        return dot > 0 ? h.substring(0, dot) : h;
    }
}
