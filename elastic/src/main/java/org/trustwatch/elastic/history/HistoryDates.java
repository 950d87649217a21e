package org.trustwatch.elastic.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The dates of a history search: a day ({@code 2026-11-01}, in the trust's time zone) or an ISO instant
 * ({@code 2026-11-01T09:00:00Z}, {@code 2026-11-01T09:00:00+01:00}). A day as the end of a range means the whole day.
 */
final class HistoryDates {

    private HistoryDates() {}

    /** The first instant the option covers. */
    static Instant from(String option, String text, ZoneId zone) {
        LocalDate day = day(text);
        return day != null ? day.atStartOfDay(zone).toInstant() : instant(option, text, zone);
    }

    /** The first instant after what the option covers: the next midnight for a day, the next millisecond else. */
    static Instant after(String option, String text, ZoneId zone) {
        LocalDate day = day(text);
        return day != null
                ? day.plusDays(1).atStartOfDay(zone).toInstant()
                : instant(option, text, zone).plusMillis(1); // Elasticsearch keeps dates to the millisecond
    }

    private static LocalDate day(String text) {
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null; // 2026-02-30: reported as not a date below
        }
    }

    private static Instant instant(String option, String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a date: give YYYY-MM-DD (a day in "
                    + zone + ") or an ISO instant such as 2026-11-01T09:00:00Z");
        }
    }
}
