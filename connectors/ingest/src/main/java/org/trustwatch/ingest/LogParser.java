package org.trustwatch.ingest;

import java.util.OptionalLong;

/**
 * Turns the lines of one log, in order, into Trustwatch events. A parser instance reads one stream (one file or
 * one syslog connection) and may keep state between lines; it is not thread-safe.
 *
 * <p>A parser never throws on bad input: every line either contributes to an event, is skipped as not an event
 * (blank lines, {@code #} comments and directives, log noise the format defines as irrelevant), or is rejected
 * through {@link ParseSink#reject} with a reason.
 */
public interface LogParser {

    void parse(RawLine line, ParseSink sink);

    /** End of input: emit (or reject) what is still buffered, e.g. Postfix messages whose last line never came. */
    default void flush(ParseSink sink) {}

    /**
     * The byte position of the first line of the oldest event still being assembled, if any. A connector resumes
     * from there after a restart so that no part of an open event is lost.
     */
    default OptionalLong earliestPendingPosition() {
        return OptionalLong.empty();
    }
}
