package org.trustwatch.connect.source;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustwatch.ingest.LineReader;
import org.trustwatch.ingest.RawLine;

/**
 * One live log file followed by path, through rotations:
 *
 * <ul>
 *   <li>rename (logrotate's default, {@code squid -k rotate}): the path gets a new file; the old one is read to its
 *       end through the still-open handle before the new one is started;
 *   <li>copytruncate: the file shrinks; the lines not yet read are taken from the rotated copy, found by the
 *       fingerprint of its first bytes, then the live file is read from its start;
 *   <li>a restart after a rotation: the stored fingerprint finds the rotated copy holding the unread lines.
 * </ul>
 */
final class TailedFile implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TailedFile.class);

    /** After a rename, an empty new file is taken up once the old one has not grown for this long. */
    private static final long OLD_FILE_IDLE_NANOS = 5_000_000_000L;

    private final Path path;
    private final int maxLineBytes;
    private Source current;
    /** A rotated copy being read to its end before the live file continues. */
    private Source draining;
    /** (position, line) of lines that began an event still being assembled, oldest first. */
    private final ArrayDeque<long[]> pendingStarts = new ArrayDeque<>();

    private TailedFile(Path path, int maxLineBytes) {
        this.path = path;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Opens the file where the stored offset left it, or at its start when there is none.
     *
     * @param fromStart read from the file's start anyway, producing nothing before the stored offset: for formats
     *     whose header defines the columns
     */
    static TailedFile resume(Path path, FileOffset stored, boolean fromStart, int maxLineBytes) throws IOException {
        TailedFile file = new TailedFile(path, maxLineBytes);
        if (!Files.exists(path)) {
            return file; // opened when it appears
        }
        if (stored == null) {
            file.current = Source.open(path, 0, 0, 0, maxLineBytes);
            return file;
        }
        Fingerprint remembered =
                stored.fingerprint() == null ? null : new Fingerprint(stored.fingerprintLength(), stored.fingerprint());
        long position = fromStart ? 0 : stored.position();
        long line = fromStart ? 0 : stored.line();
        if (remembered == null || remembered.matches(path)) {
            file.current = Source.open(path, position, line, stored.skipUntil(), maxLineBytes);
            return file;
        }
        var rotated = RotatedCopies.find(path, remembered);
        if (rotated.isPresent()) {
            log.info("{} was rotated while stopped: reading the rest of {} first", path, rotated.get());
            file.draining = Source.open(rotated.get(), position, line, stored.skipUntil(), maxLineBytes);
        } else {
            log.warn(
                    "{} was replaced while stopped and no rotated copy starts with the bytes read before: lines"
                            + " after position {} of the old file cannot be recovered",
                    path,
                    stored.position());
        }
        file.current = Source.open(path, 0, 0, 0, maxLineBytes);
        return file;
    }

    Path path() {
        return path;
    }

    /** The next complete line, or null when there is none now. */
    RawLine next() throws IOException {
        if (draining != null) {
            RawLine line = draining.reader.next(false);
            if (line == null && draining.reader.atEof()) {
                line = draining.reader.next(true); // a rotated copy no longer grows: its last line is complete
                draining.close();
                draining = null;
                pendingStarts.clear();
            }
            if (line != null) {
                return line;
            }
        }
        if (current == null) {
            if (!Files.exists(path)) {
                return null;
            }
            current = Source.open(path, 0, 0, 0, maxLineBytes);
        }
        RawLine line = current.reader.next(false);
        if (line != null) {
            // taken while reading, not only when an offset is asked for: a copytruncate must find the copy of the
            // lines read so far even when none of them produced a record yet
            current.fingerprint();
            return line;
        }
        return current.reader.atEof() ? followRotation() : null;
    }

    private RawLine followRotation() throws IOException {
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null; // renamed away, the new file is not there yet: keep the old handle
        }
        if (!Objects.equals(now.fileKey(), current.fileKey)) {
            if (draining != null || now.size() == 0 && !current.idleFor(OLD_FILE_IDLE_NANOS)) {
                return null; // the writer may not have reopened its log yet, and still write to the old file
            }
            log.info("{} was rotated (renamed): reading the old file to its end, then the new one", path);
            // everything the writer appended to the old file up to now is read before the new file starts
            draining = current;
            current = Source.open(path, 0, 0, 0, maxLineBytes);
            return next();
        }
        if (now.size() < current.reader.position()) {
            Fingerprint before = current.fingerprint();
            long position = current.reader.position();
            long lineNumber = current.reader.lineNumber();
            current.close();
            var copy = before == null ? java.util.Optional.<Path>empty() : RotatedCopies.find(path, before);
            if (copy.isPresent()) {
                log.info("{} was truncated (copytruncate): reading the rest of {} first", path, copy.get());
                draining = Source.open(copy.get(), position, lineNumber, position, maxLineBytes);
            } else {
                log.warn("{} was truncated and no copy holds the lines after position {}", path, position);
            }
            current = Source.open(path, 0, 0, 0, maxLineBytes);
            pendingStarts.clear();
            return next();
        }
        return null;
    }

    /** Remember a line that began an event the parser is still assembling, to resume there after a restart. */
    void notePending(RawLine line) {
        if (pendingStarts.isEmpty() || pendingStarts.peekLast()[0] < line.position()) {
            pendingStarts.addLast(new long[] {line.position(), line.lineNumber()});
        }
    }

    /** The offset to store with a record produced now, given where the parser's oldest open event starts. */
    FileOffset offset(OptionalLong pendingPosition) throws IOException {
        Source source = draining != null ? draining : current;
        long end = source.reader.position();
        long endLine = source.reader.lineNumber();
        long resume = end;
        long resumeLine = endLine;
        if (pendingPosition.isPresent()) {
            long pending = pendingPosition.getAsLong();
            while (!pendingStarts.isEmpty() && pendingStarts.peekFirst()[0] < pending) {
                pendingStarts.removeFirst();
            }
            if (!pendingStarts.isEmpty() && pendingStarts.peekFirst()[0] == pending) {
                resume = pending;
                resumeLine = pendingStarts.peekFirst()[1] - 1;
            }
        } else {
            pendingStarts.clear();
        }
        Fingerprint fingerprint = source.fingerprint();
        return new FileOffset(
                resume,
                resumeLine,
                end,
                fingerprint == null ? 0 : fingerprint.length(),
                fingerprint == null ? null : fingerprint.hash());
    }

    /** Lines starting before this were turned into records before a restart: parse them, emit nothing. */
    long skipUntil() {
        Source source = draining != null ? draining : current;
        return source == null ? 0 : source.skipUntil;
    }

    @Override
    public void close() throws IOException {
        if (draining != null) {
            draining.close();
        }
        if (current != null) {
            current.close();
        }
    }

    /** An open file and the reader on it. */
    private static final class Source {
        final FileChannel channel;
        final Object fileKey;
        final LineReader reader;
        final long skipUntil;
        private Fingerprint fingerprint;
        private long lastSize = -1;
        private long lastGrowth = System.nanoTime();

        private Source(FileChannel channel, Object fileKey, LineReader reader, long skipUntil) {
            this.channel = channel;
            this.fileKey = fileKey;
            this.reader = reader;
            this.skipUntil = skipUntil;
        }

        static Source open(Path path, long position, long line, long skipUntil, int maxLineBytes) throws IOException {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            long start = Math.min(position, channel.size());
            channel.position(start);
            LineReader reader =
                    new LineReader(Channels.newInputStream(channel), path.toString(), start, line, maxLineBytes);
            return new Source(channel, key, reader, skipUntil);
        }

        /** The fingerprint of the first bytes, taken once the file has some. */
        Fingerprint fingerprint() throws IOException {
            if (fingerprint == null || fingerprint.length() < Fingerprint.MAX_LENGTH) {
                long size = channel.size();
                if (size > 0 && (fingerprint == null || size > fingerprint.length())) {
                    Fingerprint taken = Fingerprint.of(channel, size);
                    // a short file's fingerprint grows with it until it covers MAX_LENGTH bytes, then stays
                    if (fingerprint == null || taken.length() > fingerprint.length()) {
                        fingerprint = taken;
                    }
                }
            }
            return fingerprint;
        }

        /** Whether the file has not grown for this long (measured between calls). */
        boolean idleFor(long nanos) throws IOException {
            long size = channel.size();
            if (size != lastSize) {
                lastSize = size;
                lastGrowth = System.nanoTime();
            }
            return System.nanoTime() - lastGrowth >= nanos;
        }

        void close() throws IOException {
            channel.close();
        }
    }
}
