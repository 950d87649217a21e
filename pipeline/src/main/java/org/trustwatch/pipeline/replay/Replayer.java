package org.trustwatch.pipeline.replay;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trustwatch.pipeline.PipelineException;
import org.trustwatch.pipeline.connect.SourceProgress;

/**
 * Plays a {@link LogReplay}: grows the copies one slice of event time at a time and, before revealing the next slice,
 * waits until every agent has committed what it read of the one before the current: so while the agents read one
 * slice, the previous one is confirmed, and no two agents are ever more than two slices apart.
 */
public final class Replayer {

    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;
    private static final long FAILURE_CHECK_EVERY_NANOS = 2_000_000_000L;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final LogReplay replay;
    private final List<SourceProgress.Reader> readers;
    private final SourceProgress progress;
    private final ZoneId zone;
    private final PrintStream out;
    private final long[] have;
    private final long started = System.nanoTime();
    private long lastProgress = System.nanoTime();
    private long lastFailureCheck = System.nanoTime();

    /** @param readers the agent of each file of the replay, in {@link LogReplay#files()} order */
    public Replayer(
            LogReplay replay,
            List<SourceProgress.Reader> readers,
            SourceProgress progress,
            ZoneId zone,
            PrintStream out) {
        this.replay = replay;
        this.readers = readers;
        this.progress = progress;
        this.zone = zone;
        this.out = out;
        this.have = new long[readers.size()];
    }

    /** Plays the whole day; fails when the deadline passes or an agent fails. */
    public void play(Duration slice, long deadlineNanos) {
        long first = replay.firstTime();
        long last = replay.lastTime();
        if (first != Long.MIN_VALUE) {
            long steps = (last - first) / slice.toMillis() + 1;
            out.printf(
                    "replaying %s to %s (event time, %s) in %d slices of %d min%n",
                    CLOCK.format(Instant.ofEpochMilli(first).atZone(zone)),
                    CLOCK.format(Instant.ofEpochMilli(last).atZone(zone)),
                    zone,
                    steps,
                    slice.toMinutes());
            long[] previous = null;
            long previousTime = first;
            for (long t = first; ; t += slice.toMillis()) {
                long upTo = Math.min(t, last);
                long[] revealed = replay.revealUpTo(upTo);
                // the agents read this slice while the last one is confirmed: one slice in flight, so agents of a
                // family are never more than two slices apart
                if (previous != null) {
                    awaitRead(previous, previousTime, deadlineNanos);
                }
                previous = revealed;
                previousTime = upTo;
                if (t >= last) {
                    break;
                }
            }
        }
        awaitRead(replay.revealAll(), last, deadlineNanos);
        out.printf("  every agent has read its log to the end (%.1f s)%n", (System.nanoTime() - started) / 1e9);
    }

    private void awaitRead(long[] want, long upTo, long deadlineNanos) {
        while (true) {
            List<Integer> behind = new ArrayList<>();
            for (int i = 0; i < want.length; i++) {
                if (have[i] < want[i]) {
                    behind.add(i);
                }
            }
            if (behind.isEmpty()) {
                return;
            }
            long[] now = progress.committed(behind.stream().map(readers::get).toList());
            for (int k = 0; k < now.length; k++) {
                have[behind.get(k)] = Math.max(have[behind.get(k)], now[k]);
            }
            long at = System.nanoTime();
            if (at - lastFailureCheck > FAILURE_CHECK_EVERY_NANOS || at > deadlineNanos) {
                lastFailureCheck = at;
                Optional<String> failed = progress.failure(
                        behind.stream().map(i -> readers.get(i).connector()).toList());
                if (failed.isPresent()) {
                    throw new PipelineException(
                            failed.get() + "\nWhat to do: fix the cause (the worker's log:"
                                    + " './trustwatch stack logs connect'), then run again; the agent resumes where it stopped.");
                }
            }
            if (at > deadlineNanos) {
                StringBuilder message = new StringBuilder("The agents did not read their logs in time:");
                for (int i : behind) {
                    message.append("\n  ")
                            .append(readers.get(i).connector())
                            .append(" has committed up to byte ")
                            .append(have[i])
                            .append(" of the ")
                            .append(want[i])
                            .append(" to read in ")
                            .append(readers.get(i).file());
                }
                throw new PipelineException(message.append("\nWhat to do: see './trustwatch stack logs connect'.")
                        .toString());
            }
            if (at - lastProgress > PROGRESS_EVERY_NANOS) {
                lastProgress = at;
                out.printf(
                        "  %5.1f s  replay at %s, %d agent%s reading%n",
                        (at - started) / 1e9,
                        upTo == Long.MIN_VALUE
                                ? "the end"
                                : CLOCK.format(Instant.ofEpochMilli(upTo).atZone(zone)),
                        behind.size(),
                        behind.size() == 1 ? "" : "s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PipelineException("interrupted while replaying the logs", e);
            }
        }
    }
}
