package org.trustwatch.streams.topology;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The topics the app reads and writes (architecture.md defaults; every name can be changed). */
public record Topics(
        String proxy,
        String mail,
        String endpoint,
        String reports,
        String schools,
        String directory,
        String devices,
        String exemptions,
        String incidents,
        String alerts,
        String exempted,
        String late,
        String deadLetters) {

    public static Topics defaults() {
        return new Topics(
                "events.proxy",
                "events.mail",
                "events.endpoint",
                "reports.incident",
                "reference.schools",
                "reference.directory",
                "reference.devices",
                "reference.exemptions",
                "incidents",
                "alerts",
                "events.exempted",
                "events.late",
                "dlq.streams");
    }

    /**
     * The {@code topic.<name>} properties that give one run (a test, a benchmark) event, output and dead-letter topics
     * of its own, {@code <run>.proxy} ... {@code <run>.dlq}; the reference topics are left as they are.
     */
    public static Map<String, String> ownedBy(String run) {
        Map<String, String> properties = new HashMap<>();
        for (String name : List.of("proxy", "mail", "endpoint", "reports", "incidents", "alerts", "exempted", "late")) {
            properties.put("topic." + name, run + "." + name);
        }
        properties.put("topic.dead-letters", run + ".dlq");
        return properties;
    }

    /** Defaults, with {@code topic.<name>} properties (e.g. {@code topic.incidents}) replacing them. */
    public static Topics from(Map<String, String> properties) {
        Topics d = defaults();
        return new Topics(
                properties.getOrDefault("topic.proxy", d.proxy),
                properties.getOrDefault("topic.mail", d.mail),
                properties.getOrDefault("topic.endpoint", d.endpoint),
                properties.getOrDefault("topic.reports", d.reports),
                properties.getOrDefault("topic.schools", d.schools),
                properties.getOrDefault("topic.directory", d.directory),
                properties.getOrDefault("topic.devices", d.devices),
                properties.getOrDefault("topic.exemptions", d.exemptions),
                properties.getOrDefault("topic.incidents", d.incidents),
                properties.getOrDefault("topic.alerts", d.alerts),
                properties.getOrDefault("topic.exempted", d.exempted),
                properties.getOrDefault("topic.late", d.late),
                properties.getOrDefault("topic.dead-letters", d.deadLetters));
    }
}
