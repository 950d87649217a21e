package org.trustwatch.pipeline.kafka;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.trustwatch.ingest.LogFormat;
import org.trustwatch.ingest.reference.ReferencePublisher;
import org.trustwatch.streams.cli.OfflineRun;
import org.trustwatch.streams.topology.Topics;

/**
 * Every topic of one pipeline: the correlation app's (its {@link Topics}, reference topics included), the agents'
 * dead-letter topics ({@code dlq.<family>}) and the sink's ({@code dlq.elasticsearch}). Architecture.md's names by
 * default; a prefix gives a run topics of its own on a shared cluster (tests, benchmarks).
 */
public record PipelineTopics(Topics app, String prefix) {

    public static PipelineTopics defaults() {
        return prefixed("");
    }

    public static PipelineTopics prefixed(String prefix) {
        Topics d = Topics.defaults();
        return new PipelineTopics(
                new Topics(
                        prefix + d.proxy(),
                        prefix + d.mail(),
                        prefix + d.endpoint(),
                        prefix + d.reports(),
                        prefix + d.schools(),
                        prefix + d.directory(),
                        prefix + d.devices(),
                        prefix + d.exemptions(),
                        prefix + d.incidents(),
                        prefix + d.alerts(),
                        prefix + d.exempted(),
                        prefix + d.late(),
                        prefix + d.deadLetters()),
                prefix);
    }

    /** Where the agents of a family write their events. */
    public String events(LogFormat.Family family) {
        return OfflineRun.topicOf(app, family);
    }

    /** Where the agents of a family write the lines they cannot read. */
    public String deadLetters(LogFormat.Family family) {
        return prefix + "dlq." + family.name().toLowerCase(Locale.ROOT);
    }

    /** Where the sink writes what Elasticsearch refused. */
    public String sinkDeadLetters() {
        return prefix + "dlq.elasticsearch";
    }

    public List<String> eventTopics() {
        return List.of(app.proxy(), app.mail(), app.endpoint(), app.reports());
    }

    public List<String> sourceDeadLetters() {
        return List.of(LogFormat.Family.values()).stream()
                .map(this::deadLetters)
                .toList();
    }

    /** Every dead-letter topic, the agents' first, then the app's and the sink's. */
    public List<String> allDeadLetters() {
        List<String> all = new java.util.ArrayList<>(sourceDeadLetters());
        all.add(app.deadLetters());
        all.add(sinkDeadLetters());
        return all;
    }

    public ReferencePublisher.Topics reference() {
        return new ReferencePublisher.Topics(app.schools(), app.directory(), app.devices(), app.exemptions());
    }

    /** The {@code topic.*} properties that give the correlation app these names (see {@link Topics#from}). */
    public Map<String, String> appProperties() {
        Map<String, String> p = new TreeMap<>();
        p.put("topic.proxy", app.proxy());
        p.put("topic.mail", app.mail());
        p.put("topic.endpoint", app.endpoint());
        p.put("topic.reports", app.reports());
        p.put("topic.schools", app.schools());
        p.put("topic.directory", app.directory());
        p.put("topic.devices", app.devices());
        p.put("topic.exemptions", app.exemptions());
        p.put("topic.incidents", app.incidents());
        p.put("topic.alerts", app.alerts());
        p.put("topic.exempted", app.exempted());
        p.put("topic.late", app.late());
        p.put("topic.dead-letters", app.deadLetters());
        return p;
    }
}
