package org.trustwatch.elastic.index;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The names of every index and alias Trustwatch writes and reads. Readers use the aliases; only writers and the
 * retention job name concrete indices.
 */
public final class IndexNames {

    /** All incidents, one document per incident id; points at {@link #INCIDENTS_INDEX} as its write index. */
    public static final String INCIDENTS_ALIAS = "trustwatch-incidents";

    public static final String INCIDENTS_INDEX = INCIDENTS_ALIAS + "-000001";

    /** Who read or exported what, one document per access; points at {@link #AUDIT_INDEX} as its write index. */
    public static final String AUDIT_ALIAS = "trustwatch-audit";

    public static final String AUDIT_INDEX = AUDIT_ALIAS + "-000001";

    /** Raw events of every source. */
    public static final String EVENTS_ALIAS = "trustwatch-events";

    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

    private IndexNames() {}

    /** Raw events of one source, e.g. {@code trustwatch-events-proxy}. */
    public static String eventsAlias(EventSource source) {
        return EVENTS_ALIAS + "-" + source.id();
    }

    /** The monthly index of an event by its event time in UTC, e.g. {@code trustwatch-events-proxy-2026.11}. */
    public static String eventsIndex(EventSource source, Instant eventTime) {
        return eventsAlias(source) + "-" + MONTH.format(eventTime);
    }

    /** The pattern matching every monthly index of a source, e.g. {@code trustwatch-events-proxy-*}. */
    public static String eventsPattern(EventSource source) {
        return eventsAlias(source) + "-*";
    }
}
