package org.trustwatch.streams.topology;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a stretch of the proxy topic with a consumer of its own (no group, nothing committed, read_committed), up to
 * the offset the stage has reached (never past the last stable offset). A request read back and also held by the stage
 * is one event to the rules, which drop a second signal of the same event.
 */
final class KafkaRequestLookback implements RequestLookback {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRequestLookback.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> consumerConfig;
    private final String topic;
    private final Deserializer<ProxyRequest> requests;
    private final Duration timeout;

    /**
     * @param bootstrap the broker the app reads from
     * @param topic the proxy topic
     */
    KafkaRequestLookback(String bootstrap, String topic, Deserializer<ProxyRequest> requests) {
        this(bootstrap, topic, requests, TIMEOUT);
    }

    /**
     * @param timeout how long one read back may take in all: it runs on the stream thread, which must not hang on a
     *     broker that went away
     */
    KafkaRequestLookback(String bootstrap, String topic, Deserializer<ProxyRequest> requests, Duration timeout) {
        this.topic = topic;
        this.requests = requests;
        this.timeout = timeout;
        this.consumerConfig = new HashMap<>();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        consumerConfig.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    }

    @Override
    public void replay(int partition, long fromOffset, long untilOffset, BiConsumer<String, ProxyRequest> each) {
        TopicPartition tp = new TopicPartition(topic, partition);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(tp));
            // read_committed: the last stable offset, which the stage's position cannot be past
            long end = Math.min(untilOffset, consumer.endOffsets(List.of(tp)).get(tp));
            consumer.seek(
                    tp,
                    Math.max(fromOffset, consumer.beginningOffsets(List.of(tp)).get(tp)));
            while (consumer.position(tp) < end) {
                if (System.nanoTime() > deadline) {
                    LOG.warn(
                            "read back of {} stopped after {} at offset {} of {}: requests of a lost device passed"
                                    + " before its report may not count as its use",
                            tp,
                            timeout,
                            consumer.position(tp),
                            end);
                    return;
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() >= end) {
                        return;
                    }
                    if (r.value() == null) {
                        continue;
                    }
                    ProxyRequest request;
                    try {
                        request = requests.deserialize(topic, r.value());
                    } catch (SerializationException e) {
                        continue; // the app's own pass sent it to the dead-letter topic with the reason
                    }
                    each.accept(r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8), request);
                }
            }
        } catch (KafkaException e) {
            // The stream thread goes on: the loss itself is recorded, only the use read back is missing.
            LOG.warn(
                    "could not read back {} from offset {}: {}; requests of a lost device passed before its report"
                            + " may not count as its use",
                    tp,
                    fromOffset,
                    e.toString());
        }
    }
}
