package org.trustwatch.ingest.reference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.trustwatch.schema.DeviceRecord;
import org.trustwatch.schema.DirectoryEntry;
import org.trustwatch.schema.Exemption;
import org.trustwatch.schema.School;
import org.trustwatch.schema.serde.RegistrySerdes;

/**
 * Makes the compacted reference topics hold exactly what the files say: every row is written under its id, and an id
 * the topic has but the files no longer have (a leaver, a disposed laptop) gets a tombstone.
 */
public final class ReferencePublisher {

    public static final String SCHOOLS_TOPIC = "reference.schools";
    public static final String DIRECTORY_TOPIC = "reference.directory";
    public static final String DEVICES_TOPIC = "reference.devices";
    public static final String EXEMPTIONS_TOPIC = "reference.exemptions";

    /** What one topic received. */
    public record Outcome(String topic, int written, int removed) {}

    /** The four topics written (architecture.md's names unless a run needs its own, as the benchmarks do). */
    public record Topics(String schools, String directory, String devices, String exemptions) {
        public static final Topics DEFAULTS =
                new Topics(SCHOOLS_TOPIC, DIRECTORY_TOPIC, DEVICES_TOPIC, EXEMPTIONS_TOPIC);
    }

    private final String bootstrap;
    private final String registryUrl;
    private final Topics topics;

    public ReferencePublisher(String bootstrap, String registryUrl) {
        this(bootstrap, registryUrl, Topics.DEFAULTS);
    }

    public ReferencePublisher(String bootstrap, String registryUrl, Topics topics) {
        this.bootstrap = bootstrap;
        this.registryUrl = registryUrl;
        this.topics = topics;
    }

    public List<Outcome> publish(ReferenceData data) throws ExecutionException, InterruptedException {
        createCompactedTopics(List.of(topics.schools(), topics.directory(), topics.devices(), topics.exemptions()));
        List<Outcome> outcomes = new ArrayList<>();
        try (Serde<SpecificRecord> serde = RegistrySerdes.valueSerde(registryUrl);
                KafkaProducer<String, byte[]> producer = producer()) {
            outcomes.add(replace(producer, serde, topics.schools(), data.schools(), School::getSchoolId));
            outcomes.add(replace(producer, serde, topics.directory(), data.directory(), DirectoryEntry::getUserId));
            outcomes.add(replace(producer, serde, topics.devices(), data.devices(), DeviceRecord::getDeviceId));
            outcomes.add(replace(producer, serde, topics.exemptions(), data.exemptions(), Exemption::getExemptionId));
            producer.flush();
        }
        return outcomes;
    }

    private <T extends SpecificRecord> Outcome replace(
            KafkaProducer<String, byte[]> producer,
            Serde<SpecificRecord> serde,
            String topic,
            List<T> records,
            Function<T, String> id) {
        Set<String> stale = liveKeys(topic);
        for (T record : records) {
            String key = id.apply(record);
            stale.remove(key);
            producer.send(new ProducerRecord<>(topic, key, serde.serializer().serialize(topic, record)));
        }
        for (String key : stale) {
            producer.send(new ProducerRecord<>(topic, key, null));
        }
        return new Outcome(topic, records.size(), stale.size());
    }

    /** The keys whose latest record in the topic is not a tombstone. */
    private Set<String> liveKeys(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "trustwatch-reference-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        Map<String, Boolean> live = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    live.put(record.key(), record.value() != null);
                }
            }
        }
        Set<String> keys = new HashSet<>();
        live.forEach((key, alive) -> {
            if (alive) {
                keys.add(key);
            }
        });
        return keys;
    }

    private void createCompactedTopics(List<String> topics) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, 1, (short) -1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))
                    .toList();
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }
}
