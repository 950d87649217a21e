package org.trustwatch.ingest.proxy;

/** Small allocation-free helpers the proxy parsers share. */
final class Text {

    /** At most this many characters of input are echoed in a reject reason. */
    static final int EXCERPT = 60;

    private Text() {}

    /** The line with C0 control characters (except tab) and DEL replaced by a space; the same string if it has none. */
    static String withoutControls(String line) {
        int length = line.length();
        for (int i = 0; i < length; i++) {
            char c = line.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                char[] chars = line.toCharArray();
                for (int j = i; j < length; j++) {
                    char d = chars[j];
                    if ((d < 0x20 && d != '\t') || d == 0x7F) {
                        chars[j] = ' ';
                    }
                }
                return new String(chars);
            }
        }
        return line;
    }

    /** The characters {@code from..to} quoted for a reason: at most {@value #EXCERPT} of them, then "...". */
    static String quote(String text, int from, int to) {
        if (to - from <= EXCERPT) {
            return "'" + text.substring(from, to) + "'";
        }
        return "'" + text.substring(from, from + EXCERPT) + "...'";
    }

    static boolean isDash(String text, int from, int to) {
        return to - from == 1 && text.charAt(from) == '-';
    }

    /** The non-negative number written in {@code from..to} (digits only, at most 18), or -1. */
    static long digits(String text, int from, int to) {
        int length = to - from;
        if (length <= 0 || length > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** {@code text.substring(from, to)} in ASCII lower case. */
    static String lower(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = new char[to - from];
                text.getChars(from, to, chars, 0);
                for (int j = i - from; j < chars.length; j++) {
                    char d = chars[j];
                    if (d >= 'A' && d <= 'Z') {
                        chars[j] = (char) (d + 32);
                    }
                }
                return new String(chars);
            }
        }
        return text.substring(from, to);
    }

    /** {@code text.substring(from, to)} in ASCII upper case. */
    static String upper(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') {
                char[] chars = new char[to - from];
                text.getChars(from, to, chars, 0);
                for (int j = i - from; j < chars.length; j++) {
                    char d = chars[j];
                    if (d >= 'a' && d <= 'z') {
                        chars[j] = (char) (d - 32);
                    }
                }
                return new String(chars);
            }
        }
        return text.substring(from, to);
    }

    static boolean regionIs(String text, int from, int to, String expected) {
        return to - from == expected.length() && text.regionMatches(from, expected, 0, expected.length());
    }

    /**
     * An account name as a proxy logs it: {@code %XX} escapes decoded (Squid writes {@code WOH%5Cjsmith}), a
     * {@code DOMAIN\} prefix removed (ProxyEvent has no user domain), an LDAP DN reduced to its first value
     * ({@code cn=jsmith,ou=Staff,...} is {@code jsmith}), blanks trimmed. Null for {@code -} or nothing.
     */
    static String account(String text, int from, int to) {
        if (to <= from || isDash(text, from, to)) {
            return null;
        }
        String name = text.substring(from, to);
        if (name.indexOf('%') >= 0) {
            name = percentDecode(name);
        }
        int slash = name.lastIndexOf('\\');
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        if (name.length() > 3 && name.charAt(2) == '=' || name.length() > 4 && name.charAt(3) == '=') {
            String lowerName = name.toLowerCase(java.util.Locale.ROOT);
            if (lowerName.startsWith("cn=") || lowerName.startsWith("uid=")) {
                int equals = name.indexOf('=');
                int comma = name.indexOf(',');
                name = name.substring(equals + 1, comma < 0 ? name.length() : comma);
            }
        }
        name = name.strip();
        return name.isEmpty() || name.equals("-") ? null : name;
    }

    /** Decodes {@code %XX} escapes as UTF-8 bytes; control characters become spaces. */
    private static String percentDecode(String text) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high >= 0 && low >= 0) {
                    int decoded = high * 16 + low;
                    bytes.write(decoded < 0x20 || decoded == 0x7F ? ' ' : decoded);
                    i += 2;
                    continue;
                }
            }
            byte[] encoded = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            bytes.write(encoded, 0, encoded.length);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
