package org.trustwatch.ingest.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.trustwatch.ingest.RawLine;

/**
 * Reading the JSON lines formats Trustwatch defines (MDM, self-reports): one object a line, fields checked by type,
 * a {@link BadLine} with a reason when the line cannot be an event.
 */
public final class JsonFields {

    private JsonFields() {}

    /** A line that is not an event of the format; the message is the reason. */
    public static final class BadLine extends Exception {
        private static final long serialVersionUID = 1L;

        public BadLine(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * The line as a JSON object, or null for a line to skip (blank, {@code #} comment).
     *
     * @param format the format's name for the reason, e.g. "MDM"
     */
    public static JsonNode object(RawLine line, String format) throws BadLine {
        String text = line.text();
        int first = JsonSupport.firstNonBlank(text);
        if (first < 0 || text.charAt(first) == '#') {
            return null;
        }
        if (text.charAt(first) != '{') {
            throw new BadLine("not a JSON object (" + format + " files are one JSON object a line): starts with '"
                    + FieldText.quote(text.substring(first, Math.min(text.length(), first + 30))) + "'");
        }
        try {
            return JsonSupport.TREE_READER.readTree(first == 0 ? text : text.substring(first));
        } catch (IOException e) {
            throw new BadLine(JsonSupport.reason(e, 0));
        }
    }

    /**
     * A string field (numbers are taken as their text), null when absent, JSON null or blank.
     *
     * @throws BadLine when the field is an object, array or boolean
     */
    public static String text(JsonNode node, String field) throws BadLine {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual() || v.isNumber()) {
            String s = v.asText();
            return s.isBlank() ? null : s;
        }
        throw new BadLine("field '" + field + "' must be a string, not " + kind(v));
    }

    /** A required string field. */
    public static String required(JsonNode node, String field, String what) throws BadLine {
        String v = text(node, field);
        if (v == null) {
            throw new BadLine("no '" + field + "' (" + what + "): required");
        }
        return v;
    }

    static String kind(JsonNode v) {
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        return "a " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
