package org.trustwatch.connect.source;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.junit.jupiter.api.Test;

class LogSourceMetricsTest {

    @Test
    void publishesTheCountsWithTheWorkersMetrics() throws Exception {
        try (Metrics registry = new Metrics();
                PluginMetricsImpl plugin = new PluginMetricsImpl(registry, Map.of("connector", "proxy-test"))) {
            LogSourceMetrics metrics = new LogSourceMetrics();
            metrics.register(plugin);

            metrics.linesRead.addAndGet(5);
            metrics.events.addAndGet(3);
            metrics.rejected.addAndGet(2);

            assertEquals(5L, value(registry, "lines-read-total"));
            assertEquals(3L, value(registry, "events-total"));
            assertEquals(2L, value(registry, "lines-rejected-total"));
            assertEquals("lines read 5, events 3, rejected 2", metrics.toString());
        }
    }

    @Test
    void countsWithoutPublishingWhenTheWorkerOffersNoMetrics() {
        LogSourceMetrics metrics = new LogSourceMetrics();

        assertDoesNotThrow(() -> metrics.register(null));
        metrics.rejected.incrementAndGet();
        assertEquals("lines read 0, events 0, rejected 1", metrics.toString());
    }

    static Object value(Metrics registry, String name) {
        return registry.metrics().entrySet().stream()
                .filter(entry -> entry.getKey().name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no metric " + name + " in " + registry.metrics().keySet()))
                .getValue()
                .metricValue();
    }
}
