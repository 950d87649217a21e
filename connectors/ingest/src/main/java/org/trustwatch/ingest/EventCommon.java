package org.trustwatch.ingest;

import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Sets the fields every event record shares (event time, ingest time, dataset, school, observer, file, line,
 * digest and optionally the original line), by name, so all parsers fill them the same way.
 */
public final class EventCommon {

    private EventCommon() {}

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
        Schema schema = event.getSchema();
        event.put(schema.getField("timestamp").pos(), eventTime);
        event.put(schema.getField("event_ingested").pos(), context.clock().instant());
        event.put(schema.getField("event_dataset").pos(), dataset);
        event.put(schema.getField("school_id").pos(), context.schoolId());
        event.put(schema.getField("observer_hostname").pos(), observerHostname);
        event.put(schema.getField("log_file_path").pos(), first.file());
        event.put(schema.getField("log_line").pos(), first.lineNumber() > 0 ? first.lineNumber() : null);
        event.put(schema.getField("event_hash").pos(), LineDigest.sha256Hex(lines));
        event.put(schema.getField("event_original").pos(), context.keepOriginal() ? lines : null);
        return event;
    }
}
