package org.trustwatch.pipeline.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.trustwatch.pipeline.PipelineException;

/**
 * Counts what topics hold, read from their start as a consumer sees them (read_committed: records of aborted
 * transactions do not count), and for dead-letter topics the first few reasons, each as {@code where: reason}.
 */
public final class TopicTally {

    /** What one topic holds. */
    public record Count(String topic, long records, List<String> firstReasons) {}

    private static final String SOURCE_FILE = "trustwatch.dlq.file";
    private static final String SOURCE_LINE = "trustwatch.dlq.line";
    private static final String REASON = "trustwatch.dlq.reason";
    private static final String FROM_TOPIC = "trustwatch.dlq.topic";
    private static final String FROM_PARTITION = "trustwatch.dlq.partition";
    private static final String FROM_OFFSET = "trustwatch.dlq.offset";
    private static final String CONNECT_REASON = "__connect.errors.exception.message";
    private static final String CONNECT_TOPIC = "__connect.errors.topic";
    private static final String CONNECT_PARTITION = "__connect.errors.partition";
    private static final String CONNECT_OFFSET = "__connect.errors.offset";

    private final Admin admin;
    private final String bootstrap;

    public TopicTally(Admin admin, String bootstrap) {
        this.admin = admin;
        this.bootstrap = bootstrap;
    }

    /**
     * @param reasons how many reasons to keep per topic (0 for event topics)
     * @return one count per topic, in the order given; a topic that does not exist counts 0
     */
    public List<Count> count(Collection<String> topics, int reasons) {
        Map<String, long[]> records = new LinkedHashMap<>();
        Map<String, List<String>> why = new LinkedHashMap<>();
        topics.forEach(t -> {
            records.put(t, new long[1]);
            why.put(t, new ArrayList<>());
        });
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(topics);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new PipelineException("Reading " + topics + " to count them took more than 5 minutes");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    records.get(record.topic())[0]++;
                    List<String> kept = why.get(record.topic());
                    if (kept.size() < reasons) {
                        kept.add(reason(record));
                    }
                }
            }
        }
        List<Count> counts = new ArrayList<>();
        records.forEach((topic, n) -> counts.add(new Count(topic, n[0], List.copyOf(why.get(topic)))));
        return counts;
    }

    /** {@code file:line: reason} for an agent's dead letter, {@code topic-partition@offset: reason} for the others. */
    static String reason(ConsumerRecord<byte[], byte[]> record) {
        String reason = header(record, REASON);
        if (reason != null) {
            String file = header(record, SOURCE_FILE);
            if (file != null) {
                return file + ":" + header(record, SOURCE_LINE) + ": " + reason;
            }
            return header(record, FROM_TOPIC) + "-" + header(record, FROM_PARTITION) + "@" + header(record, FROM_OFFSET)
                    + ": " + reason;
        }
        String connect = header(record, CONNECT_REASON);
        if (connect != null) {
            return header(record, CONNECT_TOPIC) + "-" + header(record, CONNECT_PARTITION) + "@"
                    + header(record, CONNECT_OFFSET) + ": " + connect;
        }
        return record.topic() + "-" + record.partition() + "@" + record.offset() + ": (no reason given)";
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private List<TopicPartition> partitions(Collection<String> topics) {
        try {
            var existing = admin.listTopics().names().get();
            List<String> present = topics.stream().filter(existing::contains).toList();
            List<TopicPartition> partitions = new ArrayList<>();
            for (var description :
                    admin.describeTopics(present).allTopicNames().get().values()) {
                description
                        .partitions()
                        .forEach(p -> partitions.add(new TopicPartition(description.name(), p.partition())));
            }
            return partitions;
        } catch (ExecutionException e) {
            throw new PipelineException("Cannot describe " + topics + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException("interrupted while describing topics", e);
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "trustwatch-tally-" + UUID.randomUUID(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        5000),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }
}
