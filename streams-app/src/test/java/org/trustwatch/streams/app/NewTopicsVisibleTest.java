package org.trustwatch.streams.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

class NewTopicsVisibleTest {

    private static final ExecutionException UNKNOWN = new ExecutionException(
            new UnknownTopicOrPartitionException("This server does not host this topic-partition."));

    @Test
    void topicsTheBrokerDoesNotKnowYetAreAskedForAgainUntilItDoes() throws Exception {
        AtomicInteger calls = new AtomicInteger();

        String described = NewTopicsVisible.read(
                () -> {
                    if (calls.incrementAndGet() < 3) {
                        throw UNKNOWN;
                    }
                    return "described";
                },
                Duration.ofSeconds(10));

        assertEquals("described", described);
        assertEquals(3, calls.get());
    }

    @Test
    void anyOtherFailureIsThrownAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        ExecutionException denied = new ExecutionException(new TopicAuthorizationException("not allowed"));

        ExecutionException thrown = assertThrows(
                ExecutionException.class,
                () -> NewTopicsVisible.read(
                        () -> {
                            calls.incrementAndGet();
                            throw denied;
                        },
                        Duration.ofSeconds(10)));

        assertSame(denied, thrown);
        assertEquals(1, calls.get());
    }

    @Test
    void topicsStillUnknownAfterTheWaitFailWithWhatToCheck() {
        ExecutionException thrown = assertThrows(
                ExecutionException.class,
                () -> NewTopicsVisible.read(
                        () -> {
                            throw UNKNOWN;
                        },
                        Duration.ofMillis(200)));

        assertInstanceOf(UnknownTopicOrPartitionException.class, thrown.getCause());
        assertTrue(thrown.getMessage().contains("still did not know the app's topics"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("./trustwatch stack logs kafka"), thrown.getMessage());
    }
}
