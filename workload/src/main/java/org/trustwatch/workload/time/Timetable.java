package org.trustwatch.workload.time;

import java.time.LocalTime;
import java.util.List;

/**
 * The school day every school of the trust keeps (local time): registration, five lessons of an hour, a morning
 * break, lunch, and after-school clubs. Staff arrive before registration and leave after the clubs.
 */
public final class Timetable {

    private Timetable() {}

    /** A part of the day: a lesson, the break, lunch or the after-school club. */
    public record Period(String name, LocalTime start, LocalTime end) {

        public long start(Day day) {
            return day.at(start);
        }

        public long end(Day day) {
            return day.at(end);
        }
    }

    public static final Period P1 = new Period("P1", LocalTime.of(8, 50), LocalTime.of(9, 50));
    public static final Period P2 = new Period("P2", LocalTime.of(9, 50), LocalTime.of(10, 50));
    public static final Period BREAK = new Period("break", LocalTime.of(10, 50), LocalTime.of(11, 10));
    public static final Period P3 = new Period("P3", LocalTime.of(11, 10), LocalTime.of(12, 10));
    public static final Period LUNCH = new Period("lunch", LocalTime.of(12, 10), LocalTime.of(13, 0));
    public static final Period P4 = new Period("P4", LocalTime.of(13, 0), LocalTime.of(14, 0));
    public static final Period P5 = new Period("P5", LocalTime.of(14, 0), LocalTime.of(15, 0));
    public static final Period CLUB = new Period("club", LocalTime.of(15, 10), LocalTime.of(16, 10));

    public static final List<Period> LESSONS = List.of(P1, P2, P3, P4, P5);
}
