package org.trustwatch.elastic.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.Period;
import org.junit.jupiter.api.Test;

class RetentionPeriodTest {

    @Test
    void acceptsShortFormsAndIsoPeriods() {
        assertEquals(Period.ofMonths(6), RetentionPeriod.parse("6M").period());
        assertEquals(Period.ofDays(180), RetentionPeriod.parse("180d").period());
        assertEquals(Period.ofWeeks(26), RetentionPeriod.parse("26w").period());
        assertEquals(Period.ofYears(1), RetentionPeriod.parse("1y").period());
        assertEquals(Period.of(1, 6, 0), RetentionPeriod.parse("P1Y6M").period());
        assertEquals(Period.ofMonths(6), RetentionPeriod.parse(" p6m ").period());
    }

    @Test
    void countsMonthsBackOnTheCalendar() {
        assertEquals(
                Instant.parse("2026-02-28T12:00:00Z"),
                RetentionPeriod.parse("6M").cutoff(Instant.parse("2026-08-31T12:00:00Z")));
    }

    @Test
    void ilmGetsWholeDaysNeverShorterThanThePeriod() {
        assertEquals(186, RetentionPeriod.parse("6M").longestDays());
        assertEquals(180, RetentionPeriod.parse("180d").longestDays());
        assertEquals(366 + 31, RetentionPeriod.parse("P1Y1M").longestDays());
    }

    @Test
    void saysWhatIsWrongWithABadValue() {
        IllegalArgumentException minutes =
                assertThrows(IllegalArgumentException.class, () -> RetentionPeriod.parse("6m"));
        assertTrue(minutes.getMessage().contains("write 6M for months"), minutes.getMessage());
        for (String bad : new String[] {"six months", "6", "PT6H", "-6M", "", "0d", "P0D"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RetentionPeriod.parse(bad));
            assertTrue(e.getMessage().startsWith("retention period '" + bad.strip() + "'"), e.getMessage());
        }
    }
}
