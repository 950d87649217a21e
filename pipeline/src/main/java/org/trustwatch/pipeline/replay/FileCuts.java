package org.trustwatch.pipeline.replay;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.trustwatch.ingest.LineReader;
import org.trustwatch.ingest.LogFiles;
import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.pipeline.PipelineException;
import org.trustwatch.pipeline.workload.ManifestRow;
import org.trustwatch.streams.topology.EventTime;

/**
 * Where a log may be cut so that an agent reading up to the cut has produced records up to a point in event time.
 *
 * <p>The log is parsed as its agent parses it (same parser, lines in file order, nothing flushed at the end, since a
 * live agent never knows a log has ended). A cut lies after every line that makes the agent produce a record (an
 * event it completes, or a line it rejects); its time is the newest event time produced up to there, so cuts are
 * ordered in both position and time. The offset the agent commits after reading up to a cut is that cut's position,
 * which is how the replay knows a slice has been read.
 *
 * @param size the log's length, plus one when its last line lacks a line break (the copy gets one, or no agent would
 *     ever take that line as complete)
 */
public record FileCuts(Path file, List<Cut> cuts, long size, boolean addsLineBreak) {

    /** After {@code position} bytes the agent has produced everything up to event time {@code time}. */
    public record Cut(long position, long time) {}

    public static FileCuts of(ManifestRow row, ParseContext context) {
        Path file = row.file();
        LogParser parser = row.format().newParser(context);
        List<Cut> cuts = new ArrayList<>();
        long[] newest = {Long.MIN_VALUE};
        boolean[] produced = {false};
        ParseSink sink = new ParseSink() {
            @Override
            public void event(SpecificRecord event, RawLine completedBy) {
                Instant at = EventTime.of(event);
                if (at != null) {
                    newest[0] = Math.max(newest[0], at.toEpochMilli());
                }
                produced[0] = true;
            }

            @Override
            public void reject(RawLine line, String reason) {
                produced[0] = true;
            }
        };
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long size = Files.size(file);
            LineReader reader = new LineReader(in, file.toString());
            RawLine line;
            boolean terminated = true;
            while ((line = reader.next(true)) != null) {
                produced[0] = false;
                if (LogFiles.isOversized(line)) {
                    sink.reject(line, reader.oversizedReason());
                } else {
                    parser.parse(line, sink);
                }
                long end = reader.position();
                terminated = end < size || endsWithLineBreak(file, size);
                if (produced[0]) {
                    cuts.add(new Cut(terminated ? end : end + 1, newest[0]));
                }
            }
            boolean addsLineBreak = size > 0 && !terminated;
            return new FileCuts(file, List.copyOf(cuts), addsLineBreak ? size + 1 : size, addsLineBreak);
        } catch (IOException e) {
            throw new PipelineException(file + ": cannot read it to plan the replay: " + e.getMessage(), e);
        }
    }

    /** The newest event time of the log, or {@link Long#MIN_VALUE} when it produces no event. */
    public long lastTime() {
        return cuts.isEmpty() ? Long.MIN_VALUE : cuts.get(cuts.size() - 1).time();
    }

    /** The position after which the agent has produced everything up to {@code time}: the last such cut, or 0. */
    public long positionAt(long time) {
        long position = 0;
        for (Cut cut : cuts) {
            if (cut.time() > time) {
                break;
            }
            position = cut.position();
        }
        return position;
    }

    /** The offset the agent commits once it has read the whole log: the last cut (trailing lines produce nothing). */
    public long finalOffset() {
        return cuts.isEmpty() ? 0 : cuts.get(cuts.size() - 1).position();
    }

    private static boolean endsWithLineBreak(Path file, long size) throws IOException {
        try (var channel = Files.newByteChannel(file)) {
            channel.position(size - 1);
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
            channel.read(last);
            return last.get(0) == '\n';
        }
    }
}
