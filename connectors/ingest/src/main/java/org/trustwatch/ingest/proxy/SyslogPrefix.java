package org.trustwatch.ingest.proxy;

/**
 * Recognises the syslog header a proxy line carries when it arrives over syslog (Squid {@code access_log
 * syslog:...}, e2guardian {@code logsyslog = on}) or from a syslog file: an optional {@code <PRI>}, an RFC 3164
 * ({@code Mar  5 14:02:11}) or RFC 3339 ({@code 2024-03-05T14:02:11.123+00:00}) timestamp, the host name and a tag
 * ending in {@code :} ({@code squid[812]:}). The proxy line after it carries its own time, so the header only
 * gives the observer host.
 */
final class SyslogPrefix {

    /** Index where the proxy line starts, or -1 when the line has no syslog header. */
    int messageStart;
    /** The syslog host name, lower case, when there is a header. */
    String host;

    boolean parse(String line, int from) {
        messageStart = -1;
        host = null;
        int length = line.length();
        int i = from;
        if (i < length && line.charAt(i) == '<') {
            int close = line.indexOf('>', i);
            if (close < 0 || close - i > 4) {
                return false;
            }
            i = close + 1;
        }
        int afterTime = rfc3164Time(line, i);
        if (afterTime < 0) {
            afterTime = rfc3339Time(line, i);
        }
        if (afterTime < 0 || afterTime >= length || line.charAt(afterTime) != ' ') {
            return false;
        }
        i = skipSpaces(line, afterTime);
        int hostStart = i;
        while (i < length && line.charAt(i) != ' ') {
            i++;
        }
        int hostEnd = i;
        i = skipSpaces(line, i);
        int tagStart = i;
        int limit = Math.min(length, tagStart + 64);
        while (i < limit && line.charAt(i) != ':' && line.charAt(i) != ' ') {
            i++;
        }
        if (i >= limit || line.charAt(i) != ':' || i == tagStart || hostEnd == hostStart) {
            return false;
        }
        host = Text.lower(line, hostStart, hostEnd);
        messageStart = skipSpaces(line, i + 1);
        return true;
    }

    private static int skipSpaces(String line, int i) {
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** {@code Mmm dd hh:mm:ss} (day space-padded or not); the index after it, or -1. */
    private static int rfc3164Time(String line, int i) {
        int length = line.length();
        if (i + 14 > length) {
            return -1;
        }
        if (!isLetter(line.charAt(i))
                || !isLetter(line.charAt(i + 1))
                || !isLetter(line.charAt(i + 2))
                || line.charAt(i + 3) != ' ') {
            return -1;
        }
        int j = i + 4;
        if (line.charAt(j) == ' ') {
            j++;
        }
        int dayStart = j;
        while (j < length && isDigit(line.charAt(j))) {
            j++;
        }
        if (j == dayStart || j - dayStart > 2 || j + 9 > length || line.charAt(j) != ' ') {
            return -1;
        }
        j++;
        if (!isDigit(line.charAt(j))
                || !isDigit(line.charAt(j + 1))
                || line.charAt(j + 2) != ':'
                || !isDigit(line.charAt(j + 3))
                || !isDigit(line.charAt(j + 4))
                || line.charAt(j + 5) != ':'
                || !isDigit(line.charAt(j + 6))
                || !isDigit(line.charAt(j + 7))) {
            return -1;
        }
        return j + 8;
    }

    /** {@code yyyy-mm-ddThh:mm:ss[.fff][Z|+hh:mm]}; the index after it, or -1. */
    private static int rfc3339Time(String line, int i) {
        int length = line.length();
        if (i + 19 > length
                || line.charAt(i + 4) != '-'
                || line.charAt(i + 7) != '-'
                || line.charAt(i + 10) != 'T'
                || !isDigit(line.charAt(i))) {
            return -1;
        }
        int j = i + 19;
        while (j < length && line.charAt(j) != ' ') {
            j++;
        }
        return j;
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
