package org.trustwatch.ingest.mail;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Reads the syslog prefix of a line, without regular expressions and without allocating for the common case:
 *
 * <ul>
 *   <li>RFC 3164 / BSD: {@code Nov 23 09:15:02 mail postfix/smtpd[1234]: text} (day may be space-padded or a
 *       single digit). The year is not written: it is the year of {@code clock} in {@code zone}, or the year
 *       before when that would put the line more than a day in the future (a December line read in January).
 *   <li>RFC 3339 / ISO 8601 (rsyslog's high-precision format):
 *       {@code 2026-11-23T09:15:02.123456+00:00 mail postfix/smtpd[1234]: text}; a time without an offset is in
 *       {@code zone}.
 *   <li>Either of them after a {@code <PRI>} (lines received over the network), and RFC 5424
 *       {@code <22>1 2026-11-23T09:15:02Z mail postfix/smtpd 1234 - - text}.
 * </ul>
 *
 * The host name is optional (some syslog daemons leave it out): a first token that ends in {@code :} is the tag.
 * After {@link #parse} returns true the fields describe the line; after false, {@link #error} says why (a
 * reason for a person) or {@link #noise} is set for the syslog daemon's own lines ("last message repeated").
 */
final class SyslogHeader {

    private static final long DAY_MS = 86_400_000L;

    private final ZoneId zone;
    private final Clock clock;

    /** Event time, epoch milliseconds. */
    long millis;
    /** Host name (as written; the caller lower-cases it), or -1/-1 when the line has none. */
    int hostStart;

    int hostEnd;
    /** The tag without {@code [pid]}, e.g. {@code postfix/submission/smtpd}. */
    int tagStart;

    int tagEnd;
    /** The pid between the brackets, or -1/-1. */
    int pidStart;

    int pidEnd;
    /** Where the message text starts. */
    int msgStart;

    String error;
    boolean noise;

    private long lastLocalKey = Long.MIN_VALUE;
    private long lastLocalMillis;
    private boolean lastKeyHadYear;

    SyslogHeader(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    boolean parse(String s) {
        error = null;
        noise = false;
        hostStart = hostEnd = pidStart = pidEnd = -1;
        int n = s.length();
        int i = 0;
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\uFEFF')) {
            i++;
        }
        boolean rfc5424 = false;
        if (i < n && s.charAt(i) == '<') {
            int j = i + 1;
            while (j < n && j - i <= 4 && isDigit(s.charAt(j))) {
                j++;
            }
            if (j == i + 1 || j >= n || s.charAt(j) != '>') {
                return fail("'<' at the start is not a syslog priority like <22>: " + MailText.quote(s));
            }
            i = j + 1;
            if (i + 1 < n && s.charAt(i) == '1' && s.charAt(i + 1) == ' ') {
                rfc5424 = true;
                i += 2;
            }
        }
        if (i >= n) {
            return fail("no syslog timestamp: the line ends after its priority");
        }
        char c = s.charAt(i);
        int after;
        if (isDigit(c)) {
            after = parseIso(s, i);
        } else if (!rfc5424 && isLetter(c)) {
            after = parseBsd(s, i);
        } else {
            return fail("no syslog timestamp at the start (expected 'Nov 23 09:15:02' or an ISO 8601 time): "
                    + MailText.quote(s));
        }
        if (after < 0) {
            return false;
        }
        i = skipSpaces(s, after);
        if (i >= n) {
            return fail("the line ends after its timestamp: no host or program");
        }
        if (rfc5424) {
            return parse5424(s, i);
        }
        int tokenEnd = indexOfSpace(s, i);
        if (s.charAt(tokenEnd - 1) == ':') {
            // No host name: the first token is already the tag.
            return readTag(s, i);
        }
        hostStart = i;
        hostEnd = tokenEnd;
        i = skipSpaces(s, tokenEnd);
        if (i >= n) {
            return fail("no program tag after the host name: the line ends there");
        }
        if (s.startsWith("last message repeated", i) || s.startsWith("-- MARK --", i)) {
            noise = true;
            return false;
        }
        return readTag(s, i);
    }

    private boolean readTag(String s, int i) {
        int n = s.length();
        int j = i;
        while (j < n) {
            char c = s.charAt(j);
            if (c == ':' || c == ' ') {
                break;
            }
            j++;
        }
        if (j >= n || s.charAt(j) != ':' || j == i) {
            return fail("no 'program[pid]:' tag after the host name: " + MailText.quote(s.substring(i)));
        }
        tagStart = i;
        tagEnd = j;
        if (s.charAt(j - 1) == ']') {
            int open = s.lastIndexOf('[', j - 1);
            if (open > i) {
                tagEnd = open;
                pidStart = open + 1;
                pidEnd = j - 1;
            }
        }
        int m = j + 1;
        if (m < n && s.charAt(m) == ' ') {
            m++;
        }
        msgStart = m;
        return true;
    }

    private boolean parse5424(String s, int i) {
        int n = s.length();
        int hostTokenEnd = indexOfSpace(s, i);
        if (!(hostTokenEnd == i + 1 && s.charAt(i) == '-')) {
            hostStart = i;
            hostEnd = hostTokenEnd;
        }
        int app = skipSpaces(s, hostTokenEnd);
        int appEnd = indexOfSpace(s, app);
        if (app >= n || (appEnd == app + 1 && s.charAt(app) == '-')) {
            return fail("RFC 5424 line without an APP-NAME (program)");
        }
        tagStart = app;
        tagEnd = appEnd;
        int proc = skipSpaces(s, appEnd);
        int procEnd = indexOfSpace(s, proc);
        if (proc < n && !(procEnd == proc + 1 && s.charAt(proc) == '-')) {
            pidStart = proc;
            pidEnd = procEnd;
        }
        int msgId = skipSpaces(s, procEnd);
        int msgIdEnd = indexOfSpace(s, msgId);
        int sd = skipSpaces(s, msgIdEnd);
        int m = sd;
        if (sd < n && s.charAt(sd) == '[') {
            // Structured data: [id k="v" ...][...]; quoted values may contain ']' escaped as \]
            boolean inQuote = false;
            int k = sd;
            while (k < n) {
                char c = s.charAt(k);
                if (inQuote) {
                    if (c == '\\') {
                        k++;
                    } else if (c == '"') {
                        inQuote = false;
                    }
                } else if (c == '"') {
                    inQuote = true;
                } else if (c == ']' && (k + 1 >= n || s.charAt(k + 1) != '[')) {
                    k++;
                    break;
                }
                k++;
            }
            m = k;
        } else if (sd < n) {
            m = indexOfSpace(s, sd);
        }
        if (m < n && s.charAt(m) == ' ') {
            m++;
        }
        if (m < n && s.charAt(m) == '\uFEFF') {
            m++;
        }
        msgStart = Math.min(m, n);
        return true;
    }

    /** RFC 3164 time {@code Mmm dd HH:MM:SS}; returns the index after it, or -1. */
    private int parseBsd(String s, int i) {
        int n = s.length();
        if (i + 3 > n) {
            return failInt("no syslog timestamp at the start: " + MailText.quote(s));
        }
        int month = month(s.charAt(i), s.charAt(i + 1), s.charAt(i + 2));
        if (month == 0 || i + 3 >= n || s.charAt(i + 3) != ' ') {
            return failInt("no syslog timestamp at the start (expected 'Nov 23 09:15:02' or an ISO 8601 time): "
                    + MailText.quote(s));
        }
        int j = skipSpaces(s, i + 3);
        int day = 0;
        int digits = 0;
        while (j < n && isDigit(s.charAt(j)) && digits < 3) {
            day = day * 10 + (s.charAt(j) - '0');
            j++;
            digits++;
        }
        if (digits == 0 || digits > 2 || j >= n || s.charAt(j) != ' ') {
            return failInt("syslog timestamp has no day of the month: " + MailText.quote(s));
        }
        j++;
        if (j + 8 > n || s.charAt(j + 2) != ':' || s.charAt(j + 5) != ':') {
            return failInt("syslog timestamp has no HH:MM:SS time: " + MailText.quote(s));
        }
        int hh = two(s, j);
        int mm = two(s, j + 3);
        int ss = two(s, j + 6);
        j += 8;
        int millisPart = 0;
        if (j < n && s.charAt(j) == '.') {
            j++;
            int scale = 100;
            while (j < n && isDigit(s.charAt(j))) {
                millisPart += (s.charAt(j) - '0') * scale;
                scale /= 10;
                j++;
            }
        }
        if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60 || day < 1 || day > 31) {
            return failInt("syslog timestamp out of range: " + MailText.quote(s.substring(i, Math.min(n, j))));
        }
        if (j < n && s.charAt(j) != ' ') {
            return failInt("syslog timestamp not followed by a space: " + MailText.quote(s));
        }
        long key = ((((long) month * 32 + day) * 24 + hh) * 60 + mm) * 61 + ss;
        if (key != lastLocalKey || lastKeyHadYear) {
            long base = bsdMillis(month, day, hh, mm, Math.min(ss, 59));
            if (base == Long.MIN_VALUE) {
                return failInt("syslog timestamp is not a date: " + MailText.quote(s.substring(i, j)));
            }
            lastLocalKey = key;
            lastLocalMillis = base;
            lastKeyHadYear = false;
        }
        millis = lastLocalMillis + millisPart;
        return j;
    }

    private long bsdMillis(int month, int day, int hh, int mm, int ss) {
        long nowMs = clock.millis();
        int year = LocalDate.ofInstant(clock.instant(), zone).getYear();
        for (int attempt = 0; attempt < 9; attempt++, year--) {
            if (day > LocalDate.of(year, month, 1).lengthOfMonth()) {
                if (month == 2 && day == 29) {
                    continue; // 29 February: the last leap year
                }
                return Long.MIN_VALUE;
            }
            long ms =
                    LocalDateTime.of(year, month, day, hh, mm, ss).atZone(zone).toEpochSecond() * 1000L;
            if (ms > nowMs + DAY_MS) {
                continue; // in the future: the line is from the year before
            }
            return ms;
        }
        return Long.MIN_VALUE;
    }

    /** ISO 8601 {@code yyyy-MM-ddTHH:mm:ss[.f][Z|+hh:mm|+hhmm]}; returns the index after it, or -1. */
    private int parseIso(String s, int i) {
        int n = s.length();
        if (i + 19 > n
                || s.charAt(i + 4) != '-'
                || s.charAt(i + 7) != '-'
                || (s.charAt(i + 10) != 'T' && s.charAt(i + 10) != 't')
                || s.charAt(i + 13) != ':'
                || s.charAt(i + 16) != ':') {
            return failInt("no syslog timestamp at the start (expected 'Nov 23 09:15:02' or an ISO 8601 time): "
                    + MailText.quote(s));
        }
        int year = four(s, i);
        int month = two(s, i + 5);
        int day = two(s, i + 8);
        int hh = two(s, i + 11);
        int mm = two(s, i + 14);
        int ss = two(s, i + 17);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > 31
                || hh < 0
                || hh > 23
                || mm < 0
                || mm > 59
                || ss < 0
                || ss > 60) {
            return failInt("ISO 8601 timestamp out of range: " + MailText.quote(s.substring(i, i + 19)));
        }
        if (day > lengthOfMonth(year, month)) {
            return failInt("ISO 8601 timestamp is not a date: " + MailText.quote(s.substring(i, i + 19)));
        }
        int j = i + 19;
        int millisPart = 0;
        if (j < n && (s.charAt(j) == '.' || s.charAt(j) == ',')) {
            j++;
            int scale = 100;
            int start = j;
            while (j < n && isDigit(s.charAt(j))) {
                millisPart += (s.charAt(j) - '0') * scale;
                scale /= 10;
                j++;
            }
            if (j == start) {
                return failInt("ISO 8601 timestamp has an empty fraction: " + MailText.quote(s.substring(i, j)));
            }
        }
        int offsetSeconds;
        boolean hasOffset = true;
        if (j < n && (s.charAt(j) == 'Z' || s.charAt(j) == 'z')) {
            offsetSeconds = 0;
            j++;
        } else if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
            int sign = s.charAt(j) == '-' ? -1 : 1;
            int oh = j + 3 <= n ? two(s, j + 1) : -1;
            int om;
            if (j + 6 <= n && s.charAt(j + 3) == ':') {
                om = two(s, j + 4);
                j += 6;
            } else if (j + 5 <= n && isDigit(s.charAt(j + 3))) {
                om = two(s, j + 3);
                j += 5;
            } else {
                om = 0;
                j += 3;
            }
            if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                return failInt("ISO 8601 timestamp has a bad UTC offset: " + MailText.quote(s.substring(i)));
            }
            offsetSeconds = sign * (oh * 3600 + om * 60);
        } else {
            offsetSeconds = 0;
            hasOffset = false;
        }
        if (j < n && s.charAt(j) != ' ') {
            return failInt("ISO 8601 timestamp not followed by a space: " + MailText.quote(s));
        }
        int sec = Math.min(ss, 59);
        if (hasOffset) {
            long epochSec = daysFromCivil(year, month, day) * 86400L + hh * 3600L + mm * 60L + sec - offsetSeconds;
            millis = epochSec * 1000L + millisPart;
        } else {
            long key = (((((long) year * 13 + month) * 32 + day) * 24 + hh) * 60 + mm) * 61 + sec;
            if (key != lastLocalKey || !lastKeyHadYear) {
                lastLocalKey = key;
                lastKeyHadYear = true;
                lastLocalMillis = LocalDateTime.of(year, month, day, hh, mm, sec)
                                .atZone(zone)
                                .toEpochSecond()
                        * 1000L;
            }
            millis = lastLocalMillis + millisPart;
        }
        return j;
    }

    static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    private static int month(char a, char b, char c) {
        int x = ((a | 0x20) << 16) | ((b | 0x20) << 8) | (c | 0x20);
        switch (x) {
            case ('j' << 16) | ('a' << 8) | 'n':
                return 1;
            case ('f' << 16) | ('e' << 8) | 'b':
                return 2;
            case ('m' << 16) | ('a' << 8) | 'r':
                return 3;
            case ('a' << 16) | ('p' << 8) | 'r':
                return 4;
            case ('m' << 16) | ('a' << 8) | 'y':
                return 5;
            case ('j' << 16) | ('u' << 8) | 'n':
                return 6;
            case ('j' << 16) | ('u' << 8) | 'l':
                return 7;
            case ('a' << 16) | ('u' << 8) | 'g':
                return 8;
            case ('s' << 16) | ('e' << 8) | 'p':
                return 9;
            case ('o' << 16) | ('c' << 8) | 't':
                return 10;
            case ('n' << 16) | ('o' << 8) | 'v':
                return 11;
            case ('d' << 16) | ('e' << 8) | 'c':
                return 12;
            default:
                return 0;
        }
    }

    private static int two(String s, int i) {
        char a = s.charAt(i);
        char b = s.charAt(i + 1);
        if (!isDigit(a) || !isDigit(b)) {
            return -1;
        }
        return (a - '0') * 10 + (b - '0');
    }

    private static int four(String s, int i) {
        int hi = two(s, i);
        int lo = two(s, i + 2);
        return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int skipSpaces(String s, int i) {
        int n = s.length();
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int indexOfSpace(String s, int i) {
        int n = s.length();
        while (i < n && s.charAt(i) != ' ' && s.charAt(i) != '\t') {
            i++;
        }
        return i;
    }

    private boolean fail(String reason) {
        error = reason;
        return false;
    }

    private int failInt(String reason) {
        error = reason;
        return -1;
    }
}
