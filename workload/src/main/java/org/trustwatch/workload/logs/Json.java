package org.trustwatch.workload.logs;

/** JSON string escaping for the JSON-lines formats (paths are full of backslashes). */
final class Json {

    private Json() {}

    /** Appends {@code "key":"value"} (a null value is written as null). */
    static StringBuilder field(StringBuilder b, String key, String value) {
        b.append('"').append(key).append("\":");
        return string(b, value);
    }

    static StringBuilder string(StringBuilder b, String value) {
        if (value == null) {
            return b.append("null");
        }
        b.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }
}
