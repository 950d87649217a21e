package org.trustwatch.connect.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustwatch.ingest.RawLine;

class TailedFileTest {

    private static final int MAX_LINE = 1024;

    @TempDir
    Path dir;

    @Test
    void givesEachLineOnceInOrderWithItsNumberAndBytePosition() throws Exception {
        Path log = dir.resolve("access.log");
        append(log, "alpha\nbeta\r\ngamma\n");

        try (TailedFile file = TailedFile.resume(log, null, false, MAX_LINE)) {
            assertEquals(new RawLine("alpha", log.toString(), 1, 0), file.next());
            assertEquals(new RawLine("beta", log.toString(), 2, 6), file.next());
            assertEquals(new RawLine("gamma", log.toString(), 3, 12), file.next());
            assertNull(file.next(), "nothing more until the file grows");

            append(log, "delta\n");
            assertEquals(new RawLine("delta", log.toString(), 4, 18), file.next());
            assertNull(file.next());
            assertNull(file.next(), "asking again does not repeat a line");
        }
    }

    @Test
    void readsAnUnterminatedLastLineOnlyOnceItsNewlineArrives() throws Exception {
        Path log = dir.resolve("access.log");
        append(log, "one\ntw");

        try (TailedFile file = TailedFile.resume(log, null, false, MAX_LINE)) {
            assertEquals("one", file.next().text());
            assertNull(file.next(), "the writer has not finished the second line");
            assertEquals(4, file.offset(OptionalLong.empty()).position(), "the offset stops before the half line");

            append(log, "o\n");
            assertEquals(new RawLine("two", log.toString(), 2, 4), file.next());
            assertNull(file.next());
        }
    }

    @Test
    void waitsForAFileThatDoesNotExistYetAndReadsItFromItsStart() throws Exception {
        Path log = dir.resolve("access.log");

        try (TailedFile file = TailedFile.resume(log, null, false, MAX_LINE)) {
            assertNull(file.next());
            append(log, "first\n");
            assertEquals(new RawLine("first", log.toString(), 1, 0), file.next());
        }
    }

    @Test
    void followsARenameRotationGivingEveryLineOnce() throws Exception {
        Path log = dir.resolve("access.log");
        Path rotated = dir.resolve("access.log.1");
        append(log, "a1\na2\n");

        try (TailedFile file = TailedFile.resume(log, null, false, MAX_LINE)) {
            assertEquals("a1", file.next().text());
            Files.move(log, rotated);
            append(rotated, "a3\n"); // the writer has not reopened its log yet
            append(log, "b1\nb2\n"); // now it has

            List<RawLine> rest = readAll(file);
            assertEquals(List.of("a2", "a3", "b1", "b2"), texts(rest));
            assertEquals(3, rest.get(1).lineNumber());
            assertEquals(new RawLine("b1", log.toString(), 1, 0), rest.get(2));
            assertEquals(new RawLine("b2", log.toString(), 2, 3), rest.get(3));
            FileOffset offset = file.offset(OptionalLong.empty());
            assertEquals(6, offset.position(), "the offset is in the new file");
            assertEquals(2, offset.line());
        }
    }

    @Test
    void readsEveryLineTheWriterAddedToTheRenamedFileBeforeItReopened() throws Exception {
        Path log = dir.resolve("access.log");
        append(log, "a1\n");

        try (TailedFile file = TailedFile.resume(log, null, false, MAX_LINE)) {
            assertEquals("a1", file.next().text());
            assertNull(file.next(), "at the end of the file for now");
            Path rotated = dir.resolve("access.log.1");
            Files.move(log, rotated);
            append(rotated, "a2\na3\na4\n");
            append(log, "b1\n");

            assertEquals(List.of("a2", "a3", "a4", "b1"), texts(readAll(file)));
        }
    }

    @Test
    void keepsReadingTheRenamedFileWhileTheNewOneIsEmpty() throws Exception {
        Path log = dir.resolve("access.log");
        Path rotated = dir.resolve("access.log.1");
        append(log, "a1\n");

        try (TailedFile file = TailedFile.resume(log, null, false, MAX_LINE)) {
            assertEquals("a1", file.next().text());
            Files.move(log, rotated);
            assertNull(file.next(), "renamed away, nothing at the path yet");
            Files.createFile(log);
            assertNull(file.next(), "the new file is empty: the writer may still use the old one");

            append(rotated, "a2\n");
            assertEquals(new RawLine("a2", log.toString(), 2, 3), file.next());
        }
    }

    @Test
    void deliversTheUnfinishedLastLineOfARenamedFile() throws Exception {
        Path log = dir.resolve("access.log");
        append(log, "a1\npartial");

        try (TailedFile file = TailedFile.resume(log, null, false, MAX_LINE)) {
            assertEquals("a1", file.next().text());
            assertNull(file.next());
            Files.move(log, dir.resolve("access.log.1"));
            append(log, "b1\n");

            assertEquals(List.of("partial", "b1"), texts(readAll(file)));
        }
    }

    @Test
    void takesTheUnreadLinesFromTheCopyAfterACopytruncate() throws Exception {
        Path log = dir.resolve("access.log");
        Path copy = dir.resolve("access.log.1");
        append(log, "line 1\nline 2\nline 3\n");

        try (TailedFile file = TailedFile.resume(log, null, false, MAX_LINE)) {
            assertEquals("line 1", file.next().text());
            assertEquals("line 2", file.next().text());
            append(log, "line 4\nline 5\n");
            copyTruncate(log, copy);
            append(log, "new 1\n");

            List<RawLine> rest = readAll(file);
            assertEquals(List.of("line 3", "line 4", "line 5", "new 1"), texts(rest));
            assertEquals(
                    List.of(3L, 4L, 5L, 1L),
                    rest.stream().map(RawLine::lineNumber).toList());
            assertEquals(21, rest.get(1).position(), "line 4 keeps its position, now in the copy");
            assertEquals(new RawLine("new 1", log.toString(), 1, 0), rest.get(3));
            assertNull(file.next());
        }
    }

    @Test
    void findsTheCopyAfterACopytruncateWhenTheOffsetWasTakenWhileTheFileWasShort() throws Exception {
        Path log = dir.resolve("access.log");
        Path copy = dir.resolve("access.log.1");
        append(log, "line 1\n");

        try (TailedFile file = TailedFile.resume(log, null, false, MAX_LINE)) {
            assertEquals("line 1", file.next().text());
            assertEquals(7, file.offset(OptionalLong.empty()).fingerprintLength());
            append(log, "line 2\nline 3\nline 4\n");
            assertEquals("line 2", file.next().text());
            assertEquals("line 3", file.next().text());
            append(log, "line 5\n");
            copyTruncate(log, copy);
            append(log, "a new line\n"); // longer than the first fingerprint, shorter than what was read

            assertEquals(List.of("line 4", "line 5", "a new line"), texts(readAll(file)));
        }
    }

    @Test
    void resumesExactlyWhereTheStoredOffsetLeftOff() throws Exception {
        Path log = dir.resolve("access.log");
        append(log, "one\ntwo\nthree\n");
        FileOffset stored;
        try (TailedFile file = TailedFile.resume(log, null, false, MAX_LINE)) {
            file.next();
            file.next();
            stored = FileOffset.fromMap(file.offset(OptionalLong.empty()).toMap());
        }
        assertEquals(new FileOffset(8, 2, 8, 14, stored.fingerprint()), stored);
        assertNotNull(stored.fingerprint());
        append(log, "four\n");

        try (TailedFile file = TailedFile.resume(log, stored, false, MAX_LINE)) {
            assertEquals(8, file.skipUntil());
            assertEquals(
                    List.of(new RawLine("three", log.toString(), 3, 8), new RawLine("four", log.toString(), 4, 14)),
                    readAll(file));
        }
    }

    @Test
    void resumesAHandWrittenOffsetWithoutFingerprint() throws Exception {
        Path log = dir.resolve("access.log");
        append(log, "one\ntwo\nthree\n");
        FileOffset handWritten = FileOffset.fromMap(java.util.Map.of("position", 4L, "line", 1L));

        try (TailedFile file = TailedFile.resume(log, handWritten, false, MAX_LINE)) {
            assertEquals(List.of("two", "three"), texts(readAll(file)));
        }
    }

    @Test
    void resumesFromTheRotatedCopyWhenTheFileWasRotatedWhileStopped() throws Exception {
        Path log = dir.resolve("access.log");
        Path rotated = dir.resolve("access.log.1");
        append(log, "old 1\nold 2\nold 3\n");
        FileOffset stored;
        try (TailedFile file = TailedFile.resume(log, null, false, MAX_LINE)) {
            file.next();
            stored = file.offset(OptionalLong.empty());
        }
        append(log, "old 4\n");
        Files.move(log, rotated);
        append(log, "new 1\n");

        try (TailedFile file = TailedFile.resume(log, stored, false, MAX_LINE)) {
            List<RawLine> lines = readAll(file);
            assertEquals(List.of("old 2", "old 3", "old 4", "new 1"), texts(lines));
            assertEquals(new RawLine("old 2", rotated.toString(), 2, 6), lines.get(0));
            assertEquals(new RawLine("new 1", log.toString(), 1, 0), lines.get(3));
        }
    }

    @Test
    void resumesFromTheCopyWhenTheFileWasCopytruncatedWhileStopped() throws Exception {
        Path log = dir.resolve("access.log");
        Path copy = dir.resolve("access.log.1");
        append(log, "old 1\nold 2\n");
        FileOffset stored;
        try (TailedFile file = TailedFile.resume(log, null, false, MAX_LINE)) {
            file.next();
            stored = file.offset(OptionalLong.empty());
        }
        copyTruncate(log, copy);
        append(log, "new 1\n");

        try (TailedFile file = TailedFile.resume(log, stored, false, MAX_LINE)) {
            assertEquals(List.of("old 2", "new 1"), texts(readAll(file)));
        }
    }

    @Test
    void readsTheNewFileFromItsStartWhenTheRotatedCopyIsGone() throws Exception {
        Path log = dir.resolve("access.log");
        append(log, "old 1\nold 2\n");
        FileOffset stored;
        try (TailedFile file = TailedFile.resume(log, null, false, MAX_LINE)) {
            file.next();
            stored = file.offset(OptionalLong.empty());
        }
        Files.move(log, dir.resolve("access.log.1"));
        Files.delete(dir.resolve("access.log.1"));
        append(log, "new 1\nnew 2\n");

        try (TailedFile file = TailedFile.resume(log, stored, false, MAX_LINE)) {
            assertEquals(0, file.skipUntil());
            List<RawLine> lines = readAll(file);
            assertEquals(List.of("new 1", "new 2"), texts(lines));
            assertEquals(new RawLine("new 1", log.toString(), 1, 0), lines.get(0));
        }
    }

    @Test
    void fromStartReadsTheWholeFileButSaysWhatWasAlreadyProduced() throws Exception {
        Path log = dir.resolve("trace.csv");
        append(log, "#Fields: a b\nrow 1\nrow 2\n");
        FileOffset stored;
        try (TailedFile file = TailedFile.resume(log, null, true, MAX_LINE)) {
            file.next();
            file.next();
            stored = file.offset(OptionalLong.empty());
        }
        assertEquals(19, stored.position());
        append(log, "row 3\n");

        try (TailedFile file = TailedFile.resume(log, stored, true, MAX_LINE)) {
            assertEquals(19, file.skipUntil(), "lines before this were produced before the restart");
            List<RawLine> lines = readAll(file);
            assertEquals(List.of("#Fields: a b", "row 1", "row 2", "row 3"), texts(lines));
            assertEquals(new RawLine("#Fields: a b", log.toString(), 1, 0), lines.get(0));
            assertEquals(new RawLine("row 2", log.toString(), 3, 19), lines.get(2));
        }
    }

    @Test
    void offsetResumesAtTheStartOfAnOpenEvent() throws Exception {
        Path log = dir.resolve("mail.log");
        append(log, "l1\nstart\ncont\nl4\n");

        try (TailedFile file = TailedFile.resume(log, null, false, MAX_LINE)) {
            file.next();
            RawLine start = file.next();
            file.notePending(start);
            RawLine cont = file.next();
            file.notePending(cont);

            FileOffset open = file.offset(OptionalLong.of(start.position()));
            assertEquals(3, open.position(), "the open event's first line is read again after a restart");
            assertEquals(1, open.line(), "the line before it");
            assertEquals(14, open.skipUntil(), "but what was read is not produced again");
            assertEquals(17, open.fingerprintLength());

            file.next();
            FileOffset closed = file.offset(OptionalLong.empty());
            assertEquals(new FileOffset(17, 4, 17, 17, open.fingerprint()), closed);
        }
    }

    @Test
    void aRestartAtAnOpenEventRebuildsItWithoutRepeatingRecords() throws Exception {
        Path log = dir.resolve("mail.log");
        append(log, "l1\nstart\ncont\n");
        FileOffset stored;
        try (TailedFile file = TailedFile.resume(log, null, false, MAX_LINE)) {
            file.next();
            RawLine start = file.next();
            file.notePending(start);
            file.notePending(file.next());
            stored = FileOffset.fromMap(
                    file.offset(OptionalLong.of(start.position())).toMap());
        }
        append(log, "end\n");

        try (TailedFile file = TailedFile.resume(log, stored, false, MAX_LINE)) {
            assertEquals(14, file.skipUntil());
            List<RawLine> lines = readAll(file);
            assertEquals(
                    List.of(
                            new RawLine("start", log.toString(), 2, 3),
                            new RawLine("cont", log.toString(), 3, 9),
                            new RawLine("end", log.toString(), 4, 14)),
                    lines);
        }
    }

    private static List<RawLine> readAll(TailedFile file) throws IOException {
        List<RawLine> lines = new ArrayList<>();
        for (RawLine line = file.next(); line != null; line = file.next()) {
            lines.add(line);
        }
        return lines;
    }

    private static List<String> texts(List<RawLine> lines) {
        return lines.stream().map(RawLine::text).toList();
    }

    static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** What logrotate's copytruncate does: copy the file, then cut the original to nothing, keeping its inode. */
    private static void copyTruncate(Path file, Path copy) throws IOException {
        Files.copy(file, copy);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
    }
}
