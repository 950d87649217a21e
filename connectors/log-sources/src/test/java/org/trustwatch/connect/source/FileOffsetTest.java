package org.trustwatch.connect.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileOffsetTest {

    @Test
    void survivesARoundTripThroughTheStoredMap() {
        FileOffset offset = new FileOffset(120, 7, 180, 1024, "0123456789abcdef0123456789abcdef");

        Map<String, Object> stored = offset.toMap();

        assertEquals(
                Map.of(
                        "position", 120L,
                        "line", 7L,
                        "skip.until", 180L,
                        "fingerprint.length", 1024L,
                        "fingerprint", "0123456789abcdef0123456789abcdef"),
                stored);
        assertEquals(offset, FileOffset.fromMap(stored));
    }

    @Test
    void survivesARoundTripWithoutFingerprint() {
        FileOffset offset = new FileOffset(0, 0, 0, 0, null);

        assertEquals(offset, FileOffset.fromMap(offset.toMap()));
    }

    @Test
    void acceptsAHandWrittenOffsetWithOnlyAPosition() {
        assertEquals(new FileOffset(4096, 0, 4096, 0, null), FileOffset.fromMap(Map.of("position", 4096)));
        assertEquals(
                new FileOffset(4096, 31, 4096, 0, null), FileOffset.fromMap(Map.of("position", 4096L, "line", 31L)));
    }

    @Test
    void refusesAnOffsetWithoutPositionNamingTheKey() {
        var e = assertThrows(IllegalArgumentException.class, () -> FileOffset.fromMap(Map.of("line", 3L)));
        assertEquals("offset key 'position' is missing", e.getMessage());
    }

    @Test
    void refusesNegativeOrNonNumericValuesNamingTheKey() {
        var negative = assertThrows(
                IllegalArgumentException.class, () -> FileOffset.fromMap(Map.of("position", 10L, "line", -1L)));
        assertEquals("offset key 'line' must be a number >= 0, not '-1'", negative.getMessage());

        var text = assertThrows(IllegalArgumentException.class, () -> FileOffset.fromMap(Map.of("position", "10")));
        assertEquals("offset key 'position' must be a number >= 0, not '10'", text.getMessage());

        var skip = assertThrows(
                IllegalArgumentException.class,
                () -> FileOffset.fromMap(Map.of("position", 10L, "skip.until", "later")));
        assertEquals("offset key 'skip.until' must be a number >= 0, not 'later'", skip.getMessage());

        var fingerprint = assertThrows(
                IllegalArgumentException.class, () -> FileOffset.fromMap(Map.of("position", 10L, "fingerprint", 42)));
        assertEquals("offset key 'fingerprint' must be a string", fingerprint.getMessage());
    }

    @Test
    void skipUntilIsNeverBeforeThePosition() {
        assertEquals(
                500,
                FileOffset.fromMap(Map.of("position", 500L, "skip.until", 20L)).skipUntil());
        assertEquals(
                900,
                FileOffset.fromMap(Map.of("position", 500L, "skip.until", 900L)).skipUntil());
    }

    @Test
    void ignoresKeysItDoesNotKnowAndNullValues() {
        Map<String, Object> stored = new HashMap<>();
        stored.put("position", 8L);
        stored.put("fingerprint", null);
        stored.put("written.by", "admin");

        assertEquals(new FileOffset(8, 0, 8, 0, null), FileOffset.fromMap(stored));
    }

    @Test
    void thePartitionIsTheFilePath() {
        assertEquals(Map.of("file", "/var/log/squid/access.log"), FileOffset.partition("/var/log/squid/access.log"));
    }
}
