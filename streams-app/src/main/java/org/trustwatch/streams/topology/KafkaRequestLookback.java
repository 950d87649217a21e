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
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a stretch of the proxy topic with a consumer of its own (no group, nothing committed), up to the last
 * committed request at the time of the call. Requests the stage has not reached yet are read too: the rules drop a
 * second signal of the same event, so reading a little too far changes nothing.
 */
final class KafkaRequestLookback implements RequestLookback {

    private final Map<String, Object> consumerConfig;
    private final String topic;
    private final Deserializer<ProxyRequest> requests;

    /**
     * @param bootstrap the broker the app reads from
     * @param topic the proxy topic
     */
    KafkaRequestLookback(String bootstrap, String topic, Deserializer<ProxyRequest> requests) {
        this.topic = topic;
        this.requests = requests;
        this.consumerConfig = new HashMap<>();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    }

    static RequestLookback of(String bootstrap, String topic, ExternalSerdes serdes) {
        return new KafkaRequestLookback(
                bootstrap, topic, ProxyRequest.serde(serdes).deserializer());
    }

    @Override
    public void replay(int partition, long fromOffset, BiConsumer<String, ProxyRequest> each) {
        TopicPartition tp = new TopicPartition(topic, partition);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp); // read_committed: the last stable offset
            consumer.seek(
                    tp,
                    Math.max(fromOffset, consumer.beginningOffsets(List.of(tp)).get(tp)));
            while (consumer.position(tp) < end) {
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
        }
    }
}
