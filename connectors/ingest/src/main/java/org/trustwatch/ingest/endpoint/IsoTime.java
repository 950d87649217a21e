package org.trustwatch.ingest.endpoint;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Reads the ISO 8601 date-times the endpoint and report formats write, by hand (no regex, no exception on the happy
 * path): {@code yyyy-MM-dd[T| ]HH:mm[:ss[.fraction]][Z|±HH[:]MM|±HH]}, with up to 9 fraction digits (Windows writes
 * 7). A time without an offset is read in the zone given, or not at all when that zone is null.
 */
public final class IsoTime {

    private IsoTime() {}

    /**
     * @param zoneIfNone the zone of a time written without an offset; null to refuse such a time
     * @return the instant, or null when the text is not such a date-time (or has no offset and no zone was given)
     */
    public static Instant parse(String s, ZoneId zoneIfNone) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) == ' ') {
            i++;
        }
        while (n > i && s.charAt(n - 1) == ' ') {
            n--;
        }
        if (n - i < 16 || n - i > 40) {
            return null;
        }
        int year = digits(s, i, 4);
        if (year < 0 || s.charAt(i + 4) != '-') {
            return null;
        }
        int month = digits(s, i + 5, 2);
        if (month < 0 || s.charAt(i + 7) != '-') {
            return null;
        }
        int day = digits(s, i + 8, 2);
        char sep = s.charAt(i + 10);
        if (day < 0 || (sep != 'T' && sep != ' ' && sep != 't')) {
            return null;
        }
        int hour = digits(s, i + 11, 2);
        if (hour < 0 || s.charAt(i + 13) != ':') {
            return null;
        }
        int minute = digits(s, i + 14, 2);
        if (minute < 0) {
            return null;
        }
        int p = i + 16;
        int second = 0;
        int nanos = 0;
        if (p < n && s.charAt(p) == ':') {
            if (p + 3 > n) {
                return null;
            }
            second = digits(s, p + 1, 2);
            if (second < 0) {
                return null;
            }
            p += 3;
            if (p < n && (s.charAt(p) == '.' || s.charAt(p) == ',')) {
                p++;
                int start = p;
                int scale = 100_000_000;
                while (p < n && isDigit(s.charAt(p))) {
                    if (p - start < 9) {
                        nanos += (s.charAt(p) - '0') * scale;
                        scale /= 10;
                    }
                    p++;
                }
                if (p == start) {
                    return null;
                }
            }
        }
        ZoneId zone;
        if (p == n) {
            if (zoneIfNone == null) {
                return null;
            }
            zone = zoneIfNone;
        } else {
            char c = s.charAt(p);
            if ((c == 'Z' || c == 'z') && p + 1 == n) {
                zone = ZoneOffset.UTC;
            } else if (c == '+' || c == '-') {
                int oh = digits(s, p + 1, 2);
                int om = 0;
                int q = p + 3;
                if (oh < 0) {
                    return null;
                }
                if (q < n && s.charAt(q) == ':') {
                    q++;
                }
                if (q < n) {
                    om = digits(s, q, 2);
                    q += 2;
                }
                if (om < 0 || q != n || oh > 18 || om > 59) {
                    return null;
                }
                int total = oh * 3600 + om * 60;
                zone = ZoneOffset.ofTotalSeconds(c == '-' ? -total : total);
            } else {
                return null;
            }
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
            if (zone instanceof ZoneOffset offset) {
                return local.toInstant(offset);
            }
            return local.atZone(zone).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Whether the text ends in an offset or {@code Z}, i.e. names its own zone. */
    public static boolean hasOffset(String s) {
        return s != null && parse(s, null) != null;
    }

    private static int digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return -1;
        }
        int v = 0;
        for (int k = from; k < from + count; k++) {
            char c = s.charAt(k);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
