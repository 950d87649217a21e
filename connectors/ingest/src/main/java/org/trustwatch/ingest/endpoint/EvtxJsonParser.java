package org.trustwatch.ingest.endpoint;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.RawLine;

/**
 * Windows events exported from {@code .evtx} files by {@code evtx_dump} (and tools that copy its shape):
 * {@code {"Event":{"System":{"EventID":..,"Provider":{"#attributes":{"Name":..}},"TimeCreated":{"#attributes":
 * {"SystemTime":..}},"Computer":..,"Channel":..,"Security":{"#attributes":{"UserID":..}}},"EventData":{..}}}} or
 * {@code UserData}, either one object a line ({@code -o jsonl}) or pretty-printed objects spanning many lines
 * ({@code -o json}), one after the other. Also read: {@code EventID} as {@code {"#text":..}},
 * {@code --separate-json-attributes} ({@code Provider_attributes}) and xmltodict-style {@code @Name} attributes.
 *
 * <p>Lines are accumulated until the braces of an object balance (braces inside strings, escapes included, do not
 * count). An event is located by its first line and completed by its last. Between objects, blank lines,
 * {@code #} comments, the {@code Record N} lines {@code evtx_dump -o json} prints before each record, and the
 * {@code [ , ]} of a JSON array of events are skipped. An object longer than 1 MiB is rejected and reading resumes at
 * the next line starting with {@code {}; a line starting with <code>{"</code> in the first column while an object is
 * open means that object was cut short: it is rejected and the new one read; at end of input an open object is
 * rejected as truncated. The Windows mapping is {@link WindowsEventMapper}'s.
 */
public final class EvtxJsonParser implements LogParser {

    static final String DATASET = "evtx";

    /** Largest object accumulated over several lines. */
    static final int MAX_OBJECT_CHARS = 1024 * 1024;

    private final ParseContext context;
    private final WindowsEvent w = new WindowsEvent();
    private final WindowsEventMapper mapper = new WindowsEventMapper();

    // the object being accumulated
    private final StringBuilder buffer = new StringBuilder();
    private RawLine objectFirstLine;
    private int depth;
    private boolean inString;
    private boolean escaped;
    private boolean resynchronising;

    // per event while reading
    private String eventId;
    private String systemTime;
    private boolean sawEvent;

    public EvtxJsonParser(ParseContext context) {
        this.context = context;
    }

    @Override
    public void parse(RawLine line, ParseSink sink) {
        String text = line.text();
        if (resynchronising) {
            int first = JsonSupport.firstNonBlank(text);
            if (first < 0 || text.charAt(first) != '{') {
                // still inside the oversized object that was rejected
                return;
            }
            resynchronising = false;
        }
        if (objectFirstLine == null) {
            int first = JsonSupport.firstNonBlank(text);
            if (first < 0 || text.charAt(first) == '#' || isRecordHeader(text, first)) {
                return;
            }
        } else if (!text.isEmpty() && text.charAt(0) == '{' && (!inString || text.startsWith("{\""))) {
            sink.reject(
                    objectFirstLine,
                    "JSON object starting at line " + objectFirstLine.lineNumber()
                            + " is not closed before the next object starts at line " + line.lineNumber()
                            + " (truncated?)");
            resetObject();
        }
        scan(line, text, sink);
    }

    @Override
    public void flush(ParseSink sink) {
        if (objectFirstLine != null) {
            sink.reject(
                    objectFirstLine,
                    "JSON object starting at line " + objectFirstLine.lineNumber()
                            + " is not closed at the end of the input (truncated?)");
            resetObject();
        }
        resynchronising = false;
    }

    @Override
    public OptionalLong earliestPendingPosition() {
        if (objectFirstLine != null && objectFirstLine.position() >= 0) {
            return OptionalLong.of(objectFirstLine.position());
        }
        return OptionalLong.empty();
    }

    private void scan(RawLine line, String text, ParseSink sink) {
        int n = text.length();
        int start = objectFirstLine == null ? -1 : 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (objectFirstLine == null) {
                if (c == '{') {
                    objectFirstLine = line;
                    start = i;
                    depth = 1;
                    inString = false;
                    escaped = false;
                } else if (!(c == ' ' || c == '\t' || c == '\r' || c == ',' || c == '[' || c == ']' || c == '\uFEFF')) {
                    sink.reject(
                            line,
                            "text outside a JSON object: '"
                                    + FieldText.quote(text.substring(i, Math.min(n, i + 30)))
                                    + "' (expected evtx_dump JSON objects)");
                    return;
                }
                continue;
            }
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                String object;
                if (buffer.length() == 0) {
                    object = start == 0 && i == n - 1 ? text : text.substring(start, i + 1);
                } else {
                    buffer.append(text, 0, i + 1);
                    object = buffer.toString();
                }
                RawLine first = objectFirstLine;
                resetObject();
                start = -1;
                emit(first, line, object, sink);
            }
        }
        if (objectFirstLine != null) {
            int from = Math.max(start, 0);
            if (buffer.length() + (n - from) + 1 > MAX_OBJECT_CHARS) {
                sink.reject(
                        objectFirstLine,
                        "JSON object starting at line " + objectFirstLine.lineNumber()
                                + " is longer than 1 MiB: rejected, reading resumes at the next line starting with '{'");
                resetObject();
                resynchronising = true;
                return;
            }
            buffer.append(text, from, n).append('\n');
        }
    }

    private void resetObject() {
        buffer.setLength(0);
        if (buffer.capacity() > 64 * 1024) {
            buffer.trimToSize();
        }
        objectFirstLine = null;
        depth = 0;
        inString = false;
        escaped = false;
    }

    private static boolean isRecordHeader(String text, int from) {
        if (!text.startsWith("Record ", from)) {
            return false;
        }
        int end = text.length();
        while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end <= from + 7) {
            return false;
        }
        for (int i = from + 7; i < end; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private void emit(RawLine first, RawLine last, String object, ParseSink sink) {
        w.clear();
        eventId = null;
        systemTime = null;
        sawEvent = false;
        try (JsonParser p = JsonSupport.FACTORY.createParser(object)) {
            p.nextToken();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                if (key.equals("Event") && v == JsonToken.START_OBJECT) {
                    sawEvent = true;
                    readEvent(p);
                } else {
                    p.skipChildren();
                }
            }
            WinlogbeatParser.expectEnd(t);
        } catch (IOException e) {
            sink.reject(first, JsonSupport.reason(e, first.lineNumber()));
            return;
        }
        if (!sawEvent) {
            sink.reject(first, "no \"Event\" object: not an evtx_dump Windows event");
            return;
        }
        if (eventId == null) {
            sink.reject(first, "no Event.System.EventID: not a Windows event");
            return;
        }
        w.eventId = eventId(eventId);
        if (w.eventId == null) {
            sink.reject(first, "EventID '" + FieldText.quote(eventId) + "' is not a number");
            return;
        }
        if (systemTime == null) {
            sink.reject(first, "no Event.System.TimeCreated SystemTime: the event has no time");
            return;
        }
        // SystemTime is UTC by definition, written with a Z; read an offset-less one as UTC too.
        Instant time = IsoTime.parse(systemTime, ZoneOffset.UTC);
        if (time == null) {
            sink.reject(first, "SystemTime '" + FieldText.quote(systemTime) + "' is not an ISO 8601 date-time");
            return;
        }
        w.time = time;
        sink.event(mapper.map(w, DATASET, first, object, context), last);
    }

    private void readEvent(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (v != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            switch (key) {
                case "System" -> readSystem(p);
                case "EventData", "UserData" -> WindowsJson.readData(p, w);
                case "RenderingInfo" -> readRendering(p);
                default -> p.skipChildren();
            }
        }
        WinlogbeatParser.expectEnd(t);
    }

    private void readSystem(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            boolean object = v == JsonToken.START_OBJECT;
            switch (key) {
                case "Provider", "Provider_attributes" -> {
                    String name = object ? attribute(p, "Name") : JsonSupport.scalar(p, v);
                    if (name != null && !name.isBlank()) {
                        w.provider = name;
                    }
                }
                case "EventID" -> eventId = object ? attribute(p, "#text") : JsonSupport.scalar(p, v);
                case "TimeCreated", "TimeCreated_attributes" -> {
                    String time = object ? attribute(p, "SystemTime") : JsonSupport.scalar(p, v);
                    if (time != null && !time.isBlank()) {
                        systemTime = time;
                    }
                }
                case "Computer" -> w.computer = JsonSupport.scalar(p, v);
                case "Channel" -> w.channel = JsonSupport.scalar(p, v);
                case "Keywords" -> w.keywords(JsonSupport.scalar(p, v));
                case "Security", "Security_attributes" -> {
                    if (object) {
                        String sid = attribute(p, "UserID");
                        if (sid != null) {
                            w.userSid = sid;
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        WinlogbeatParser.expectEnd(t);
    }

    /**
     * The attribute {@code name} of an XML element rendered as a JSON object, however the tool wrote it:
     * {@code {"#attributes":{"Name":..}}}, {@code {"@Name":..}} or {@code {"Name":..}}. The parser is on the object.
     */
    private static String attribute(JsonParser p, String name) throws IOException {
        String found = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (key.equals("#attributes") && v == JsonToken.START_OBJECT) {
                String inner = attribute(p, name);
                if (inner != null) {
                    found = inner;
                }
            } else if (key.equals(name)
                    || (key.length() == name.length() + 1 && key.charAt(0) == '@' && key.endsWith(name))) {
                found = JsonSupport.scalar(p, v);
            } else {
                p.skipChildren();
            }
        }
        WinlogbeatParser.expectEnd(t);
        return found;
    }

    private void readRendering(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (key.equals("Message") && v == JsonToken.VALUE_STRING && WinlogbeatParser.needsMessage(w)) {
                w.message = p.getText();
            } else {
                p.skipChildren();
            }
        }
        WinlogbeatParser.expectEnd(t);
    }

    /** A Windows event id as digits ("4625"), or null when the text is not 1 to 10 digits. */
    static String eventId(String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.strip();
        if (v.isEmpty() || v.length() > 10) {
            return null;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return null;
            }
        }
        return v;
    }
}
