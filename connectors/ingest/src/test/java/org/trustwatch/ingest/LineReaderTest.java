package org.trustwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void givesEachLineWithItsNumberAndBytePosition() throws Exception {
        byte[] bytes = "first\r\nsecond é\n\nlast".getBytes(StandardCharsets.UTF_8);
        LineReader reader = new LineReader(new ByteArrayInputStream(bytes), "f.log");

        assertEquals(new RawLine("first", "f.log", 1, 0), reader.next(false));
        assertEquals(new RawLine("second é", "f.log", 2, 7), reader.next(false));
        assertEquals(new RawLine("", "f.log", 3, 17), reader.next(false));
        assertNull(reader.next(false), "an unterminated last line waits while the file may grow");
        assertEquals(18, reader.position());
        assertEquals(new RawLine("last", "f.log", 4, 18), reader.next(true));
    }

    @Test
    void turnsBytesThatAreNotUtf8IntoReplacementCharacters() throws Exception {
        byte[] latin1 = "caf\u00e9 ok\n".getBytes(StandardCharsets.ISO_8859_1);
        LineReader reader = new LineReader(new ByteArrayInputStream(latin1), "f.log");

        assertEquals("caf\uFFFD ok", reader.next(false).text());
    }

    @Test
    void standsInForAnOverlongLineAndCarriesOnAfterIt() throws Exception {
        String longLine = "x".repeat(5000);
        byte[] bytes = ("short\n" + longLine + "\nafter\n").getBytes(StandardCharsets.US_ASCII);
        LineReader reader = new LineReader(new ByteArrayInputStream(bytes), "f.log", 0, 0, 1024);

        assertEquals("short", reader.next(false).text());
        RawLine oversized = reader.next(false);
        assertEquals(LineReader.OVERSIZED, oversized.text());
        assertEquals(2, oversized.lineNumber());
        assertEquals("line of 5000 bytes is longer than the limit of 1024 bytes: not read", reader.oversizedReason());
        assertEquals(new RawLine("after", "f.log", 3, 5007), reader.next(false));
    }
}
