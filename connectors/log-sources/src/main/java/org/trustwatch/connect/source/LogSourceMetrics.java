package org.trustwatch.connect.source;

import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;

/**
 * What a task accepted and rejected, published with the worker's own metrics (JMX) and logged when the
 * task stops.
 */
final class LogSourceMetrics {

    final AtomicLong linesRead = new AtomicLong();
    final AtomicLong events = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();

    void register(PluginMetrics metrics) {
        if (metrics == null) {
            return;
        }
        add(metrics, "lines-read-total", "Lines read from files and syslog.", linesRead);
        add(metrics, "events-total", "Events produced to the event topic.", events);
        add(metrics, "lines-rejected-total", "Lines sent to the dead-letter topic.", rejected);
    }

    private static void add(PluginMetrics metrics, String name, String description, AtomicLong value) {
        metrics.addMetric(metrics.metricName(name, description, new LinkedHashMap<>()), (Gauge<Long>)
                (config, now) -> value.get());
    }

    @Override
    public String toString() {
        return "lines read " + linesRead + ", events " + events + ", rejected " + rejected;
    }
}
