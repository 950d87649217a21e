package org.trustwatch.connect.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesEachRetryUpToTheLongestWait() {
        Backoff longest = new Backoff(100, 10_000, () -> 1.0);

        assertEquals(100, longest.delayMs(1));
        assertEquals(200, longest.delayMs(2));
        assertEquals(800, longest.delayMs(4));
        assertEquals(10_000, longest.delayMs(10));
        assertEquals(10_000, longest.delayMs(1_000), "no overflow after many retries");
    }

    @Test
    void jitterKeepsAtLeastHalfTheWait() {
        Backoff shortest = new Backoff(100, 10_000, () -> 0.0);

        assertEquals(50, shortest.delayMs(1));
        assertEquals(400, shortest.delayMs(4));
        assertEquals(5_000, shortest.delayMs(20));
    }
}
