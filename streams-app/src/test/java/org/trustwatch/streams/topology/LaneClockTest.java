package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LaneClockTest {

    private static final long GRACE = Duration.ofHours(1).toMillis();
    private static final long ALLOWANCE = Duration.ofHours(24).toMillis();
    private static final String ENDPOINT = "endpoint";
    private static final String ADDRESS = "proxy";
    private static final String MAIL = "mail";

    /**
     * One partition per source; a lane counts as quiet as soon as another lane delivered the last signal, so that a
     * few signals show what the allowance does.
     */
    private final LaneClock clock = new LaneClock(GRACE, ALLOWANCE, source -> 1, 1);
    /** Two partitions per source, as bench-correlate runs on two cores. */
    private final LaneClock twoPartitions = new LaneClock(GRACE, ALLOWANCE, source -> 2, 1);

    private static long at(String time) {
        return Instant.parse("2026-11-23T" + time + ":00Z").toEpochMilli();
    }

    private static long nextDay(String time) {
        return Instant.parse("2026-11-24T" + time + ":00Z").toEpochMilli();
    }

    @Test
    void aPartitionThatDrainsSlowerThanAnotherOfTheSameSourceIsNotLate() {
        // a backlog: both partitions start at 09:00, partition 0's thread gets two hours of event time ahead
        assertFalse(twoPartitions.observe(ADDRESS, 0, at("09:00")));
        assertFalse(twoPartitions.observe(ADDRESS, 1, at("09:00")));
        assertFalse(twoPartitions.observe(ADDRESS, 0, at("11:00")));
        assertFalse(twoPartitions.observe(ADDRESS, 1, at("09:01")), "judged by its own partition, not the faster one");
        assertEquals(at("09:01"), twoPartitions.pruneTime(), "pruning waits for the slower partition");
        assertEquals(2, twoPartitions.lanes());
    }

    @Test
    void aPartitionOfASourceThatHasNotDeliveredYetHoldsPruningBack() {
        // partition 1's thread starts a moment later, when partition 0 has drained two hours of a backlog
        twoPartitions.observe(ADDRESS, 0, at("09:00"));
        twoPartitions.observe(ADDRESS, 0, at("11:00"));
        assertEquals(
                at("11:00") - ALLOWANCE, twoPartitions.pruneTime(), "held back by partition 1, up to the allowance");
        assertFalse(twoPartitions.observe(ADDRESS, 1, at("09:00")), "not late: nothing it needs was pruned");
        assertEquals(at("09:00"), twoPartitions.pruneTime());
    }

    @Test
    void aRuleThatKeepsWhatItNeedsLongerJudgesSignalsLaterThanTheGrace() {
        clock.observe(ADDRESS, 0, at("14:40"));
        long readBack = at("13:20"); // 80 min behind its lane
        assertTrue(clock.observe(ADDRESS, 0, readBack), "later than the grace");
        assertTrue(clock.lateBeyond(ADDRESS, 0, readBack, 0), "a rule that needs the last hour's signals: late");
        assertFalse(
                clock.lateBeyond(ADDRESS, 0, readBack, Duration.ofDays(180).toMillis()),
                "a rule whose state is kept for months: judged");
        assertEquals(
                "proxy from partition 0 at 2026-11-23T13:20:00Z is 4800 s behind its lane's newest signal"
                        + " (2026-11-23T14:40:00Z); its rule allows 3600 s",
                clock.whyLate(ADDRESS, 0, readBack, 0));
    }

    @Test
    void aLaneMovesOnlyAsFarAsTheStageThatMadeItsSignalsSaysItHasCome() {
        // the address stage still holds a 09:00 request, so its lane time stays at 09:30 while its requests reach 12:00
        assertFalse(clock.observe(ADDRESS, 0, at("12:00"), at("09:30")));
        assertFalse(clock.observe(ADDRESS, 0, at("09:00"), at("09:00")), "the held request is not late");
        assertTrue(clock.observe(ADDRESS, 0, at("08:29"), at("08:29")), "one more than the grace behind 09:30 is");
        clock.observe(ADDRESS, 0, at("12:01"), at("12:01"));
        assertTrue(clock.observe(ADDRESS, 0, at("09:00"), at("09:00")), "once the lane has come to 12:01");
    }

    @Test
    void aRestoredClockKeepsItsLanesSoThatASourceNotYetSeenAgainStillHoldsPruningBack() {
        twoPartitions.observe(ADDRESS, 0, at("10:00"));
        twoPartitions.observe(ADDRESS, 1, at("10:10"));
        twoPartitions.observe(MAIL, 0, at("10:20"));
        twoPartitions.observe(MAIL, 1, at("10:20"));
        LaneClock restarted = new LaneClock(GRACE, ALLOWANCE, source -> 2, 1);
        restarted.restore(twoPartitions.encode());

        assertEquals(at("10:00"), restarted.pruneTime());
        assertEquals(4, restarted.lanes());
        // after the restart the mail runs on, while the web requests have not come back yet
        restarted.observe(MAIL, 0, at("12:00"));
        restarted.observe(MAIL, 1, at("12:00"));
        assertEquals(at("10:00"), restarted.pruneTime(), "the web-request lanes still hold pruning back");
        assertFalse(restarted.observe(ADDRESS, 0, at("10:05")), "a request held across the restart is in time");
        LaneClock empty = new LaneClock(GRACE, ALLOWANCE, source -> 2, 1);
        empty.observe(MAIL, 0, at("12:00"));
        empty.observe(MAIL, 1, at("12:00"));
        assertTrue(empty.observe(ADDRESS, 0, at("10:05")), "an empty clock would have judged it late");
    }

    @Test
    void aSignalMoreThanTheGraceBehindItsOwnLaneIsLate() {
        twoPartitions.observe(MAIL, 0, at("10:30"));
        twoPartitions.observe(MAIL, 1, at("10:30"));
        twoPartitions.observe(MAIL, 0, at("12:00"));
        assertFalse(twoPartitions.observe(MAIL, 0, at("11:00")), "exactly the grace behind is still in time");
        assertTrue(twoPartitions.observe(MAIL, 0, at("10:59")));
        assertFalse(twoPartitions.observe(MAIL, 1, at("10:40")), "another partition has its own order");
        assertFalse(
                twoPartitions.observe(ENDPOINT, 1, at("10:40")), "and so has another source from the same partition");
    }

    @Test
    void pruningFollowsTheSlowestLaneUpToTheAllowance() {
        clock.observe(ENDPOINT, 0, at("08:00"));
        clock.observe(MAIL, 0, at("08:00")); // then nothing more from mail
        clock.observe(ENDPOINT, 0, at("20:00"));
        assertEquals(at("08:00"), clock.pruneTime(), "the quiet mail lane holds pruning back");
        clock.observe(ENDPOINT, 0, nextDay("10:00"));
        assertEquals(
                at("10:00"),
                clock.pruneTime(),
                "a lane more than the allowance behind holds pruning back no further than the allowance");
        assertFalse(clock.observe(MAIL, 0, nextDay("09:55")), "the quiet lane's new events are in time");
    }

    @Test
    void aLaneThatComesBackBehindWhatWasPrunedIsLate() {
        clock.observe(MAIL, 0, at("00:30"));
        clock.observe(ENDPOINT, 0, nextDay("03:00"));
        assertEquals(at("03:00"), clock.pruneTime(), "the allowance (a day) behind the endpoint lane");
        assertTrue(clock.observe(MAIL, 0, at("01:59")), "what it would have met may be gone");
        assertFalse(clock.observe(MAIL, 0, at("02:00")), "within the grace of the prune time");
    }

    @Test
    void aPartitionBeyondTheKnownCountIsALaneOfItsOwnAndLateIfItStartsMoreThanTheGraceBehind() {
        twoPartitions.observe(ADDRESS, 0, at("12:00"));
        twoPartitions.observe(ADDRESS, 1, at("12:00"));
        assertFalse(twoPartitions.observe(ADDRESS, 2, at("11:30")), "within the grace");
        assertEquals(at("12:00"), twoPartitions.pruneTime(), "the prune time does not go back");
        twoPartitions.observe(ADDRESS, 2, at("12:00"));
        assertTrue(twoPartitions.observe(ADDRESS, 3, at("10:59")), "more than the grace behind what was pruned");
        assertEquals(at("12:00"), twoPartitions.pruneTime());
        assertEquals(4, twoPartitions.lanes());
    }

    @Test
    void aSourceIsKnownAsFarAsItsSlowestPartitionUpToTheAllowance() {
        assertEquals(Long.MAX_VALUE, twoPartitions.knownUntil(ENDPOINT), "a source not seen yet bounds nothing");
        twoPartitions.observe(ENDPOINT, 0, at("10:00"));
        assertEquals(at("10:00") - ALLOWANCE, twoPartitions.knownUntil(ENDPOINT), "partition 1 not heard from yet");
        twoPartitions.observe(ENDPOINT, 1, at("09:15"));
        twoPartitions.observe(MAIL, 0, at("08:00"));
        assertEquals(at("09:15"), twoPartitions.knownUntil(ENDPOINT), "another source's lanes do not count");
    }

    @Test
    void aBusyLaneADayBehindTheOthersStillHoldsPruningBackAndIsNotLate() {
        // a backlog: the app gets the sparse sources as they come and the web requests as fast as it can fetch them
        LaneClock backlog = requestsADayBehind(new LaneClock(GRACE, ALLOWANCE, source -> 1, 3));
        assertFalse(backlog.observe(ADDRESS, 0, at("10:31")), "the requests are more than a day behind, and in time");
        assertEquals(at("10:31"), backlog.pruneTime(), "pruning waits for the busy lane");
        assertFalse(backlog.observe(ENDPOINT, 0, nextDay("12:10")));
        assertFalse(backlog.observe(ADDRESS, 0, at("17:36")));
        assertEquals(at("17:36"), backlog.pruneTime());
        // once the requests stop coming (three signals of other lanes), the allowance holds again
        backlog.observe(MAIL, 0, nextDay("18:00"));
        backlog.observe(MAIL, 0, nextDay("18:30"));
        backlog.observe(MAIL, 0, nextDay("19:00"));
        assertEquals(at("19:00"), backlog.pruneTime(), "a day behind the fastest lane");
        assertTrue(backlog.observe(ADDRESS, 0, at("17:40")), "a request that comes back behind what was pruned");
    }

    @Test
    void theSameDrainWithTheAllowanceAloneWouldHaveJudgedTheRequestsLate() {
        // what the whole-pipeline bench saw before busy lanes held pruning back: a window of one signal
        LaneClock allowanceOnly = requestsADayBehind(new LaneClock(GRACE, ALLOWANCE, source -> 1, 1));
        assertTrue(allowanceOnly.observe(ADDRESS, 0, at("10:31")));
    }

    /** Requests at 09:00 while mail and endpoint have already reached noon the next day. */
    private static LaneClock requestsADayBehind(LaneClock clock) {
        clock.observe(ADDRESS, 0, at("09:00"));
        clock.observe(MAIL, 0, nextDay("12:00"));
        clock.observe(ENDPOINT, 0, nextDay("12:05"));
        return clock;
    }

    @Test
    void nothingIsPrunedBeforeTheFirstSignal() {
        assertEquals(Long.MIN_VALUE, clock.pruneTime());
        assertEquals(0, clock.lanes());
    }
}
