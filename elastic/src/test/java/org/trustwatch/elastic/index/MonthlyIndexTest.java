package org.trustwatch.elastic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class MonthlyIndexTest {

    @Test
    void readsTheSourceAndMonthOfTheNamesTheSinkWrites() {
        MonthlyIndex index =
                MonthlyIndex.parse("trustwatch-events-mail-2026.02").orElseThrow();

        assertEquals(EventSource.MAIL, index.source());
        assertEquals(YearMonth.of(2026, 2), index.month());
        assertEquals(Instant.parse("2026-02-01T00:00:00Z"), index.start());
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), index.end());
        assertEquals(index.name(), IndexNames.eventsIndex(EventSource.MAIL, Instant.parse("2026-02-28T23:59:59Z")));
    }

    @Test
    void anyOtherNameIsNotAMonthlyIndex() {
        for (String name : new String[] {
            IndexNames.INCIDENTS_INDEX,
            IndexNames.AUDIT_INDEX,
            "trustwatch-events-proxy",
            "trustwatch-events-syslog-2020.01",
            "trustwatch-events-proxy-2020.13",
            "trustwatch-events-proxy-2020.01-restored",
            "trustwatch-events-proxy-2020.1",
            "restored-trustwatch-events-proxy-2020.01",
            "logs-2020.01"
        }) {
            assertTrue(MonthlyIndex.parse(name).isEmpty(), name);
        }
    }
}
