package org.trustwatch.elastic.index;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A monthly raw-event index of one source, e.g. {@code trustwatch-events-proxy-2026.11}: what retention works on. */
public record MonthlyIndex(String name, EventSource source, YearMonth month) {

    private static final Pattern NAME = Pattern.compile("trustwatch-events-([a-z]+)-(\\d{4})\\.(\\d{2})");

    /**
     * The monthly index of this name, or empty for any other index (the incidents, a restored copy, another
     * application's index that happens to share the prefix). Only names {@link IndexNames#eventsIndex} makes count.
     */
    public static Optional<MonthlyIndex> parse(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            EventSource source = EventSource.of(m.group(1));
            YearMonth month = YearMonth.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            MonthlyIndex index = new MonthlyIndex(name, source, month);
            return IndexNames.eventsIndex(source, index.start()).equals(name) ? Optional.of(index) : Optional.empty();
        } catch (IllegalArgumentException | DateTimeException e) {
            return Optional.empty(); // an unknown source or a month 13
        }
    }

    /** The first instant of the month in UTC, the time zone of the index names. */
    public Instant start() {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the month: every event in the index is older than this. */
    public Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
