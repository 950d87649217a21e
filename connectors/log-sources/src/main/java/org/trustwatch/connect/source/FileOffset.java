package org.trustwatch.connect.source;

import java.util.HashMap;
import java.util.Map;

/**
 * Where a task stands in one tailed file, as stored by Connect: the source partition is the file's path, the offset
 * says where to resume.
 *
 * @param position byte position to resume reading at: the start of the oldest event still being assembled (a Postfix
 *     message, a multi-line JSON object), else the end of the last line read
 * @param line the number of the line before {@code position}
 * @param skipUntil lines that start before this position were already turned into records: after a restart they are
 *     read again only to rebuild the parser's state, and yield nothing
 * @param fingerprintLength how many first bytes of the file the fingerprint covers
 * @param fingerprint hash of the file's first bytes, which finds the file again after a rotation renamed it
 */
public record FileOffset(long position, long line, long skipUntil, long fingerprintLength, String fingerprint) {

    public static final String FILE_KEY = "file";
    static final String POSITION_KEY = "position";
    static final String LINE_KEY = "line";
    static final String SKIP_UNTIL_KEY = "skip.until";
    static final String FINGERPRINT_LENGTH_KEY = "fingerprint.length";
    static final String FINGERPRINT_KEY = "fingerprint";

    public static Map<String, Object> partition(String file) {
        return Map.of(FILE_KEY, file);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new HashMap<>();
        map.put(POSITION_KEY, position);
        map.put(LINE_KEY, line);
        map.put(SKIP_UNTIL_KEY, skipUntil);
        map.put(FINGERPRINT_LENGTH_KEY, fingerprintLength);
        map.put(FINGERPRINT_KEY, fingerprint);
        return map;
    }

    /**
     * Reads a stored offset. Offsets written by hand through the REST API need only {@code position} (and
     * {@code line}); the rest defaults to "no fingerprint, nothing to skip".
     *
     * @throws IllegalArgumentException naming the key that is missing or wrong
     */
    public static FileOffset fromMap(Map<String, ?> map) {
        long position = number(map, POSITION_KEY, true);
        long line = number(map, LINE_KEY, false);
        long skipUntil = Math.max(position, number(map, SKIP_UNTIL_KEY, false));
        long fingerprintLength = number(map, FINGERPRINT_LENGTH_KEY, false);
        Object fingerprint = map.get(FINGERPRINT_KEY);
        if (fingerprint != null && !(fingerprint instanceof String)) {
            throw new IllegalArgumentException("offset key '" + FINGERPRINT_KEY + "' must be a string");
        }
        return new FileOffset(position, line, skipUntil, fingerprintLength, (String) fingerprint);
    }

    private static long number(Map<String, ?> map, String key, boolean required) {
        Object value = map.get(key);
        if (value == null) {
            if (required) {
                throw new IllegalArgumentException("offset key '" + key + "' is missing");
            }
            return 0;
        }
        if (!(value instanceof Number number) || number.longValue() < 0) {
            throw new IllegalArgumentException("offset key '" + key + "' must be a number >= 0, not '" + value + "'");
        }
        return number.longValue();
    }
}
