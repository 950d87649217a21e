package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogonLanesTest {

    private static final long QUIET = 5_000;

    @Test
    void theLogonsHaveReachedOnlyAsFarAsTheSlowestLaneStillDelivering() {
        LogonLanes lanes = new LogonLanes(QUIET);
        lanes.arrived(0, 10_000_000, 1_000);
        lanes.arrived(1, 4_000_000, 1_000);

        assertTrue(lanes.delivering(2_000));
        assertEquals(4_000_000, lanes.reached(2_000), "lane 1 is behind and still delivering");
    }

    @Test
    void aLaneQuietForTheQuietTimeNoLongerHoldsTheOthersBack() {
        LogonLanes lanes = new LogonLanes(QUIET);
        lanes.arrived(1, 4_000_000, 1_000);
        lanes.arrived(0, 10_000_000, 5_999);

        assertEquals(10_000_000, lanes.reached(6_000), "lane 1 sent nothing for 5 s");
        assertTrue(lanes.delivering(6_000));
        assertFalse(lanes.delivering(10_999), "and now lane 0 neither");
        assertEquals(10_000_000, lanes.reached(10_999), "none delivering: the newest of all");
    }

    @Test
    void withoutAQuietTimeNoLaneIsWaitedForAndTheNewestLogonCounts() {
        LogonLanes lanes = new LogonLanes(0);
        lanes.arrived(0, 10_000_000, 1_000);
        lanes.arrived(1, 4_000_000, 1_000);

        assertFalse(lanes.delivering(1_000));
        assertEquals(10_000_000, lanes.reached(1_000));
    }

    @Test
    void atAStartEveryExpectedLaneHoldsUntilItDeliversOrStaysQuiet() {
        LogonLanes lanes = new LogonLanes(QUIET);
        lanes.expect(2, 1_000);
        assertTrue(lanes.delivering(1_000), "nothing came yet, and both lanes are expected");
        assertEquals(Long.MIN_VALUE, lanes.reached(1_000));

        lanes.arrived(0, 10_000_000, 2_000);
        assertEquals(Long.MIN_VALUE, lanes.reached(2_000), "lane 1 has sent nothing since the start");
        assertEquals(10_000_000, lanes.reached(6_000), "lane 1 quiet for 5 s since the start");
    }

    @Test
    void expectingLanesChangesNothingWithoutAQuietTime() {
        LogonLanes lanes = new LogonLanes(0);
        lanes.expect(2, 1_000);
        assertFalse(lanes.delivering(1_000));
    }
}
