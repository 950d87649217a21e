package org.trustwatch.ingest.endpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** Test sink: what a parser made of its lines, in order. */
public final class Collected implements ParseSink {

    /** Ingest time of every test event. */
    public static final Instant INGESTED = Instant.parse("2025-03-10T12:00:00Z");

    public record Event(SpecificRecord record, RawLine completedBy) {}

    public record Reject(RawLine line, String reason) {}

    public final List<Event> events = new ArrayList<>();
    public final List<Reject> rejects = new ArrayList<>();

    @Override
    public void event(SpecificRecord event, RawLine completedBy) {
        events.add(new Event(event, completedBy));
    }

    @Override
    public void reject(RawLine line, String reason) {
        rejects.add(new Reject(line, reason));
    }

    /** A school's context: school WOH, Europe/London, fixed clock, original lines kept. */
    public static ParseContext context() {
        return context(ZoneId.of("Europe/London"));
    }

    public static ParseContext context(ZoneId zone) {
        return new ParseContext("WOH", zone, WebCategories.none(), true, Clock.fixed(INGESTED, ZoneOffset.UTC));
    }

    /** Feeds the lines (numbered from 1, positions as if joined by \n) and flushes. */
    public static Collected parse(LogParser parser, String... lines) {
        Collected sink = new Collected();
        long position = 0;
        for (int i = 0; i < lines.length; i++) {
            parser.parse(new RawLine(lines[i], "test.log", i + 1, position), sink);
            position += lines[i].getBytes(StandardCharsets.UTF_8).length + 1;
        }
        parser.flush(sink);
        return sink;
    }

    /** Feeds a file line by line (as the line reader would: no line breaks, \r dropped) and flushes. */
    public static Collected parseFile(LogParser parser, Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Collected sink = new Collected();
        long position = 0;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            parser.parse(new RawLine(text, file.toString(), i + 1, position), sink);
            position += lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
        }
        parser.flush(sink);
        return sink;
    }

    @SuppressWarnings("unchecked")
    public <T> T only(Class<T> type) {
        if (events.size() != 1) {
            throw new AssertionError("expected one event, got " + events.size() + "; rejects " + rejects);
        }
        return (T) events.get(0).record();
    }

    @SuppressWarnings("unchecked")
    public <T> List<T> all(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Event e : events) {
            out.add((T) e.record());
        }
        return out;
    }

    public String onlyReason() {
        if (rejects.size() != 1 || !events.isEmpty()) {
            throw new AssertionError("expected one reject and no event, got " + rejects + " / " + events.size());
        }
        return rejects.get(0).reason();
    }
}
