package org.trustwatch.ingest.endpoint;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.RawLine;

/**
 * The one Jackson set-up of the endpoint and report readers, hardened for hostile input: nesting depth capped,
 * string and name lengths capped, duplicate keys refused (a key given twice is ambiguous: two readers of the same
 * line could see two different accounts), error messages that quote at most a short token of the input.
 */
public final class JsonSupport {

    /** Deepest nesting accepted; real Windows events need about 8 levels. */
    public static final int MAX_DEPTH = 32;

    /** Longest string value accepted (a line is at most 1 MiB anyway). */
    public static final int MAX_STRING = 2 * 1024 * 1024;

    /** The parser factory: share it, it is thread-safe. Raw control characters inside strings are tolerated. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .maxNameLength(1024)
                    .maxNumberLength(64)
                    .build())
            .errorReportConfiguration(ErrorReportConfiguration.builder()
                    .maxErrorTokenLength(FieldText.MAX_QUOTE / 2)
                    .maxRawContentLength(0)
                    .build())
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();

    /** Tree reader over {@link #FACTORY} for the small formats (MDM, reports). */
    public static final ObjectReader TREE_READER =
            new ObjectMapper(FACTORY).reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonSupport() {}

    /**
     * A reason a person can act on for a JSON error, quoting no more than a short token of the input.
     *
     * @param firstLineNumber the file line number of the text's first line, to point at the right line of a
     *     multi-line object (0 when unknown)
     */
    public static String reason(IOException e, long firstLineNumber) {
        if (e instanceof StreamConstraintsException) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("nesting depth")) {
                return "JSON nested more than " + MAX_DEPTH + " levels deep: not a log event, rejected";
            }
            if (m.contains("String value length")) {
                return "JSON string longer than " + MAX_STRING + " characters: rejected";
            }
            return "JSON exceeds a size limit: " + FieldText.quote(m);
        }
        if (e instanceof JsonProcessingException jpe) {
            String m = String.valueOf(jpe.getOriginalMessage());
            if (m.startsWith("Duplicate field '")) {
                int end = m.indexOf('\'', 17);
                String key = end > 17 ? m.substring(17, end) : m.substring(17);
                return "key '" + FieldText.quote(key) + "' appears twice in one JSON object: ambiguous, rejected";
            }
            JsonLocation loc = jpe.getLocation();
            String where = "";
            if (loc != null && loc.getLineNr() > 0) {
                where = firstLineNumber > 0 && loc.getLineNr() > 1
                        ? " at line " + (firstLineNumber + loc.getLineNr() - 1) + " column " + loc.getColumnNr()
                        : " at column " + loc.getColumnNr();
            }
            if (m.contains("end-of-input")) {
                return "JSON ends before the object is closed" + where + " (truncated?)";
            }
            int nl = m.indexOf('\n');
            if (nl > 0) {
                m = m.substring(0, nl);
            }
            return "invalid JSON" + where + ": " + FieldText.quote(m);
        }
        return "unreadable JSON: " + FieldText.quote(e.getClass().getSimpleName());
    }

    /**
     * The text of a scalar value the parser is on (strings, numbers, booleans), null for JSON null; for an object or
     * array, skips it and returns null.
     */
    public static String scalar(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            return null;
        }
        switch (t) {
            case VALUE_STRING:
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getText();
            case VALUE_TRUE:
                return "true";
            case VALUE_FALSE:
                return "false";
            case START_OBJECT:
            case START_ARRAY:
                p.skipChildren();
                return null;
            default:
                return null;
        }
    }

    /** Index of the first character that is not a space or tab, or -1 for a blank line. */
    public static int firstNonBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\uFEFF') {
                return i;
            }
        }
        return -1;
    }

    /** Reads the top-level object of an event, field by field. */
    @FunctionalInterface
    public interface ObjectReading {
        void read(JsonParser parser) throws IOException;
    }

    /**
     * Reads a line that holds one JSON object: blank and {@code #} lines are skipped (false), anything else that is
     * not exactly one object is rejected with a reason naming {@code producer} (false); true once {@code reading} has
     * read the object.
     */
    public static boolean readOneObjectLine(RawLine line, ParseSink sink, String producer, ObjectReading reading) {
        String text = line.text();
        int first = firstNonBlank(text);
        if (first < 0 || text.charAt(first) == '#') {
            return false;
        }
        if (text.charAt(first) != '{') {
            sink.reject(
                    line,
                    "not a JSON object (" + producer + " writes one JSON object a line): starts with '"
                            + FieldText.quote(text.substring(first, Math.min(text.length(), first + 30))) + "'");
            return false;
        }
        try (JsonParser p = FACTORY.createParser(first == 0 ? text : text.substring(first))) {
            p.nextToken();
            reading.read(p);
            if (p.nextToken() != null) {
                sink.reject(line, "more than one JSON value on the line: expected one " + producer + " event a line");
                return false;
            }
        } catch (IOException e) {
            sink.reject(line, reason(e, 0));
            return false;
        }
        return true;
    }
}
