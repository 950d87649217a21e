package org.trustwatch.ingest.mail;

import java.util.Locale;

/** Small text helpers shared by the mail parsers: control characters, clipping, addresses and IP classes. */
final class MailText {

    /** Longest piece of input quoted in a reject reason. */
    static final int QUOTE_MAX = 60;

    private MailText() {}

    /**
     * The text with every C0 control character except tab, and DEL, replaced by a space, so no field can carry a
     * line break or terminal escape. Returns the same instance when there is nothing to replace (the usual case).
     */
    static String stripControls(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                char[] out = s.toCharArray();
                for (int j = i; j < n; j++) {
                    char d = out[j];
                    if ((d < 0x20 && d != '\t') || d == 0x7f) {
                        out[j] = ' ';
                    }
                }
                return new String(out);
            }
        }
        return s;
    }

    /** At most {@code max} characters of {@code s}, for fields that hostile input could make huge. */
    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** A short, single-line quote of input for a reject reason. */
    static String quote(String s) {
        String t = stripControls(s);
        return t.length() <= QUOTE_MAX ? "'" + t + "'" : "'" + t.substring(0, QUOTE_MAX) + "...'";
    }

    /** An e-mail address as the rules compare it: trimmed, lower case; null when empty. */
    static String address(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        if (t.isEmpty()) {
            return null;
        }
        return clip(t.toLowerCase(Locale.ROOT), 320);
    }

    /** Blank (null, empty or only white space). */
    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * Whether an IP address (v4 or v6, as written in a log) belongs to this network or the site's own: loopback,
     * RFC 1918 / RFC 4193 private, link-local or CGNAT. Anything else, and text that is not an address, is not
     * internal.
     */
    static boolean internalIp(String ip) {
        if (ip == null || ip.isEmpty()) {
            return false;
        }
        String a = ip.toLowerCase(Locale.ROOT);
        if (a.startsWith("ipv6:")) {
            a = a.substring(5);
        }
        if (a.indexOf(':') >= 0) {
            if (a.equals("::1")) {
                return true;
            }
            if (a.startsWith("::ffff:")) {
                return internalIp(a.substring(7));
            }
            return a.startsWith("fc")
                    || a.startsWith("fd")
                    || a.startsWith("fe8")
                    || a.startsWith("fe9")
                    || a.startsWith("fea")
                    || a.startsWith("feb");
        }
        int[] o = new int[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return false;
                }
            } else if (c == '.' && value >= 0 && part < 3) {
                o[part++] = value;
                value = -1;
            } else {
                return false;
            }
        }
        if (part != 3 || value < 0) {
            return false;
        }
        o[3] = value;
        return o[0] == 127
                || o[0] == 10
                || (o[0] == 172 && o[1] >= 16 && o[1] <= 31)
                || (o[0] == 192 && o[1] == 168)
                || (o[0] == 169 && o[1] == 254)
                || (o[0] == 100 && o[1] >= 64 && o[1] <= 127);
    }

    /** Blank lines, and lines whose first non-blank character is {@code #} (comments, {@code #TYPE}), hold no event. */
    static boolean isBlankOrComment(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '#') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\uFEFF' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
