package org.trustwatch.ingest;

import org.apache.avro.specific.SpecificRecord;

/** Receives what a parser makes of its input. */
public interface ParseSink {

    /**
     * An event is complete. {@code completedBy} is the line that completed it: the line itself for one-line formats,
     * the last line of a Postfix message or of a multi-line JSON object.
     */
    void event(SpecificRecord event, RawLine completedBy);

    /** A line is not an event of the format; the reason says what is wrong with it, for a person to act on. */
    void reject(RawLine line, String reason);
}
