package org.trustwatch.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.WebAction;

class FirstCallGuardTest {

    private static final ProxyEvent EVENT = ProxyEvent.newBuilder()
            .setTimestamp(java.time.Instant.parse("2026-11-25T09:00:00Z"))
            .setEventIngested(java.time.Instant.parse("2026-11-25T09:00:00Z"))
            .setEventDataset("squid")
            .setEventHash("h1")
            .setSourceIp("10.0.0.1")
            .setHttpRequestMethod("GET")
            .setUrlDomain("example.org")
            .setWebAction(WebAction.allowed)
            .build();

    @Test
    @Timeout(30) // without the guard the call would wait for ever
    void aFirstCallThatNeverReturnsStopsWithWhatToDo() {
        CountDownLatch never = new CountDownLatch(1);
        Serializer<SpecificRecord> hanging = (topic, record) -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new byte[0];
        };
        try (FirstCallGuard guard = new FirstCallGuard(hanging, "http://127.0.0.1:8081", 1)) {
            FirstCallGuard.Failed e =
                    assertThrows(FirstCallGuard.Failed.class, () -> guard.serialize("bench.proxy", EVENT));
            assertTrue(e.getMessage().contains("http://127.0.0.1:8081"), e.getMessage());
            assertTrue(e.getMessage().contains("ProxyEvent on bench.proxy within 1 s"), e.getMessage());
            assertTrue(e.getMessage().contains("./trustwatch stack status"), e.getMessage());
        }
    }

    @Test
    void laterRecordsOfATopicAndSchemaAreSerializedOnTheCallersThread() {
        AtomicInteger onGuardThread = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        Serializer<SpecificRecord> counting = (topic, record) -> {
            calls.incrementAndGet();
            if (Thread.currentThread().getName().equals("bench-first-registry-call")) {
                onGuardThread.incrementAndGet();
            }
            return new byte[] {1, 2};
        };
        try (FirstCallGuard guard = new FirstCallGuard(counting, "http://127.0.0.1:8081", 5)) {
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(new byte[] {1, 2}, guard.serialize("bench.proxy", EVENT));
            }
            guard.serialize("bench.other", EVENT);
        }
        assertEquals(4, calls.get());
        assertEquals(2, onGuardThread.get(), "only the first record of each topic goes through the bounded call");
    }

    @Test
    void aFailingFirstCallSaysWhichRecordAndTopic() {
        Serializer<SpecificRecord> failing = (topic, record) -> {
            throw new IllegalArgumentException("registry said 409");
        };
        try (FirstCallGuard guard = new FirstCallGuard(failing, "http://127.0.0.1:8081", 5)) {
            FirstCallGuard.Failed e =
                    assertThrows(FirstCallGuard.Failed.class, () -> guard.serialize("bench.proxy", EVENT));
            assertEquals("serializing the first ProxyEvent for bench.proxy failed: registry said 409", e.getMessage());
        }
    }
}
