package org.trustwatch.ingest.proxy;

/**
 * Splits a URL as proxies log it into the ECS url fields, without the query string or fragment (privacy). Reused
 * per parser: {@link #parse} overwrites every field.
 *
 * <ul>
 *   <li>absolute form {@code scheme://[user@]host[:port][/path][?query]}: everything;
 *   <li>authority form {@code host:port} (CONNECT, or any value without a {@code /} that has a dot or a port):
 *       domain and port;
 *   <li>origin form {@code /path?query} (transparent proxies): path only;
 *   <li>anything else (Squid's {@code error:invalid-request}, a bare word the client sent): nothing.
 * </ul>
 *
 * <p>The path is cut after {@value #MAX_PATH} characters. The domain is lower case without a trailing dot; an IPv6 literal keeps its brackets off ({@code ::1}); the
 * port is set only when the URL writes one (0-65535). The extension is the part of the last path segment after
 * its last dot, lower case, 1-16 letters or digits (ECS: "gz", not "tar.gz"), else null.
 */
final class UrlParts {

    /** Longer paths are cut (Squid itself logs at most 8 KiB of URL; no rule needs more). */
    static final int MAX_PATH = 4096;

    String scheme;
    String domain;
    Integer port;
    String path;
    String extension;

    void clear() {
        scheme = null;
        domain = null;
        port = null;
        path = null;
        extension = null;
    }

    /** Parses {@code text[from..to)}; {@code authorityOnly} for CONNECT, whose target is {@code host:port}. */
    void parse(String text, int from, int to, boolean authorityOnly) {
        clear();
        if (to <= from || Text.isDash(text, from, to) || text.startsWith("error:", from)) {
            return;
        }
        int schemeEnd = schemeEnd(text, from, to);
        if (schemeEnd > 0) {
            scheme = Text.lower(text, from, schemeEnd);
            int authorityStart = schemeEnd + 3;
            int authorityEnd = authorityStart;
            while (authorityEnd < to) {
                char c = text.charAt(authorityEnd);
                if (c == '/' || c == '?' || c == '#') {
                    break;
                }
                authorityEnd++;
            }
            authority(text, authorityStart, authorityEnd);
            if (authorityEnd < to && text.charAt(authorityEnd) == '/') {
                path(text, authorityEnd, to);
            }
            return;
        }
        char first = text.charAt(from);
        if (first == '/') {
            path(text, from, to);
            return;
        }
        if (authorityOnly || looksLikeAuthority(text, from, to)) {
            int end = from;
            while (end < to && text.charAt(end) != '/' && text.charAt(end) != '?') {
                end++;
            }
            authority(text, from, end);
            if (end < to && text.charAt(end) == '/') {
                path(text, end, to);
            }
        }
    }

    /** Sets the domain (and port, if written) from a host value such as W3C's cs-host. */
    void host(String text, int from, int to) {
        domain = null;
        port = null;
        if (to > from && !Text.isDash(text, from, to)) {
            authority(text, from, to);
        }
    }

    /** Sets the path (without query) and extension from a path value such as W3C's cs-uri-path. */
    void path(String text, int from, int to) {
        int end = from;
        while (end < to) {
            char c = text.charAt(end);
            if (c == '?' || c == '#') {
                break;
            }
            end++;
        }
        if (end == from) {
            path = null;
            extension = null;
            return;
        }
        path = text.substring(from, Math.min(end, from + MAX_PATH));
        extension = extensionOf(text, from, end);
    }

    /** The index of {@code ://} after a valid scheme at {@code from}, or -1. */
    private static int schemeEnd(String text, int from, int to) {
        for (int i = from; i < to && i - from <= 16; i++) {
            char c = text.charAt(i);
            if (c == ':') {
                return i > from && i + 2 < to && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/' ? i : -1;
            }
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (i > from && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
            if (!ok) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean looksLikeAuthority(String text, int from, int to) {
        boolean dotOrColon = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '.' || c == ':') {
                dotOrColon = true;
            } else if (c == '/' || c == '?') {
                return dotOrColon && i > from;
            } else if (!(c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || c == '-'
                    || c == '_'
                    || c == '['
                    || c == ']'
                    || c == '@')) {
                return false;
            }
        }
        return dotOrColon;
    }

    private void authority(String text, int from, int to) {
        int at = -1;
        for (int i = to - 1; i >= from; i--) {
            if (text.charAt(i) == '@') {
                at = i;
                break;
            }
        }
        int hostStart = at >= 0 ? at + 1 : from;
        int hostEnd = to;
        int portStart = -1;
        if (hostStart < to && text.charAt(hostStart) == '[') {
            int close = text.indexOf(']', hostStart);
            if (close < 0 || close >= to) {
                return;
            }
            hostEnd = close;
            hostStart++;
            if (close + 1 < to && text.charAt(close + 1) == ':') {
                portStart = close + 2;
            }
        } else {
            for (int i = to - 1; i >= hostStart; i--) {
                char c = text.charAt(i);
                if (c == ':') {
                    hostEnd = i;
                    portStart = i + 1;
                    break;
                }
                if (c < '0' || c > '9') {
                    break;
                }
            }
        }
        while (hostEnd > hostStart && text.charAt(hostEnd - 1) == '.') {
            hostEnd--;
        }
        if (hostEnd > hostStart) {
            domain = Text.lower(text, hostStart, hostEnd);
        }
        if (portStart > 0 && portStart < to) {
            long value = Text.digits(text, portStart, to);
            if (value >= 0 && value <= 65535) {
                port = (int) value;
            }
        }
    }

    private static String extensionOf(String text, int from, int to) {
        int end = to;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == ';') {
                end = i;
                break;
            }
        }
        for (int i = end - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (c == '.') {
                int length = end - i - 1;
                if (length < 1 || length > 16 || i == from || text.charAt(i - 1) == '/') {
                    return null;
                }
                return Text.lower(text, i + 1, end);
            }
            if (c == '/') {
                return null;
            }
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return null;
            }
        }
        return null;
    }
}
