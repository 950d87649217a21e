package org.trustwatch.workload.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * One day of the run in the schools' time zone: a school day, or a weekend day between school days (when only some
 * staff mail). {@code index} counts every day of the run from 0.
 */
public record Day(int index, LocalDate date, ZoneId zone, boolean schoolDay, long localMidnightUtcMillis) {

    /** The days from {@code start} until {@code schoolDays} school days have passed (weekends between them too). */
    public static List<Day> run(LocalDate start, int schoolDays, ZoneId zone) {
        List<Day> days = new ArrayList<>();
        LocalDate date = start;
        int school = 0;
        while (school < schoolDays) {
            boolean weekday = date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
            if (weekday || school > 0) {
                // the offset at noon: clocks change at 01:00 UTC on a Sunday, before anything happens that day
                int offset = zone.getRules()
                        .getOffset(date.atTime(12, 0).atZone(zone).toInstant())
                        .getTotalSeconds();
                days.add(new Day(days.size(), date, zone, weekday, (date.toEpochDay() * 86_400L - offset) * 1000));
            }
            if (weekday) {
                school++;
            }
            date = date.plusDays(1);
        }
        return days;
    }

    public long midnight() {
        return date.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /** The epoch milliseconds of a local time of this day (from 03:00 on: the clocks do not change after). */
    public long at(LocalTime time) {
        return localMidnightUtcMillis + time.toSecondOfDay() * 1000L;
    }

    public long at(int hour, int minute) {
        return localMidnightUtcMillis + (hour * 3600L + minute * 60L) * 1000L;
    }

    public boolean isFriday() {
        return date.getDayOfWeek() == DayOfWeek.FRIDAY;
    }
}
