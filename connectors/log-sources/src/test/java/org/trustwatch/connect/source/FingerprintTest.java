package org.trustwatch.connect.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

    @TempDir
    Path dir;

    @Test
    void recognisesAFileThatStartsWithTheSameBytesAfterItGrewOrMoved() throws Exception {
        Path log = write("access.log", "first line\n");
        Fingerprint fingerprint = of(log);
        assertEquals(11, fingerprint.length());

        Files.writeString(log, "second line\n", StandardOpenOption.APPEND);
        Path rotated = Files.move(log, dir.resolve("access.log.1"));

        assertTrue(fingerprint.matches(rotated));
    }

    @Test
    void doesNotRecogniseAnotherFileOrAShorterOne() throws Exception {
        Fingerprint fingerprint = of(write("access.log", "first line\n"));

        assertFalse(fingerprint.matches(write("other.log", "first lime\n")));
        assertFalse(fingerprint.matches(write("short.log", "first")));
        assertFalse(fingerprint.matches(dir.resolve("missing.log")));
    }

    @Test
    void coversTheFirstKilobyteOnly() throws Exception {
        String head = "h".repeat(Fingerprint.MAX_LENGTH);
        Fingerprint fingerprint = of(write("a.log", head + "tail one\n"));

        assertEquals(Fingerprint.MAX_LENGTH, fingerprint.length());
        assertTrue(fingerprint.matches(write("b.log", head + "another tail\n")));
        assertEquals(fingerprint, of(write("c.log", head + "x")));
        assertNotEquals(fingerprint, of(write("d.log", "x" + head)));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static Fingerprint of(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return Fingerprint.of(channel, channel.size());
        }
    }
}
