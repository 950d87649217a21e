package org.trustwatch.streams.topology;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.trustwatch.streams.codec.BinaryReader;
import org.trustwatch.streams.codec.BinaryWriter;

/**
 * The rule stage's event time. Signals reach a rule task through one repartition topic from every upstream task, run
 * by different stream threads, and each task interleaves its sources (proxy, mail, endpoint, report) by fetch, not by
 * event time. The signals of one source from one upstream task (a lane) are in that source's own order, but while a
 * backlog drains one lane may run hours of event time ahead of another (a thread with more work, a source with fewer
 * events per hour). Judged against the newest signal of its whole source, the slower partition's signals were late
 * (measured: a quarter of the signals of a two-thread drain); so time is kept per lane.
 *
 * <ul>
 *   <li>A signal is late when it is more than the grace behind the newest signal of its own lane (its input was out of
 *       order), or behind the time state was already pruned to ({@link #pruneTime()}), less the grace: what it would
 *       have met may be gone. So a lane that first shows up, or comes back, more than the grace behind the others is
 *       late until it catches up.
 *   <li>State is pruned up to the slowest lane, so no lane loses what a faster one would prune; but a lane more than
 *       the allowance behind the fastest (a partition with no traffic, a source quiet overnight or stopped) holds
 *       pruning back no further than the allowance, or state would grow without end.
 *   <li>A lane that is still delivering (one of the last {@code activeSignals} signals was its own) holds pruning
 *       back however far behind it is. While an app works through hours of backlog, Kafka Streams, which does not
 *       wait for a partition that has run dry, processes the sparse sources (mail, endpoint) as they arrive and the
 *       busy web requests as fast as it can fetch them. In the whole-pipeline bench the allowance judged 33,000 to
 *       162,000 web-request signals late in three runs, and none once busy lanes held pruning back (or once the app
 *       waited for every input, {@code max.task.idle.ms=0}): mail and endpoint had run more than a day ahead.
 * </ul>
 *
 * Kept in the rule stage's store ({@link #encode}), a second or so behind: after a restart the lanes start where they
 * were, a little behind, which only makes signals less late.
 */
final class LaneClock {

    private final long grace;
    private final long allowance;
    private final ToIntFunction<String> partitions;
    /** By source name. */
    private final Map<String, Source> sources = new HashMap<>();
    /** Every lane of every source, walked for every signal that moves a lane: a handful (sources x partitions). */
    private Lane[] all = new Lane[0];

    private long pruneTime = Long.MIN_VALUE;
    /** How many signals this clock has taken, and so how recently each lane delivered. */
    private long observed;

    private final long activeSignals;

    private static final class Lane {
        long newest = Long.MIN_VALUE;
        long lastObserved = Long.MIN_VALUE;
    }

    /** One source's lanes by upstream partition, and how far all of them have reached. */
    private static final class Source {
        Lane[] lanes = new Lane[0];
        long reached = Long.MIN_VALUE;
    }

    /**
     * @param grace how late a signal may be behind its lane and still be correlated
     * @param allowance how far a lane may fall behind the fastest one and still hold back pruning
     * @param partitions how many partitions a source is read from: once the source shows up, each of them is a lane
     *     that holds pruning back until it delivers (or falls the allowance behind), so the partition whose thread
     *     started a second later is not late for that
     */
    LaneClock(long grace, long allowance, ToIntFunction<String> partitions) {
        this(grace, allowance, partitions, ACTIVE_SIGNALS);
    }

    /**
     * A lane that delivered one of the last this many signals is busy, not quiet: a rule task takes tens of thousands
     * of signals a second while it drains, and a source that is really quiet (self-reports, a partition with no
     * traffic, a stopped agent) delivers none of them.
     */
    static final long ACTIVE_SIGNALS = 100_000;

    /** @param activeSignals a lane that delivered one of the last this many signals holds pruning back (tests) */
    LaneClock(long grace, long allowance, ToIntFunction<String> partitions, long activeSignals) {
        this.grace = grace;
        this.allowance = allowance;
        this.partitions = partitions;
        this.activeSignals = activeSignals;
    }

    /**
     * Takes a signal's time on its lane.
     *
     * @param source the signal's source (proxy, mail, endpoint, report)
     * @param partition the partition of the upstream task that made it
     * @return whether the signal is late
     */
    boolean observe(String source, int partition, long time) {
        return observe(source, partition, time, time);
    }

    /**
     * Takes a signal's time on its lane, and moves the lane only to {@code laneTime}: the stage that made the signal
     * may still send older ones ({@link LaneStamp#TIME_HEADER}).
     *
     * @param laneTime how far the lane has come, at most {@code time}
     * @return whether the signal is late
     */
    boolean observe(String source, int partition, long time, long laneTime) {
        Source src = source(source, partition);
        Lane l = src.lanes[partition];
        l.lastObserved = ++observed;
        boolean late = behind(l, time) > grace;
        if (laneTime <= l.newest) {
            return late;
        }
        // A lane's first signals may be behind the prune time (late): the lane still counts from them, and the prune
        // time never goes back.
        l.newest = laneTime;
        src.reached = reached(src.lanes);
        pruneTime = Math.max(pruneTime, reached(all));
        return late;
    }

    /**
     * Whether a signal {@link #observe} judged late is later than its rule can still judge: more than the grace and the
     * rule's allowance behind. Asked right after {@link #observe}: a late signal moves neither the prune time nor its
     * lane past itself, so this is judged against the same times.
     */
    boolean lateBeyond(String source, int partition, long time, long allowance) {
        return behind(lane(source, partition), time) > grace + allowance;
    }

    /**
     * Why a signal was late ({@link #lateBeyond}), for the record it leaves on the late topic: which time it was behind
     * and by how much.
     */
    String whyLate(String source, int partition, long time, long allowance) {
        Lane l = lane(source, partition);
        long limit = grace + allowance;
        if (l.newest != Long.MIN_VALUE && time < l.newest - limit) {
            return String.format(
                    "%s from partition %d at %s is %d s behind its lane's newest signal (%s); its rule allows %d s",
                    source,
                    partition,
                    java.time.Instant.ofEpochMilli(time),
                    (l.newest - time) / 1000,
                    java.time.Instant.ofEpochMilli(l.newest),
                    limit / 1000);
        }
        return String.format(
                "%s from partition %d at %s is %d s behind the time rule state was pruned to (%s, the slowest of %d"
                        + " lanes); its rule allows %d s",
                source,
                partition,
                java.time.Instant.ofEpochMilli(time),
                (pruneTime - time) / 1000,
                java.time.Instant.ofEpochMilli(pruneTime),
                all.length,
                limit / 1000);
    }

    /** How far a time is behind the later of its lane's newest signal and the prune time; 0 while neither is known. */
    private long behind(Lane l, long time) {
        long ahead = Math.max(l.newest, pruneTime);
        return ahead == Long.MIN_VALUE ? 0 : ahead - time;
    }

    /** A lane {@link #observe} has seen. */
    private Lane lane(String source, int partition) {
        return sources.get(source).lanes[partition];
    }

    /**
     * The slowest of the lanes, but no further back than the allowance behind the fastest, unless a lane that is still
     * delivering is further back.
     */
    private long reached(Lane[] lanes) {
        long slowest = Long.MAX_VALUE;
        long fastest = Long.MIN_VALUE;
        long slowestBusy = Long.MAX_VALUE;
        for (Lane l : lanes) { // a plain loop: this runs for signals
            slowest = Math.min(slowest, l.newest);
            fastest = Math.max(fastest, l.newest);
            if (l.newest != Long.MIN_VALUE && observed - l.lastObserved < activeSignals) {
                slowestBusy = Math.min(slowestBusy, l.newest);
            }
        }
        return Math.min(Math.max(slowest, fastest - allowance), slowestBusy);
    }

    private Source source(String name, int partition) {
        Source src = sources.computeIfAbsent(name, n -> new Source());
        if (src.lanes.length <= partition) {
            int count = Math.max(partitions.applyAsInt(name), partition + 1);
            int had = src.lanes.length;
            src.lanes = Arrays.copyOf(src.lanes, count);
            all = Arrays.copyOf(all, all.length + count - had);
            for (int i = had; i < count; i++) {
                src.lanes[i] = new Lane();
                all[all.length - count + i] = src.lanes[i];
            }
        }
        return src;
    }

    /**
     * The event time every partition of a source has reached (the slowest, as for pruning no further back than the
     * allowance behind the fastest); {@link Long#MAX_VALUE} for a source not seen yet.
     */
    long knownUntil(String source) {
        Source src = sources.get(source);
        return src == null ? Long.MAX_VALUE : src.reached;
    }

    /** The event time state is pruned up to (never goes back); {@link Long#MIN_VALUE} before the first signal. */
    long pruneTime() {
        return pruneTime;
    }

    /**
     * The clock as bytes, for the rule stage's store: after a restart the lanes start where they were, not empty. An
     * empty clock knows no lane of a source until that source's next signal, so the other sources alone set its prune
     * time; a web request the address stage held across the restart and released then was late (CorrelationIT).
     */
    byte[] encode() {
        BinaryWriter out = BinaryWriter.reused();
        out.writeByte(CLOCK_VERSION);
        out.writeLong(pruneTime);
        out.writeLong(observed);
        out.writeSize(sources.size());
        sources.forEach((name, src) -> {
            out.writeString(name);
            out.writeSize(src.lanes.length);
            for (Lane l : src.lanes) {
                out.writeLong(l.newest);
                out.writeLong(l.lastObserved);
            }
        });
        return out.toByteArray();
    }

    /** Takes back the lanes {@link #encode} wrote; a clock of another layout is left empty (learnt again). */
    void restore(byte[] data) {
        BinaryReader in = new BinaryReader(data, "lane clock");
        if (in.readByte() != CLOCK_VERSION) {
            return;
        }
        pruneTime = in.readLong();
        observed = in.readLong();
        int count = in.readSize();
        for (int i = 0; i < count; i++) {
            String name = in.readString();
            int lanes = in.readSize();
            Source src = source(name, lanes - 1);
            for (int p = 0; p < lanes; p++) {
                src.lanes[p].newest = in.readLong();
                src.lanes[p].lastObserved = in.readLong();
            }
            src.reached = reached(src.lanes);
        }
    }

    private static final int CLOCK_VERSION = 1;

    /** How many lanes there are: every partition of every source that has shown up. */
    int lanes() {
        return all.length;
    }
}
