package org.trustwatch.ingest;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Sets the fields every event record shares (event time, ingest time, dataset, school, observer, file, line,
 * digest and optionally the original line), by name, so all parsers fill them the same way.
 */
public final class EventCommon {

    private static final String[] FIELDS = {
        "timestamp",
        "event_ingested",
        "event_dataset",
        "school_id",
        "observer_hostname",
        "log_file_path",
        "log_line",
        "event_hash",
        "event_original"
    };

    /** Where the shared fields sit in each event schema: looked up once, not per event. */
    private static final Map<Schema, int[]> POSITIONS = new ConcurrentHashMap<>();

    private EventCommon() {}

    private static int[] positions(Schema schema) {
        int[] positions = new int[FIELDS.length];
        for (int i = 0; i < FIELDS.length; i++) {
            positions[i] = schema.getField(FIELDS[i]).pos();
        }
        return positions;
    }

    /**
     * @param lines the original text the event was made from (one line, or several joined by newlines)
     * @param first the first line of the event, whose file and number locate it
     */
    public static <T extends SpecificRecordBase> T fill(
            T event,
            Instant eventTime,
            String dataset,
            String observerHostname,
            RawLine first,
            String lines,
            ParseContext context) {
        int[] at = POSITIONS.computeIfAbsent(event.getSchema(), EventCommon::positions);
        event.put(at[0], eventTime);
        event.put(at[1], context.clock().instant());
        event.put(at[2], dataset);
        event.put(at[3], context.schoolId());
        event.put(at[4], observerHostname);
        event.put(at[5], first.file());
        event.put(at[6], first.lineNumber() > 0 ? first.lineNumber() : null);
        event.put(at[7], LineDigest.sha256Hex(lines));
        event.put(at[8], context.keepOriginal() ? lines : null);
        return event;
    }
}
