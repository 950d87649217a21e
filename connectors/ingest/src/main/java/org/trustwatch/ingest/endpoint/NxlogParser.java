package org.trustwatch.ingest.endpoint;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.RawLine;

/**
 * NXLog {@code im_msvistalog} events written with {@code to_json()}, one JSON object a line: system fields
 * {@code EventTime}, {@code Hostname}, {@code EventID}, {@code SourceName}, {@code Channel}, {@code Keywords},
 * {@code EventType} ({@code AUDIT_SUCCESS}/{@code AUDIT_FAILURE}), {@code AccountName}/{@code Domain}/{@code UserID},
 * {@code Message}, and the event data as top-level keys ({@code TargetUserName}, {@code IpAddress},
 * {@code LogonType}, {@code NewProcessName} ...). Also the reduced field set some exports keep ({@code TimeCreated}
 * instead of {@code EventTime}), and the fields Logstash adds ({@code @timestamp}, {@code host}: the forwarder, kept
 * as observer). The Windows mapping is {@link WindowsEventMapper}'s.
 *
 * <p>Time: {@code EventTime} as written; NXLog writes it in the collecting machine's local time without an offset,
 * read in the connector's zone, unless it carries an offset. A Sysmon event's own {@code UtcTime} is preferred to an
 * offset-less time, since it needs no zone. {@code @timestamp} (Logstash's receive time) is the last resort.
 *
 * <p>Skipped: blank lines and lines starting with {@code #}. Rejected: lines that are not one JSON object, malformed,
 * too deep or ambiguous (duplicate key) JSON, objects without {@code EventID} or a readable time.
 */
public final class NxlogParser implements LogParser {

    static final String DATASET = "nxlog";

    private final ParseContext context;
    private final WindowsEvent w = new WindowsEvent();
    private final WindowsEventMapper mapper = new WindowsEventMapper();

    private String eventTime;
    private String timeCreated;
    private String logstashTime;
    private String eventId;
    private String accountName;
    private String accountDomain;
    private boolean hasMessage;

    public NxlogParser(ParseContext context) {
        this.context = context;
    }

    @Override
    public void parse(RawLine line, ParseSink sink) {
        reset();
        if (!JsonSupport.readOneObjectLine(line, sink, "NXLog to_json()", this::readTop)) {
            return;
        }
        String text = line.text();
        if (eventId == null) {
            sink.reject(line, "no EventID: not an NXLog im_msvistalog event");
            return;
        }
        w.eventId = EvtxJsonParser.eventId(eventId);
        if (w.eventId == null) {
            sink.reject(line, "EventID '" + FieldText.quote(eventId) + "' is not a number");
            return;
        }
        String written = eventTime != null ? eventTime : timeCreated != null ? timeCreated : logstashTime;
        if (written == null) {
            sink.reject(line, "no EventTime: not an NXLog im_msvistalog event");
            return;
        }
        Instant time = IsoTime.parse(written, null);
        if (time == null) {
            time = IsoTime.parse(w.get("UtcTime"), ZoneOffset.UTC);
        }
        if (time == null) {
            time = IsoTime.parse(written, context.zone());
        }
        if (time == null) {
            sink.reject(line, "EventTime '" + FieldText.quote(written) + "' is not a date-time");
            return;
        }
        w.time = time;
        if (w.userSid != null) {
            // NXLog resolved the event's UserID into AccountName/Domain.
            w.userName = accountName;
            w.userDomain = accountDomain;
        }
        if (hasMessage && WinlogbeatParser.needsMessage(w)) {
            w.message = WinlogbeatParser.topLevelString(text, "Message");
        }
        sink.event(mapper.map(w, DATASET, line, text, context), line);
    }

    private void reset() {
        w.clear();
        eventTime = null;
        timeCreated = null;
        logstashTime = null;
        eventId = null;
        accountName = null;
        accountDomain = null;
        hasMessage = false;
    }

    private void readTop(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            switch (key) {
                case "EventTime" -> eventTime = JsonSupport.scalar(p, v);
                case "TimeCreated" -> timeCreated = JsonSupport.scalar(p, v);
                case "@timestamp" -> logstashTime = JsonSupport.scalar(p, v);
                case "EventID" -> eventId = JsonSupport.scalar(p, v);
                case "Hostname" -> w.computer = JsonSupport.scalar(p, v);
                case "SourceName" -> w.provider = JsonSupport.scalar(p, v);
                case "Channel" -> w.channel = JsonSupport.scalar(p, v);
                case "Keywords" -> w.keywords(JsonSupport.scalar(p, v));
                case "EventType" -> w.keywordName(JsonSupport.scalar(p, v));
                case "UserID" -> w.userSid = JsonSupport.scalar(p, v);
                case "AccountName" -> accountName = JsonSupport.scalar(p, v);
                case "Domain" -> accountDomain = JsonSupport.scalar(p, v);
                case "host" -> {
                    // the sender as Logstash saw it: a string, or an ECS object
                    if (v == JsonToken.START_OBJECT) {
                        w.collector = hostObjectName(p);
                    } else {
                        w.collector = JsonSupport.scalar(p, v);
                    }
                }
                case "Message" -> {
                    hasMessage = v == JsonToken.VALUE_STRING;
                    p.skipChildren();
                }
                default -> {
                    if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                        p.skipChildren();
                    } else if (WindowsEventMapper.DATA_NAMES.contains(key)) {
                        w.data.put(key, JsonSupport.scalar(p, v));
                    }
                }
            }
        }
        WinlogbeatParser.expectEnd(t);
    }

    private static String hostObjectName(JsonParser p) throws IOException {
        String name = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if ((key.equals("name") || key.equals("hostname")) && name == null) {
                name = JsonSupport.scalar(p, v);
            } else {
                p.skipChildren();
            }
        }
        WinlogbeatParser.expectEnd(t);
        return name;
    }
}
