package org.trustwatch.streams.app;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Reads what the broker says of topics that were just created. A create returns once the controller has recorded the
 * topics; the broker that answers the next request learns of them a moment later (KRaft publishes its metadata
 * asynchronously), and until then says it does not host them. One bench-correlate run stopped on exactly that, in
 * the describe that follows the create.
 */
final class NewTopicsVisible {

    static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    private static final long PAUSE_MILLIS = 50;

    private NewTopicsVisible() {}

    /** An admin call, as its future's {@code get()} fails. */
    @FunctionalInterface
    interface AdminRead<T> {
        T get() throws ExecutionException, InterruptedException;
    }

    /**
     * Calls {@code read} until it no longer fails because a topic is unknown, or {@code wait} has passed; then the
     * last failure is thrown with what to check. Any other failure is thrown at once.
     */
    static <T> T read(AdminRead<T> read, Duration wait) throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                return read.get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                if (System.nanoTime() >= deadline) {
                    throw new ExecutionException(
                            "the broker still did not know the app's topics " + wait.toSeconds()
                                    + " s after they were created: "
                                    + e.getCause().getMessage()
                                    + " Check the broker's log ('./trustwatch stack logs kafka').",
                            e.getCause());
                }
                Thread.sleep(PAUSE_MILLIS);
            }
        }
    }
}
