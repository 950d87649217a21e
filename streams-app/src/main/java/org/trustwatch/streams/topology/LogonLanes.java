package org.trustwatch.streams.topology;

import java.util.Arrays;

/**
 * How far the logons an address stage task receives are complete, per upstream partition (a lane), so that a request
 * held for its logon is not given up while that logon may still be on its way.
 *
 * <p>The logons reach the task through the {@code ip-logons} repartition, written by the same tasks that read the
 * requests. While a backlog drains (a restart, a fresh app on a full topic) the requests are read at once and the
 * logons only after the commit that makes them readable, so the requests run ahead of the logons in event time;
 * judged by the requests' progress, held requests were released without their user, and raised filter-bypass
 * incidents on bare addresses (bench-correlate: up to 120 in a run). Judged by the logons' own progress, a request is
 * given up only once every lane still delivering has passed it.
 *
 * <p>A lane that delivered nothing for {@code quietMillis} of wall-clock time is quiet (its endpoint agent stopped, or
 * it has caught up with an input that has ended), and does not hold requests back; when every lane is quiet the
 * requests' own progress decides, as before. {@code quietMillis} 0 turns the wait off: the offline run and the
 * topology tests read their input in time order, with no repartition lag to wait for.
 */
final class LogonLanes {

    private final long quietMillis;
    private long[] newest = new long[0];
    private long[] lastArrival = new long[0];

    LogonLanes(long quietMillis) {
        this.quietMillis = quietMillis;
    }

    /**
     * Counts each of {@code lanes} upstream partitions that has not delivered yet as delivering from {@code wallNow}:
     * a task that starts holds its requests until every lane has sent a logon past them or stayed quiet.
     */
    void expect(int lanes, long wallNow) {
        if (lanes <= 0) {
            return;
        }
        grow(lanes - 1);
        for (int p = 0; p < lanes; p++) {
            if (newest[p] == Long.MIN_VALUE) {
                lastArrival[p] = wallNow;
            }
        }
    }

    /** A logon or logoff of event time {@code time} came from upstream {@code partition}. */
    void arrived(int partition, long time, long wallNow) {
        grow(partition);
        newest[partition] = Math.max(newest[partition], time);
        lastArrival[partition] = wallNow;
    }

    /** Whether some lane is still delivering, so that the requests' progress must not decide for it. */
    boolean delivering(long wallNow) {
        if (quietMillis <= 0) {
            return false;
        }
        for (long arrival : lastArrival) {
            if (wallNow - arrival < quietMillis) {
                return true;
            }
        }
        return false;
    }

    /**
     * The event time every lane still delivering has reached; when none is delivering, the newest of all. {@link
     * Long#MIN_VALUE} before any logon.
     */
    long reached(long wallNow) {
        long slowestDelivering = Long.MAX_VALUE;
        long newestOfAll = Long.MIN_VALUE;
        for (int p = 0; p < newest.length; p++) {
            newestOfAll = Math.max(newestOfAll, newest[p]);
            if (quietMillis > 0 && wallNow - lastArrival[p] < quietMillis) {
                slowestDelivering = Math.min(slowestDelivering, newest[p]);
            }
        }
        return slowestDelivering != Long.MAX_VALUE ? slowestDelivering : newestOfAll;
    }

    private void grow(int partition) {
        if (partition < newest.length) {
            return;
        }
        int had = newest.length;
        newest = Arrays.copyOf(newest, partition + 1);
        lastArrival = Arrays.copyOf(lastArrival, partition + 1);
        Arrays.fill(newest, had, newest.length, Long.MIN_VALUE);
        // long ago, but not so far that "now minus it" overflows: a lane that never delivered is quiet
        Arrays.fill(lastArrival, had, lastArrival.length, Long.MIN_VALUE / 2);
    }
}
