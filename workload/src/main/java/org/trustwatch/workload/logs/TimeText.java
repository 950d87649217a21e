package org.trustwatch.workload.logs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Writes event times the way each format does, by arithmetic on epoch milliseconds: {@code java.time} formatting per
 * line would cost more than the rest of a line. The date parts are cached per day and the zone offset per hour. One
 * instance per thread.
 */
public final class TimeText {

    private static final long DAY = 86_400_000L;
    private static final long HOUR = 3_600_000L;

    private final ZoneRules rules;
    private long utcDay = Long.MIN_VALUE;
    private String utcIsoDate;
    private String utcGbDate;
    private long localDay = Long.MIN_VALUE;
    private String localIsoDate;
    private long offsetHour = Long.MIN_VALUE;
    private int offsetMillis;
    private String offsetText;

    public TimeText(ZoneId zone) {
        this.rules = zone.getRules();
    }

    /** Squid: {@code 1795421282.884}. */
    public void epochSeconds(StringBuilder b, long millis) {
        b.append(millis / 1000).append('.');
        pad3(b, (int) (millis % 1000));
    }

    /** Winlogbeat: {@code 2026-11-23T07:50:28.035Z}. */
    public void isoUtcMillis(StringBuilder b, long millis) {
        isoUtcSeconds(b, millis, false);
        b.append('.');
        pad3(b, (int) Math.floorMod(millis, 1000));
        b.append('Z');
    }

    /** MDM exports and self-reports: {@code 2026-11-23T07:50:28Z}. */
    public void isoUtc(StringBuilder b, long millis) {
        isoUtcSeconds(b, millis, false);
        b.append('Z');
    }

    /** W3C ELFF ({@code date time}, UTC): {@code 2026-11-23 07:50:28}. */
    public void w3c(StringBuilder b, long millis) {
        isoUtcSeconds(b, millis, true);
    }

    /** Get-MessageTrace exported by an en-GB session: {@code 23/11/2026 07:50:28} (UTC). */
    public void enGb(StringBuilder b, long millis) {
        utcDay(millis);
        b.append(utcGbDate).append(' ');
        clock(b, Math.floorMod(millis, DAY));
    }

    /** rsyslog's RFC 3339 file format, local time with its offset: {@code 2026-11-23T07:50:28.035412+00:00}. */
    public void rfc3339Local(StringBuilder b, long millis, int microsOfMilli) {
        offset(millis);
        long local = millis + offsetMillis;
        long day = Math.floorDiv(local, DAY);
        if (day != localDay) {
            localDay = day;
            localIsoDate = LocalDate.ofEpochDay(day).toString();
        }
        b.append(localIsoDate).append('T');
        clock(b, Math.floorMod(local, DAY));
        b.append('.');
        pad3(b, (int) Math.floorMod(local, 1000));
        pad3(b, microsOfMilli);
        b.append(offsetText);
    }

    private void isoUtcSeconds(StringBuilder b, long millis, boolean space) {
        utcDay(millis);
        b.append(utcIsoDate).append(space ? ' ' : 'T');
        clock(b, Math.floorMod(millis, DAY));
    }

    private void utcDay(long millis) {
        long day = Math.floorDiv(millis, DAY);
        if (day != utcDay) {
            utcDay = day;
            LocalDate d = LocalDate.ofEpochDay(day);
            utcIsoDate = d.toString();
            utcGbDate = two(d.getDayOfMonth()) + "/" + two(d.getMonthValue()) + "/" + d.getYear();
        }
    }

    private void offset(long millis) {
        long hour = Math.floorDiv(millis, HOUR);
        if (hour != offsetHour) {
            offsetHour = hour;
            int seconds = rules.getOffset(Instant.ofEpochMilli(hour * HOUR)).getTotalSeconds();
            offsetMillis = seconds * 1000;
            int minutes = Math.abs(seconds) / 60;
            offsetText = (seconds < 0 ? "-" : "+") + two(minutes / 60) + ":" + two(minutes % 60);
        }
    }

    /** {@code HH:mm:ss} of the milliseconds into a day. */
    private static void clock(StringBuilder b, long millisOfDay) {
        int s = (int) (millisOfDay / 1000);
        pad2(b, s / 3600);
        b.append(':');
        pad2(b, s / 60 % 60);
        b.append(':');
        pad2(b, s % 60);
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static void pad2(StringBuilder b, int n) {
        if (n < 10) {
            b.append('0');
        }
        b.append(n);
    }

    static void pad3(StringBuilder b, int n) {
        if (n < 100) {
            b.append('0');
        }
        if (n < 10) {
            b.append('0');
        }
        b.append(n);
    }
}
