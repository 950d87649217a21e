package org.trustwatch.ingest.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.ingest.category.WebCategories;
import org.trustwatch.schema.ProxyEvent;

/** Keeps what a parser emits, for assertions. */
final class RecordingSink implements ParseSink {

    static final Instant INGEST = Instant.parse("2024-03-05T18:00:00Z");

    final List<ProxyEvent> events = new ArrayList<>();
    final List<String> rejects = new ArrayList<>();
    final List<RawLine> rejectedLines = new ArrayList<>();

    @Override
    public void event(SpecificRecord event, RawLine completedBy) {
        events.add((ProxyEvent) event);
    }

    @Override
    public void reject(RawLine line, String reason) {
        rejects.add(reason);
        rejectedLines.add(line);
    }

    static ParseContext context(WebCategories categories) {
        return context(categories, ParseContext.DEFAULT_ZONE);
    }

    static ParseContext context(WebCategories categories, ZoneId zone) {
        return new ParseContext("WOH", zone, categories, false, Clock.fixed(INGEST, ZoneOffset.UTC));
    }

    /** Parses the lines as one file and returns what came out. */
    static RecordingSink parse(LogParser parser, String... lines) {
        RecordingSink sink = new RecordingSink();
        long number = 0;
        for (String line : lines) {
            parser.parse(new RawLine(line, "test.log", ++number, number * 100), sink);
        }
        parser.flush(sink);
        return sink;
    }

    /** The single event of a one-line parse; fails with the reject reason otherwise. */
    static ProxyEvent one(LogParser parser, String line) {
        RecordingSink sink = parse(parser, line);
        if (!sink.rejects.isEmpty()) {
            fail("rejected: " + sink.rejects.get(0));
        }
        assertEquals(1, sink.events.size(), "events");
        return sink.events.get(0);
    }

    /** The reason of a one-line parse that must be rejected. */
    static String rejected(LogParser parser, String line) {
        RecordingSink sink = parse(parser, line);
        assertEquals(0, sink.events.size(), "events of a line that must be rejected");
        assertEquals(1, sink.rejects.size(), "rejects");
        String reason = sink.rejects.get(0);
        assertTrue(reason.length() < 300, "reason short: " + reason.length());
        return reason;
    }

    /** No string field of the event holds a C0 control character. */
    static void assertNoControls(ProxyEvent event) {
        for (org.apache.avro.Schema.Field field : event.getSchema().getFields()) {
            Object value = event.get(field.pos());
            if (value instanceof CharSequence text && !field.name().equals("event_original")) {
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    assertTrue(c >= 0x20 && c != 0x7F, () -> field.name() + " holds a control character: " + text);
                }
            }
        }
    }
}
