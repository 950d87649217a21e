package org.trustwatch.streams.rule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustwatch.streams.settings.Catalogue;
import org.trustwatch.streams.signal.Signal;

/**
 * C15: personal-use requests grouped into sessions (a pause longer than the gap starts a new one); a session's dwell
 * is its last minus first request plus one minute, clipped to the working day; when a day's dwell passes the limit,
 * that day's requests are the incident.
 */
public final class DailyDwell implements Engine {

    private static final long MINUTE = 60_000;

    @Override
    public List<Firing> evaluate(List<Entry> entries, RuleContext context) {
        ZoneId zone = context.zone();
        LocalTime dayStart = context.get(Catalogue.PERSONAL_USE_DAY_START);
        LocalTime dayEnd = context.get(Catalogue.PERSONAL_USE_DAY_END);
        long gap = context.get(Catalogue.PERSONAL_USE_GAP).toMillis();
        long limit = context.get(Catalogue.PERSONAL_USE_DAILY).toMillis();
        Map<LocalDate, List<Entry>> byDay = new LinkedHashMap<>();
        for (Entry e : entries) {
            ZonedDateTime local = Instant.ofEpochMilli(e.time()).atZone(zone);
            LocalTime t = local.toLocalTime();
            if (!t.isBefore(dayStart) && t.isBefore(dayEnd)) {
                byDay.computeIfAbsent(local.toLocalDate(), d -> new ArrayList<>())
                        .add(e);
            }
        }
        List<Firing> out = new ArrayList<>();
        for (Map.Entry<LocalDate, List<Entry>> day : byDay.entrySet()) {
            long end = day.getKey().atTime(dayEnd).atZone(zone).toInstant().toEpochMilli();
            long dwell = dwell(day.getValue(), gap, end);
            if (dwell > limit) {
                String description = "personal use for " + (dwell / MINUTE) + " min in the working day (limit "
                        + (limit / MINUTE) + " min)";
                for (Entry e : day.getValue()) {
                    out.add(Firing.of(e, description));
                }
            }
        }
        return out;
    }

    static long dwell(List<Entry> sorted, long gap, long dayEnd) {
        long total = 0;
        long first = -1;
        long last = -1;
        for (Entry e : sorted) {
            if (first < 0) {
                first = e.time();
            } else if (e.time() - last > gap) {
                total += Math.min(last + MINUTE, dayEnd) - first;
                first = e.time();
            }
            last = e.time();
        }
        if (first >= 0) {
            total += Math.min(last + MINUTE, dayEnd) - first;
        }
        return total;
    }

    @Override
    public Duration retention(RuleContext context, Signal signal) {
        return Duration.ofDays(1);
    }
}
