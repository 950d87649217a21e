package org.trustwatch.pipeline.replay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.pipeline.PipelineException;
import org.trustwatch.pipeline.workload.ManifestRow;
import org.trustwatch.pipeline.workload.Workload;

/**
 * Plays a workload's day back as the agents would have seen it live: each agent tails a copy of its log that grows,
 * slice of event time after slice, in step with the others.
 *
 * <p>Why not let the agents read the whole logs at once: the correlation counts an event more than the grace (1 h)
 * behind the newest event of its source family as late, and several agents of one family (three proxies) reading a
 * whole day each at their own pace write hours of one school's day before another's. Live, logs grow together; so
 * do the copies here, and within a family events are never more than two slices apart ({@link Replayer}).
 */
public final class LogReplay {

    /** One log and the copy its agent tails. */
    public record Staged(ManifestRow row, FileCuts cuts, Path copy) {}

    private final List<Staged> files;

    private LogReplay(List<Staged> files) {
        this.files = files;
    }

    /**
     * Plans the replay of a workload's logs into copies under {@code stagingDir}, at the same relative paths.
     *
     * @param context the agents' parse settings (zone, categories); the school is taken per log
     */
    public static LogReplay plan(Workload workload, Path stagingDir, ParseContext context) {
        List<Staged> files = new ArrayList<>();
        for (ManifestRow row : workload.rows()) {
            Path relative = row.file().startsWith(workload.dir())
                    ? workload.dir().relativize(row.file())
                    : Path.of(String.format(
                                    "%02d-%s", row.number() - 1, row.format().formatName()))
                            .resolve(row.file().getFileName());
            files.add(new Staged(
                    row, FileCuts.of(row, context.withSchool(row.schoolId())), stagingDir.resolve(relative)));
        }
        return new LogReplay(List.copyOf(files));
    }

    public List<Staged> files() {
        return files;
    }

    /** The oldest event time a slice starts from, or {@link Long#MIN_VALUE} when no log has an event. */
    public long firstTime() {
        return files.stream()
                .flatMap(f -> f.cuts().cuts().stream())
                .mapToLong(FileCuts.Cut::time)
                .filter(t -> t != Long.MIN_VALUE)
                .min()
                .orElse(Long.MIN_VALUE);
    }

    public long lastTime() {
        return files.stream().mapToLong(f -> f.cuts().lastTime()).max().orElse(Long.MIN_VALUE);
    }

    /**
     * Makes every copy exist (empty at first, so each agent starts on it at once). A copy left by an earlier run is
     * kept when it is the start of its log: the agent's offsets are on it, and growing it on reads nothing twice.
     */
    public void prepare() {
        for (Staged f : files) {
            try {
                Files.createDirectories(f.copy().getParent());
                if (!Files.exists(f.copy())) {
                    Files.createFile(f.copy());
                } else if (!isStartOf(f)) {
                    throw new PipelineException(
                            f.copy() + " is not the start of " + f.row().file() + ": the stack's"
                                    + " agents have read another version of this log. Start from empty data"
                                    + " ('./trustwatch stack up --reset') or give the changed log another name.");
                }
            } catch (IOException e) {
                throw new PipelineException(
                        "Cannot create " + f.copy() + ": " + e.getMessage()
                                + ". Set TRUSTWATCH_DATA_DIR to a writable directory.",
                        e);
            }
        }
    }

    /**
     * Grows each copy to everything its agent produces up to {@code time}. Returns, per file in {@link #files()}
     * order, the offset its agent will have committed once it has read the copy: the slice is read when the agent's
     * offset is there.
     */
    public long[] revealUpTo(long time) {
        long[] expected = new long[files.size()];
        for (int i = 0; i < files.size(); i++) {
            Staged f = files.get(i);
            expected[i] = f.cuts().positionAt(time);
            growTo(f, expected[i]);
        }
        return expected;
    }

    /** Grows every copy to the whole log; returns the offsets the agents commit once they have read everything. */
    public long[] revealAll() {
        long[] expected = new long[files.size()];
        for (int i = 0; i < files.size(); i++) {
            Staged f = files.get(i);
            growTo(f, f.cuts().size());
            expected[i] = f.cuts().finalOffset();
        }
        return expected;
    }

    private static void growTo(Staged f, long target) {
        try (FileChannel source = FileChannel.open(f.row().file(), StandardOpenOption.READ);
                FileChannel copy = FileChannel.open(f.copy(), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            long have = copy.size();
            long sourceEnd = Math.min(target, source.size());
            while (have < sourceEnd) {
                have += source.transferTo(have, sourceEnd - have, copy);
            }
            if (target > source.size() && f.cuts().addsLineBreak() && have == source.size()) {
                copy.write(ByteBuffer.wrap(new byte[] {'\n'}));
            }
        } catch (IOException e) {
            throw new PipelineException("Cannot copy " + f.row().file() + " to " + f.copy() + ": " + e.getMessage(), e);
        }
    }

    /** Whether the copy holds the log's first bytes (its start, and the bytes before its end, are compared). */
    private static boolean isStartOf(Staged f) throws IOException {
        long copySize = Files.size(f.copy());
        if (copySize > f.cuts().size()) {
            return false;
        }
        long sourceSize = Files.size(f.row().file());
        long comparable = Math.min(copySize, sourceSize);
        try (FileChannel source = FileChannel.open(f.row().file(), StandardOpenOption.READ);
                FileChannel copy = FileChannel.open(f.copy(), StandardOpenOption.READ)) {
            int window = 1 << 16;
            return same(source, copy, 0, Math.min(window, comparable))
                    && same(source, copy, Math.max(0, comparable - window), comparable);
        }
    }

    private static boolean same(FileChannel a, FileChannel b, long from, long to) throws IOException {
        int length = (int) (to - from);
        ByteBuffer x = ByteBuffer.allocate(length);
        ByteBuffer y = ByteBuffer.allocate(length);
        a.read(x, from);
        b.read(y, from);
        return Arrays.equals(x.array(), y.array());
    }
}
