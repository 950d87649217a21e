package org.trustwatch.pipeline.connect;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.trustwatch.ingest.LogFormat;
import org.trustwatch.pipeline.kafka.PipelineTopics;
import org.trustwatch.pipeline.workload.ManifestRow;

/**
 * The configurations the pipeline gives its connectors, as README.md recommends them: one source connector per log,
 * and one Elasticsearch sink for the incidents and the raw events.
 */
public final class ConnectorConfigs {

    static final String BYTE_ARRAY_CONVERTER = "org.apache.kafka.connect.converters.ByteArrayConverter";
    static final String SINK_CLASS = "org.trustwatch.connect.elastic.ElasticsearchSinkConnector";

    private ConnectorConfigs() {}

    /** The connector class that reads a format's family (class names, so no plugin class is loaded here). */
    static String sourceClass(LogFormat.Family family) {
        return switch (family) {
            case PROXY -> "org.trustwatch.connect.source.ProxyLogSourceConnector";
            case MAIL -> "org.trustwatch.connect.source.MailLogSourceConnector";
            case ENDPOINT, REPORTS -> "org.trustwatch.connect.source.EndpointLogSourceConnector";
        };
    }

    /**
     * The config to put for an agent that may already exist. An agent made before agents had offsets topics of their
     * own keeps the worker's shared one: Connect 4.3 did not find its position through the shared topic once it had
     * a topic of its own (seen: the demo's agents read their logs again from the start).
     */
    public static Map<String, String> forExisting(Map<String, String> wanted, Optional<Map<String, String>> existing) {
        if (existing.isEmpty() || existing.get().containsKey(OFFSETS_TOPIC)) {
            return wanted;
        }
        Map<String, String> kept = new LinkedHashMap<>(wanted);
        kept.remove(OFFSETS_TOPIC);
        return kept;
    }

    /** e.g. {@code samples-3fa2b1-02-w3c.offsets}: named after the agent, so a run's topics start with its id. */
    public static String offsetsTopic(String sourceName) {
        return sourceName + ".offsets";
    }

    /** e.g. {@code samples-3fa2b1-02-w3c}: the workload, the manifest row, the format. */
    public static String sourceName(String workloadId, ManifestRow row) {
        return String.format(
                Locale.ROOT,
                "%s-%02d-%s",
                workloadId,
                row.number() - 1,
                row.format().formatName());
    }

    /** The connector setting that gives an agent an offsets topic of its own. */
    public static final String OFFSETS_TOPIC = "offsets.storage.topic";

    /**
     * @param name the agent's connector name ({@link #sourceName}), which names its offsets topic
     * @param file the log the connector tails (the workload's, or the copy the replay grows)
     * @param categories web category list for proxy logs whose filter writes none
     */
    public static Map<String, String> source(
            String name,
            ManifestRow row,
            Path file,
            PipelineTopics topics,
            String registryUrl,
            Optional<Path> categories) {
        LogFormat.Family family = row.format().family();
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.class", sourceClass(family));
        c.put("tasks.max", "1");
        c.put("format", row.format().formatName());
        c.put("files", file.toString());
        c.put("topic", topics.events(family));
        c.put("dlq.topic", topics.deadLetters(family));
        if (row.schoolId() != null) {
            c.put("school.id", row.schoolId());
        }
        if (family == LogFormat.Family.PROXY) {
            categories.ifPresent(path -> c.put("categories.path", path.toString()));
        }
        c.put("schema.registry.url", registryUrl);
        c.put("key.converter", BYTE_ARRAY_CONVERTER);
        c.put("value.converter", BYTE_ARRAY_CONVERTER);
        c.put("exactly.once.support", "required");
        // One transaction per half second, not one per poll: a poll of a log that grows brings a few dozen lines,
        // and 50 agents each committing ten transactions a second kept the worker and the broker busy with
        // transaction markers and offset writes. Records become readable (read_committed) at most 0.5 s later.
        c.put("transaction.boundary", "interval");
        c.put("transaction.boundary.interval.ms", "500");
        // An offsets topic of its own. An exactly-once agent and its task each follow their offsets topic; on the
        // worker's shared one, every agent read every other agent's offsets (with 50 agents, 121 readers took 29 %
        // of the worker's CPU). The worker still copies each offset to its shared topic, where the replay follows them.
        c.put(OFFSETS_TOPIC, offsetsTopic(name));
        // a log that grows is read within a tenth of a second: the replay waits for every slice to be read
        c.put("poll.interval.ms", "100");
        c.put("producer.override.linger.ms", "20");
        c.put("producer.override.batch.size", "524288");
        c.put("producer.override.compression.type", "lz4");
        c.put("batch.max.lines", "20000");
        return c;
    }

    /** The sink for incidents and every event topic, with Elasticsearch's refusals on the sink's dead-letter topic. */
    public static Map<String, String> sink(PipelineTopics topics, String elasticsearchUrl, String registryUrl) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("connector.class", SINK_CLASS);
        c.put("tasks.max", "1");
        c.put("topics", topics.app().incidents() + "," + String.join(",", topics.eventTopics()));
        c.put("incidents.topic", topics.app().incidents());
        c.put("elasticsearch.urls", elasticsearchUrl);
        c.put("schema.registry.url", registryUrl);
        c.put("key.converter", BYTE_ARRAY_CONVERTER);
        c.put("value.converter", BYTE_ARRAY_CONVERTER);
        c.put("errors.tolerance", "all");
        c.put("errors.deadletterqueue.topic.name", topics.sinkDeadLetters());
        c.put("errors.deadletterqueue.context.headers.enable", "true");
        // the incidents and events are written in transactions: an aborted one must never reach the index
        c.put("consumer.override.isolation.level", "read_committed");
        return c;
    }

    /** e.g. {@code trustwatch-es-sink}, or with a run's topic prefix {@code e2e-1a2b.trustwatch-es-sink}. */
    public static String sinkName(PipelineTopics topics) {
        return topics.prefix() + "trustwatch-es-sink";
    }
}
