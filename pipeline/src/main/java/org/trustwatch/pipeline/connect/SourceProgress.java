package org.trustwatch.pipeline.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.trustwatch.pipeline.PipelineException;

/**
 * How far the log source connectors have read, from the offsets Connect has committed for them. With exactly-once
 * delivery an offset is committed in the same transaction as the records before it, so an offset at a position means
 * everything the agent produced up to there is in its topics.
 *
 * <p>The offsets are read from the worker's offsets topic with one consumer that keeps its place, not through
 * {@code GET /connectors/NAME/offsets}: the worker answers that by reading the whole topic again, about a tenth of a
 * second of its CPU per call, and asking fifty agents twenty times a second took the cores the pipeline measures.
 */
public final class SourceProgress implements AutoCloseable {

    /** The worker's {@code offset.storage.topic}, as the stack and docker-compose configure it. */
    public static final String OFFSETS_TOPIC = "connect-offsets";

    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One connector tailing one file. */
    public record Reader(String connector, Path file) {}

    private final ConnectRest rest;
    private final PrintStream out;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;
    /** Connector -> file -> committed read position. */
    private final Map<String, Map<String, Long>> positions = new HashMap<>();
    /** Connectors restarted once after a failure. */
    private final Set<String> restarted = new HashSet<>();

    /** @param out where a restart of a failed agent is told */
    public SourceProgress(ConnectRest rest, String kafkaBootstrap, PrintStream out) {
        this.rest = rest;
        this.out = out;
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafkaBootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.CLIENT_ID_CONFIG,
                "trustwatch-source-progress");
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.partitions = consumer.partitionsFor(OFFSETS_TOPIC, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        if (partitions.isEmpty()) {
            consumer.close();
            throw new PipelineException("The Connect worker's offsets topic " + OFFSETS_TOPIC + " does not exist."
                    + "\nWhat to do: start the stack ('./trustwatch stack up'), whose worker creates it.");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * The committed read position of each reader in its file ({@code skip.until}: the end of the last line it made a
     * record of), as of now; 0 when nothing is committed yet.
     */
    public long[] committed(List<Reader> readers) {
        catchUp();
        long[] out = new long[readers.size()];
        for (int i = 0; i < out.length; i++) {
            Reader r = readers.get(i);
            out[i] = positions
                    .getOrDefault(r.connector(), Map.of())
                    .getOrDefault(r.file().toString(), 0L);
        }
        return out;
    }

    /** Reads the offsets topic up to its last committed record. */
    private void catchUp() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new PipelineException("Could not read the Connect worker's offsets topic " + OFFSETS_TOPIC
                        + " within " + CATCH_UP_LIMIT.toSeconds() + " s.\nWhat to do: check the broker"
                        + " ('./trustwatch stack status', './trustwatch stack logs kafka').");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                apply(record);
            }
        }
    }

    /** A record of the offsets topic: key {@code ["connector", {"file": ...}]}, value the offset (null: reset). */
    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return;
        }
        try {
            JsonNode key = JSON.readTree(record.key());
            String connector = key.path(0).asText(null);
            String file = key.path(1).path("file").asText(null);
            if (connector == null || file == null) {
                return; // another kind of source's offset
            }
            Map<String, Long> files = positions.computeIfAbsent(connector, c -> new HashMap<>());
            if (record.value() == null) {
                files.remove(file);
                return;
            }
            JsonNode offset = JSON.readTree(record.value());
            files.put(
                    file,
                    offset.has("skip.until")
                            ? offset.path("skip.until").asLong()
                            : offset.path("position").asLong());
        } catch (IOException e) {
            // not a log source's offset (another connector's format): not ours to follow
        }
    }

    /**
     * Why a connector does not read, if one of them failed: with the first line of its trace. A connector's first
     * failure is answered with one restart, not reported: Connect itself can fail an exactly-once task that starts
     * while other connectors are being created (a ConcurrentModificationException in its config snapshot, seen with
     * 50 agents created in a row), and a restarted task resumes from its committed offset, so nothing is read twice.
     */
    public Optional<String> failure(List<String> connectors) {
        for (String connector : connectors) {
            Optional<String> failed = rest.status(connector).flatMap(ConnectRest::failure);
            if (failed.isPresent()) {
                if (restarted.add(connector)) {
                    rest.restartFailed(connector, failed.get(), out);
                    continue;
                }
                return failed;
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
