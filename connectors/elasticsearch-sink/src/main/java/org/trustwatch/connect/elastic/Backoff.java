package org.trustwatch.connect.elastic;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with jitter: the n-th retry waits between half and all of {@code base * 2^(n-1)}, capped at
 * {@code max}, so that tasks which failed together do not all come back at the same moment.
 */
public final class Backoff {

    private final long baseMs;
    private final long maxMs;
    private final DoubleSupplier random;

    public Backoff(long baseMs, long maxMs) {
        this(baseMs, maxMs, () -> ThreadLocalRandom.current().nextDouble());
    }

    Backoff(long baseMs, long maxMs, DoubleSupplier random) {
        this.baseMs = baseMs;
        this.maxMs = maxMs;
        this.random = random;
    }

    /** How long to wait before retry number {@code attempt} (from 1). */
    public long delayMs(int attempt) {
        int doublings = Math.min(Math.max(attempt, 1) - 1, 30);
        long ceiling = Math.min(maxMs, baseMs << doublings);
        return ceiling / 2 + Math.round(random.getAsDouble() * (ceiling - ceiling / 2));
    }
}
