package org.trustwatch.pipeline.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.trustwatch.pipeline.PipelineException;

/**
 * How many committed records a consumer group has not yet committed as processed.
 *
 * <p>Not simply the end offset minus the group's offset: the topics are written in transactions, whose commit markers
 * take offsets too, and a Connect sink commits the offset after its last record, which stops short of the marker that
 * follows it. So when the gap is small the records in it are counted (read_committed, markers and aborted records
 * skip themselves); a large gap is reported as it is, since it is a lag either way.
 */
public final class GroupLag implements AutoCloseable {

    private static final long COUNT_UP_TO = 10_000;

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;

    public GroupLag(Admin admin, String bootstrap) {
        this.admin = admin;
        this.reader = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "trustwatch-lag-" + UUID.randomUUID(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    /** Records of these topics (all partitions) after the group's committed offsets; uncommitted means from the start. */
    public long behind(String group, Collection<String> topics) {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (var description :
                    admin.describeTopics(topics).allTopicNames().get().values()) {
                description
                        .partitions()
                        .forEach(p -> partitions.add(new TopicPartition(description.name(), p.partition())));
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, Long> start = reader.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions);
            long behind = 0;
            Map<TopicPartition, long[]> toCount = new java.util.HashMap<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata at = committed.get(partition);
                long from = Math.max(start.get(partition), at == null ? 0 : at.offset());
                long to = end.get(partition);
                if (to - from > COUNT_UP_TO) {
                    behind += to - from;
                } else if (to > from) {
                    toCount.put(partition, new long[] {from, to});
                }
            }
            return behind + count(partitions, toCount);
        } catch (ExecutionException e) {
            throw new PipelineException(
                    "Cannot read the progress of consumer group " + group + " on " + topics + ": " + e.getCause()
                            + ". Check that the broker is up ('./trustwatch stack status').",
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException("interrupted while reading consumer group " + group, e);
        }
    }

    /** Topics whose name starts with the prefix and ends with the suffix, e.g. an app's repartition topics. */
    public Set<String> topicsLike(String prefix, String suffix) {
        try {
            return admin.listTopics().names().get().stream()
                    .filter(name -> name.startsWith(prefix) && name.endsWith(suffix))
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        } catch (ExecutionException e) {
            throw new PipelineException("Cannot list topics: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException("interrupted while listing topics", e);
        }
    }

    /**
     * Counts the records in each range, reading only those partitions. The reader keeps its assignment (changing it
     * on every call makes the client warn about offsets of partitions it no longer has); the others stay paused.
     */
    private long count(List<TopicPartition> partitions, Map<TopicPartition, long[]> ranges) {
        if (ranges.isEmpty()) {
            return 0;
        }
        if (!reader.assignment().equals(new java.util.HashSet<>(partitions))) {
            reader.assign(partitions);
        }
        reader.pause(partitions);
        ranges.forEach((partition, range) -> reader.seek(partition, range[0]));
        reader.resume(ranges.keySet());
        long records = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ranges.entrySet().stream().anyMatch(r -> reader.position(r.getKey()) < r.getValue()[1])
                && System.nanoTime() < deadline) {
            for (var record : reader.poll(Duration.ofMillis(200))) {
                long[] range = ranges.get(new TopicPartition(record.topic(), record.partition()));
                if (range != null && record.offset() < range[1]) {
                    records++;
                }
            }
        }
        reader.pause(ranges.keySet());
        return records;
    }

    @Override
    public void close() {
        reader.close();
    }
}
