package org.trustwatch.elastic.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.elastic.index.IndexNames;
import org.trustwatch.elastic.index.MonthlyIndex;

class RetentionPlanTest {

    private static final RetentionPeriod SIX_MONTHS = RetentionPeriod.parse("6M");

    @Test
    void deletesAMonthOnlyWhenItsLastDayIsPastThePeriod() {
        // 15 November 2026 minus six months is 15 May: April has ended before it, May has not
        RetentionPlan plan = RetentionPlan.of(
                List.of(
                        "trustwatch-events-proxy-2026.05",
                        "trustwatch-events-proxy-2026.04",
                        "trustwatch-events-mail-2025.12"),
                SIX_MONTHS,
                Instant.parse("2026-11-15T10:00:00Z"));

        assertEquals(
                List.of("trustwatch-events-mail-2025.12", "trustwatch-events-proxy-2026.04"), names(plan.expired()));
        assertEquals(List.of("trustwatch-events-proxy-2026.05"), names(plan.kept()));
    }

    @Test
    void exactlyAtThePeriodTheMonthStaysAndGoesAMomentLater() {
        // April ends at 1 May 00:00; six months after that is 1 November 00:00
        List<String> april = List.of("trustwatch-events-endpoint-2026.04");
        Instant sixMonthsAfter = Instant.parse("2026-11-01T00:00:00Z");

        assertEquals(
                1, RetentionPlan.of(april, SIX_MONTHS, sixMonthsAfter).kept().size());
        assertEquals(
                1,
                RetentionPlan.of(april, SIX_MONTHS, sixMonthsAfter.plusMillis(1))
                        .expired()
                        .size());
    }

    @Test
    void countsInUtcAcrossTheYearEnd() {
        // December 2025 ends 1 January 2026 00:00 UTC; 180 days later is 30 June 2026 00:00
        List<String> december = List.of("trustwatch-events-report-2025.12");
        RetentionPeriod days = RetentionPeriod.parse("180d");

        assertEquals(
                1,
                RetentionPlan.of(december, days, Instant.parse("2026-06-29T23:59:59Z"))
                        .kept()
                        .size());
        assertEquals(
                1,
                RetentionPlan.of(december, days, Instant.parse("2026-06-30T00:00:01Z"))
                        .expired()
                        .size());
    }

    @Test
    void leavesEverythingElseAloneHoweverOld() {
        RetentionPlan plan = RetentionPlan.of(
                List.of(
                        IndexNames.INCIDENTS_INDEX,
                        "trustwatch-events-proxy-1999.01-restored",
                        "trustwatch-events-syslog-1999.01",
                        "trustwatch-events-proxy-1999.01"),
                SIX_MONTHS,
                Instant.parse("2026-11-15T10:00:00Z"));

        assertEquals(List.of("trustwatch-events-proxy-1999.01"), names(plan.expired()));
        assertEquals(
                List.of(
                        "trustwatch-events-proxy-1999.01-restored",
                        "trustwatch-events-syslog-1999.01",
                        IndexNames.INCIDENTS_INDEX),
                plan.ignored());
    }

    static List<String> names(List<MonthlyIndex> indices) {
        return indices.stream().map(MonthlyIndex::name).toList();
    }
}
