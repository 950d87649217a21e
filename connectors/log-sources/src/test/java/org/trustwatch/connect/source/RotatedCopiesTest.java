package org.trustwatch.connect.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatedCopiesTest {

    private static final String OLD_LINES = "1763884800.000 12 10.1.2.3 TCP_MISS/200 512 GET http://a.example/ - -\n";

    @TempDir
    Path dir;

    @Test
    void recognisesTheNamesRotationGivesCopies() {
        for (String name : List.of(
                "access.log.1",
                "access.log.17",
                "access.log-20261123",
                "access.log.20261123",
                "access.log.2026-11-23",
                "access.log-2026-11-23",
                "access.log-20261123-2",
                "access.log.1.gz",
                "access.log.gz",
                "mail.log-20261123.bz2",
                "events.json.xz",
                "trace.csv.zst",
                "logs.zip")) {
            assertTrue(RotatedCopies.isRotatedCopy(Path.of("/var/log", name)), name);
        }
        for (String name : List.of("access.log", "mail.log", "events.json", "trace-2026.csv", "access.log.old")) {
            assertFalse(RotatedCopies.isRotatedCopy(Path.of("/var/log", name)), name);
        }
    }

    @Test
    void findsTheCopyThatStartsWithTheFingerprintedBytes() throws Exception {
        Path live = write("access.log", "a new day\n");
        write("access.log.2", "the day before yesterday\n");
        Path copy = write("access.log.1", OLD_LINES + OLD_LINES);

        assertEquals(Optional.of(copy), RotatedCopies.find(live, fingerprintOf(OLD_LINES)));
    }

    @Test
    void prefersTheNewestCopyWhenSeveralMatch() throws Exception {
        Path live = write("access.log", "");
        Path older = write("access.log.2", OLD_LINES);
        Path newer = write("access.log.1", OLD_LINES + "more\n");
        modified(older, "2026-11-21T00:00:00Z");
        modified(newer, "2026-11-22T00:00:00Z");

        assertEquals(Optional.of(newer), RotatedCopies.find(live, fingerprintOf(OLD_LINES)));

        modified(older, "2026-11-23T00:00:00Z");

        assertEquals(Optional.of(older), RotatedCopies.find(live, fingerprintOf(OLD_LINES)));
    }

    @Test
    void neverPicksACompressedCopyAnotherLogsCopyOrTheLiveFile() throws Exception {
        Path live = write("access.log", OLD_LINES);
        write("access.log.1.gz", OLD_LINES); // the bytes would match, but a compressed copy cannot be read on
        write("cache.log.1", OLD_LINES);

        assertEquals(Optional.empty(), RotatedCopies.find(live, fingerprintOf(OLD_LINES)));
    }

    @Test
    void needsTheWholeFingerprintedLengthInTheCopy() throws Exception {
        Path live = write("access.log", "");
        write("access.log.1", OLD_LINES.substring(0, 20));

        assertEquals(Optional.empty(), RotatedCopies.find(live, fingerprintOf(OLD_LINES)));
    }

    @Test
    void findsNothingInAMissingDirectory() throws Exception {
        assertEquals(Optional.empty(), RotatedCopies.find(dir.resolve("gone/access.log"), fingerprintOf(OLD_LINES)));
    }

    private Fingerprint fingerprintOf(String text) throws IOException {
        Path sample = Files.createDirectories(dir.resolve("samples")).resolve("sample");
        Files.writeString(sample, text);
        try (FileChannel channel = FileChannel.open(sample, StandardOpenOption.READ)) {
            return Fingerprint.of(channel, channel.size());
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static void modified(Path file, String instant) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(instant)));
    }
}
