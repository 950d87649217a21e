package org.trustwatch.elastic.retention;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long raw events are kept: a number of days, weeks, months or years ({@code 180d}, {@code 26w}, {@code 6M},
 * {@code 1y}) or an ISO-8601 period ({@code P6M}, {@code P1Y6M}). Calendar-aware: six months before 31 August is
 * 28 or 29 February.
 */
public record RetentionPeriod(Period period, String text) {

    public static final String DEFAULT = "6M";

    private static final Pattern SHORT = Pattern.compile("(\\d{1,5})([dwMy])");
    private static final String FORMAT = "give a number and a unit: 180d (days), 26w (weeks), 6M (months), 1y (years),"
            + " or an ISO period such as P6M";

    public RetentionPeriod {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("retention period '" + text + "' must be longer than nothing");
        }
    }

    /** @throws IllegalArgumentException saying what was wrong and which forms are accepted */
    public static RetentionPeriod parse(String text) {
        String value = text == null ? "" : text.strip();
        Matcher m = SHORT.matcher(value);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            Period period =
                    switch (m.group(2)) {
                        case "d" -> Period.ofDays(n);
                        case "w" -> Period.ofWeeks(n);
                        case "M" -> Period.ofMonths(n);
                        default -> Period.ofYears(n);
                    };
            return new RetentionPeriod(period, value);
        }
        if (value.matches("\\d+m")) {
            // 6m reads as minutes in most tools' notation; guessing months here could keep or delete the wrong data
            throw new IllegalArgumentException("retention period '" + value + "' is ambiguous: write "
                    + value.substring(0, value.length() - 1) + "M for months or use days (d)");
        }
        if (value.toUpperCase(Locale.ROOT).startsWith("P")
                && !value.toUpperCase(Locale.ROOT).contains("T")) {
            try {
                return new RetentionPeriod(Period.parse(value), value);
            } catch (DateTimeParseException e) {
                // falls through to the message below
            }
        }
        throw new IllegalArgumentException("retention period '" + value + "' is not a period: " + FORMAT);
    }

    /** Events older than this instant are past the period, counted back from {@code now} in UTC. */
    public Instant cutoff(Instant now) {
        return now.atZone(ZoneOffset.UTC).minus(period).toInstant();
    }

    /**
     * The period in whole days, taking every month as 31 days and every year as 366: for ILM, which counts only in
     * fixed units. Rounding up keeps data a few days longer, never shorter, than the period says.
     */
    public long longestDays() {
        return period.getYears() * 366L + period.getMonths() * 31L + period.getDays();
    }

    @Override
    public String toString() {
        return text;
    }
}
