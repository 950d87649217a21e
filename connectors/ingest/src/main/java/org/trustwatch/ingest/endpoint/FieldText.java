package org.trustwatch.ingest.endpoint;

import java.util.Locale;

/**
 * Normalises values taken from logs before they go into an event: control characters out, length capped, host
 * names lower case, {@code DOMAIN\\user} split. Used by every endpoint and report reader so they normalise alike.
 */
public final class FieldText {

    /** Longest value kept in an ordinary field (paths, names, ids); longer values are cut. */
    public static final int MAX_FIELD = 2048;

    /** Longest free text kept (messages, notes). */
    public static final int MAX_MESSAGE = 1024;

    /** How much of hostile input a reject reason may quote. */
    public static final int MAX_QUOTE = 60;

    private FieldText() {}

    /**
     * The value with C0 controls (other than tab), DEL and C1 controls replaced by spaces, surrounding blanks
     * trimmed and at most {@code max} characters kept (never splitting a surrogate pair); null when nothing is left
     * or the value is Windows' "no value" dash.
     */
    public static String clean(String s, int max) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        boolean dirty = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f)) {
                dirty = true;
                break;
            }
        }
        String v = s;
        if (dirty) {
            char[] out = new char[n];
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                out[i] = (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f) ? ' ' : c;
            }
            v = new String(out);
        }
        v = v.strip();
        if (v.isEmpty() || (v.length() == 1 && v.charAt(0) == '-')) {
            return null;
        }
        if (v.length() > max) {
            int cut = max;
            if (Character.isHighSurrogate(v.charAt(cut - 1))) {
                cut--;
            }
            v = v.substring(0, cut).strip();
        }
        return v;
    }

    /** {@link #clean(String, int)} with the ordinary field cap. */
    public static String clean(String s) {
        return clean(s, MAX_FIELD);
    }

    /** A host or domain name: cleaned and lower case. */
    public static String host(String s) {
        String v = clean(s, 255);
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    /** Input quoted in a reject reason: cleaned and cut to {@link #MAX_QUOTE} characters. */
    public static String quote(String s) {
        if (s == null) {
            return "";
        }
        String v = clean(s.length() > MAX_QUOTE * 2 ? s.substring(0, MAX_QUOTE * 2) : s, MAX_QUOTE);
        if (v == null) {
            return "";
        }
        return s.length() > v.length() + 2 ? v + "..." : v;
    }

    /** The file name of a Windows or Unix path, lower case ("C:\\Tools\\NMAP.EXE" gives "nmap.exe"). */
    public static String fileName(String path) {
        if (path == null) {
            return null;
        }
        int cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        String name = path.substring(cut + 1).strip();
        return name.isEmpty() ? null : name.toLowerCase(Locale.ROOT);
    }

    /** The upper-case drive letter of a path such as {@code E:\\exports\\pupils.csv}, else null. */
    public static String driveLetter(String path) {
        if (path == null || path.length() < 2 || path.charAt(1) != ':') {
            return null;
        }
        char c = path.charAt(0);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            return String.valueOf(Character.toUpperCase(c));
        }
        return null;
    }

    /**
     * An IP address as written by Windows, normalised: the {@code ::ffff:} prefix of IPv4-mapped addresses removed,
     * IPv6 lower case; null for Windows' "none" values ({@code -}, empty) and loopback, and for anything that is not
     * made of address characters (hostile or garbled input is dropped, not passed on).
     */
    public static String ip(String s) {
        if (s == null) {
            return null;
        }
        String v = s.strip();
        if (v.length() > 7 && v.regionMatches(true, 0, "::ffff:", 0, 7) && v.indexOf('.') > 0) {
            v = v.substring(7);
        }
        int n = v.length();
        if (n < 2 || n > 64) {
            return null;
        }
        boolean colon = false;
        boolean dot = false;
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c == ':') {
                colon = true;
            } else if (c == '.') {
                dot = true;
            } else if (c == '%') {
                // IPv6 zone id, e.g. fe80::1%12: letters and digits follow
                if (!colon) {
                    return null;
                }
                for (int k = i + 1; k < n; k++) {
                    if (!Character.isLetterOrDigit(v.charAt(k))) {
                        return null;
                    }
                }
                break;
            } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return null;
            }
        }
        if (!colon && !dot) {
            return null;
        }
        if (!colon && !isIpv4(v)) {
            return null;
        }
        v = v.toLowerCase(Locale.ROOT);
        if (v.equals("::1") || v.equals("127.0.0.1") || v.equals("::")) {
            return null;
        }
        return v;
    }

    /** Four dot-separated decimal numbers of at most 255. */
    private static boolean isIpv4(String v) {
        int parts = 0;
        int value = -1;
        for (int i = 0; i <= v.length(); i++) {
            char c = i < v.length() ? v.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || ++parts > 4) {
                    return false;
                }
                value = -1;
            } else if (c >= '0' && c <= '9') {
                value = value < 0 ? c - '0' : value * 10 + (c - '0');
                if (value > 255) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return parts == 4;
    }

    /** A Windows logon id ({@code 0x0000000008157ADD}, {@code 0x8157add}) in one form: {@code 0x8157add}. */
    public static String logonId(String s) {
        String v = clean(s, 40);
        if (v == null) {
            return null;
        }
        if (v.length() > 2 && v.charAt(0) == '0' && (v.charAt(1) == 'x' || v.charAt(1) == 'X')) {
            int i = 2;
            while (i < v.length() - 1 && v.charAt(i) == '0') {
                i++;
            }
            String hex = v.substring(i);
            for (int k = 0; k < hex.length(); k++) {
                if (Character.digit(hex.charAt(k), 16) < 0) {
                    return v.toLowerCase(Locale.ROOT);
                }
            }
            return "0x" + hex.toLowerCase(Locale.ROOT);
        }
        return v.toLowerCase(Locale.ROOT);
    }

    /**
     * A Windows status or mask ({@code 0x0}, {@code 0x00000018}, {@code 0}) as a number, or -1 when it is not one.
     */
    public static long hexOrDecimal(String s) {
        String v = s == null ? null : s.strip();
        if (v == null || v.isEmpty() || v.length() > 20) {
            return -1;
        }
        try {
            if (v.length() > 2 && v.charAt(0) == '0' && (v.charAt(1) == 'x' || v.charAt(1) == 'X')) {
                return Long.parseUnsignedLong(v.substring(2), 16);
            }
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
