package org.trustwatch.elastic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IndexNamesTest {

    @Test
    void putsAnEventInTheMonthOfItsEventTimeInUtc() {
        assertEquals(
                "trustwatch-events-proxy-2026.11",
                IndexNames.eventsIndex(EventSource.PROXY, Instant.parse("2026-11-30T23:59:59.999Z")));
        // midnight in London on 1 December is still 1 December in UTC; 00:30 in Paris is 30 November in UTC
        assertEquals(
                "trustwatch-events-mail-2026.12",
                IndexNames.eventsIndex(EventSource.MAIL, Instant.parse("2026-12-01T00:00:00Z")));
        assertEquals(
                "trustwatch-events-endpoint-2026.11",
                IndexNames.eventsIndex(EventSource.ENDPOINT, Instant.parse("2026-11-30T23:30:00Z")));
    }

    @Test
    void namesAliasesAndPatternsPerSource() {
        assertEquals("trustwatch-incidents", IndexNames.INCIDENTS_ALIAS);
        assertEquals("trustwatch-incidents-000001", IndexNames.INCIDENTS_INDEX);
        assertEquals("trustwatch-events-report", IndexNames.eventsAlias(EventSource.REPORT));
        assertEquals("trustwatch-events-report-*", IndexNames.eventsPattern(EventSource.REPORT));
    }

    @Test
    void findsTheSourceOfARecordType() {
        assertEquals(
                EventSource.PROXY,
                EventSource.ofRecord("org.trustwatch.schema.ProxyEvent").orElseThrow());
        assertEquals(EventSource.REPORT, EventSource.ofRecord("IncidentReport").orElseThrow());
        assertEquals(
                true, EventSource.ofRecord("org.trustwatch.schema.Incident").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> EventSource.of("syslog"));
    }
}
