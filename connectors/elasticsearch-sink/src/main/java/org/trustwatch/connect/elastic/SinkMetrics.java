package org.trustwatch.connect.elastic;

import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;

/** What a task wrote, skipped, dead-lettered and retried, with the worker's metrics (JMX) and in its log at stop. */
final class SinkMetrics {

    final AtomicLong written = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    final AtomicLong retried = new AtomicLong();

    void register(PluginMetrics metrics) {
        if (metrics == null) {
            return;
        }
        add(metrics, "documents-written-total", "Documents Elasticsearch created or updated.", written);
        add(
                metrics,
                "records-skipped-total",
                "Records with nothing to write: already indexed (a replay) or superseded by a later version.",
                skipped);
        add(metrics, "records-dead-lettered-total", "Records sent to the dead-letter queue.", deadLettered);
        add(metrics, "writes-retried-total", "Writes retried after a 429, a 5xx or a lost connection.", retried);
    }

    private static void add(PluginMetrics metrics, String name, String description, AtomicLong value) {
        metrics.addMetric(metrics.metricName(name, description, new LinkedHashMap<>()), (Gauge<Long>)
                (config, now) -> value.get());
    }

    @Override
    public String toString() {
        return "written " + written + ", skipped " + skipped + ", dead-lettered " + deadLettered + ", retried "
                + retried;
    }
}
