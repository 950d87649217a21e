package org.trustwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trustwatch.schema.Alert;
import org.trustwatch.schema.DeviceRecord;
import org.trustwatch.schema.DirectoryEntry;
import org.trustwatch.schema.EndpointEvent;
import org.trustwatch.schema.Exemption;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentReport;
import org.trustwatch.schema.MailEvent;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.School;
import org.trustwatch.schema.serde.RegistrySerdes;
import org.trustwatch.stack.StackSettings;

/**
 * Every record type goes through the real registry and broker in the Confluent wire format, and a Confluent-style
 * reader (the registry's ccompat API) can find the schema the bytes point at.
 */
class SchemaRoundTripIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static StackSettings stack;

    static Stream<Class<? extends SpecificRecord>> recordTypes() {
        return Stream.of(
                ProxyEvent.class,
                MailEvent.class,
                EndpointEvent.class,
                IncidentReport.class,
                DirectoryEntry.class,
                DeviceRecord.class,
                Exemption.class,
                School.class,
                Incident.class,
                Alert.class);
    }

    @BeforeAll
    static void startStack() throws Exception {
        stack = TestStack.get().settings();
        List<NewTopic> topics = new ArrayList<>();
        recordTypes().forEach(type -> topics.add(new NewTopic(topicFor(type), 1, (short) 1)));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            Set<String> existing = admin.listTopics().names().get();
            admin.createTopics(topics.stream()
                            .filter(t -> !existing.contains(t.name()))
                            .toList())
                    .all()
                    .get();
        }
    }

    @ParameterizedTest
    @MethodSource("recordTypes")
    <T extends SpecificRecord> void recordSurvivesTheRoundTripInConfluentWireFormat(Class<T> type) throws Exception {
        String topic = topicFor(type);
        T sent = SampleRecords.of(type);

        try (Serde<T> serde = RegistrySerdes.valueSerde(stack.registryUrl());
                KafkaProducer<String, byte[]> producer = producer()) {
            byte[] payload = serde.serializer().serialize(topic, sent);
            producer.send(new ProducerRecord<>(topic, "key-1", payload)).get();

            ConsumerRecord<byte[], byte[]> received = readOne(topic);
            ByteBuffer wire = ByteBuffer.wrap(received.value());
            assertEquals(0, wire.get(), "magic byte of the Confluent wire format");
            int schemaId = wire.getInt();

            JsonNode registered = getJson("/apis/ccompat/v7/schemas/ids/" + schemaId);
            Schema fromRegistry =
                    new Schema.Parser().parse(registered.get("schema").asText());
            assertEquals(SpecificData.get().getSchema(type), fromRegistry, "schema the id points at");

            T read = serde.deserializer().deserialize(topic, received.value());
            assertEquals(sent, read);
        }

        Set<String> subjects = new HashSet<>();
        getJson("/apis/ccompat/v7/subjects").forEach(subject -> subjects.add(subject.asText()));
        assertTrue(subjects.contains(topic + "-value"), "subjects listed by the ccompat API: " + subjects);
    }

    private static String topicFor(Class<?> type) {
        return "it.roundtrip." + type.getSimpleName();
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()),
                new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer());
    }

    private static ConsumerRecord<byte[], byte[]> readOne(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    return record;
                }
            }
        }
        throw new AssertionError("nothing arrived on " + topic + " within 30 s");
    }

    private static JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.registryUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + " answered " + response.body());
        return JSON.readTree(response.body());
    }
}
