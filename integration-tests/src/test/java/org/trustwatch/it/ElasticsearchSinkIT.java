package org.trustwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.trustwatch.elastic.client.ElasticClients;
import org.trustwatch.elastic.client.ElasticConnection;
import org.trustwatch.elastic.client.ElasticHandle;
import org.trustwatch.elastic.document.Incidents;
import org.trustwatch.elastic.index.IndexNames;
import org.trustwatch.pipeline.connect.ConnectRest;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.WebAction;
import org.trustwatch.schema.serde.RegistrySerdes;
import org.trustwatch.stack.ElasticsearchNode;
import org.trustwatch.stack.LocalStack;
import org.trustwatch.stack.StackSettings;

/**
 * The Elasticsearch sink in the stack's Connect worker, writing to the stack's node: incidents once each, a replay
 * that changes nothing (people's fields included), an outage that loses and duplicates nothing, and a document the
 * node refuses in the dead-letter queue while the task carries on. Each test has its own topics, connector and ids.
 */
class ElasticsearchSinkIT {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Instant EVENT_TIME = Instant.parse("2026-11-23T10:00:00Z");

    private static StackSettings stack;
    private static ConnectRest connect;
    private static ElasticHandle elastic;
    private static ElasticsearchClient client;
    private static KafkaProducer<byte[], byte[]> producer;
    private static Serde<SpecificRecord> serde;

    private String name;
    private String incidentsTopic;
    private String eventsTopic;
    private String dlqTopic;
    private final List<String> connectors = new ArrayList<>();

    @BeforeAll
    static void connect() {
        stack = TestStack.get().settings();
        connect = new ConnectRest(stack.connectUrl());
        elastic = ElasticClients.open(ElasticConnection.plain(stack.elasticsearchUrl()));
        client = elastic.client();
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.kafkaBootstrap(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new ByteArraySerializer(),
                new ByteArraySerializer());
        serde = RegistrySerdes.valueSerde(stack.registryUrl());
    }

    @AfterAll
    static void close() throws Exception {
        producer.close();
        serde.close();
        elastic.close();
    }

    @BeforeEach
    void topics(TestInfo test) throws Exception {
        name = "it-sink-" + test.getTestMethod().orElseThrow().getName().toLowerCase();
        incidentsTopic = name + ".incidents";
        eventsTopic = name + ".events";
        dlqTopic = name + ".dlq";
        TopicReader.create(stack.kafkaBootstrap(), incidentsTopic, eventsTopic, dlqTopic);
    }

    @AfterEach
    void removeConnectors() throws Exception {
        for (String connector : connectors) {
            connect.delete(connector);
        }
    }

    @Test
    void incidentsAppearOnceAndAReplayChangesNothingAPersonWrote() throws Exception {
        List<String> ids = List.of(name + "-a", name + "-b", name + "-c");
        for (long version = 1; version <= 3; version++) {
            for (String id : ids) {
                send(incidentsTopic, id, Incidents.version(id, version));
            }
        }
        for (int i = 1; i <= 20; i++) {
            send(eventsTopic, null, event(i, "10.20.1." + i));
        }
        String first = start("first");
        await(
                "3 incidents at version 3 and 20 events",
                () -> versions(ids).equals(Map.of(ids.get(0), 3L, ids.get(1), 3L, ids.get(2), 3L))
                        && countEvents() == 20);
        assertEquals(3, countIncidents(), "one document per incident id");

        // a person triages incident a through the console
        client.update(
                u -> u.index(IndexNames.INCIDENTS_ALIAS)
                        .id(ids.get(0))
                        .withJson(
                                new StringReader(
                                        "{\"doc\":{\"triage\":{\"status\":\"investigating\","
                                                + "\"notes\":[{\"at\":\"2026-11-23T11:00:00Z\",\"by\":\"dpo\",\"text\":\"rang the school\"}]}}}")),
                ObjectNode.class);
        Map<String, GetResponse<ObjectNode>> before = documents(ids);

        connect.delete(first);
        String replay = start("replay");
        awaitCommittedToEnd(replay);

        Map<String, GetResponse<ObjectNode>> after = documents(ids);
        for (String id : ids) {
            assertEquals(before.get(id).source(), after.get(id).source(), id + " unchanged by the replay");
            assertEquals(before.get(id).seqNo(), after.get(id).seqNo(), id + " not even rewritten");
        }
        assertEquals(
                "investigating",
                after.get(ids.get(0)).source().at("/triage/status").asText());
        assertEquals(20, countEvents(), "events once each after the replay");

        // a later change of the incident updates the machine fields and keeps the person's
        send(incidentsTopic, ids.get(0), Incidents.version(ids.get(0), 4));
        await("version 4 of incident a", () -> versions(List.of(ids.get(0))).get(ids.get(0)) == 4L);
        ObjectNode updated = documents(List.of(ids.get(0))).get(ids.get(0)).source();
        assertEquals(4, updated.at("/incident/event_count").asLong());
        assertEquals(before.get(ids.get(0)).source().get("triage"), updated.get("triage"));
    }

    @Test
    void nothingIsLostOrDuplicatedWhileElasticsearchIsDownForAMinute() throws Exception {
        String incident = name + "-d";
        for (int i = 1; i <= 50; i++) {
            send(eventsTopic, null, event(i, "10.30.0." + (i % 250)));
        }
        send(incidentsTopic, incident, Incidents.version(incident, 1));
        start("outage");
        await("the first 50 events", () -> countEvents() == 50);

        LocalStack local = TestStack.get();
        local.server(ElasticsearchNode.NAME).orElseThrow().stop();
        long down = System.nanoTime();
        int sent = 50;
        long version = 1;
        while (System.nanoTime() - down < Duration.ofSeconds(60).toNanos()) {
            for (int i = 0; i < 10; i++) {
                sent++;
                send(eventsTopic, null, event(sent, "10.30.1." + (sent % 250)));
            }
            send(incidentsTopic, incident, Incidents.version(incident, ++version));
            Thread.sleep(2_000);
        }
        local.up(false);

        int expected = sent;
        long lastVersion = version;
        await(
                expected + " events and the last incident version",
                () -> countEvents() == expected && versions(List.of(incident)).get(incident) == lastVersion);
        List<Hit<ObjectNode>> hits = client.search(
                        s -> s.index(IndexNames.eventsAlias(org.trustwatch.elastic.index.EventSource.PROXY))
                                .query(q -> q.prefix(p -> p.field("event.hash").value(name + "-")))
                                .version(true)
                                .size(10_000),
                        ObjectNode.class)
                .hits()
                .hits();
        assertEquals(expected, hits.size());
        assertTrue(hits.stream().allMatch(hit -> hit.version() == 1L), "every event written once, none rewritten");
        connect.awaitRunning(connectors.get(0));
    }

    @Test
    void aDocumentElasticsearchRefusesGoesToTheDeadLetterQueueAndTheTaskCarriesOn() throws Exception {
        send(eventsTopic, null, event(1, "10.40.0.1"));
        send(eventsTopic, null, event(2, "not-an-address"));
        send(eventsTopic, null, event(3, "10.40.0.3"));
        String connector = start("dlq");

        await("the two good events", () -> countEvents() == 2);
        List<ConsumerRecord<byte[], byte[]>> dead =
                TopicReader.readAll(stack.kafkaBootstrap(), dlqTopic, 1, Duration.ofSeconds(3));
        assertEquals(1, dead.size(), "dead letters");
        String reason = header(dead.get(0), "__connect.errors.exception.message");
        assertTrue(reason.contains("document_parsing_exception"), reason);
        assertTrue(reason.contains("source.ip"), reason);
        assertEquals(
                name + "-2",
                ((ProxyEvent) serde.deserializer()
                                .deserialize(eventsTopic, dead.get(0).value()))
                        .getEventHash());

        send(eventsTopic, null, event(4, "10.40.0.4"));
        await("a later event", () -> countEvents() == 3);
        connect.awaitRunning(connector);
    }

    private String start(String suffix) throws Exception {
        String connector = name + "-" + suffix;
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "org.trustwatch.connect.elastic.ElasticsearchSinkConnector");
        config.put("tasks.max", "1");
        config.put("topics", incidentsTopic + "," + eventsTopic);
        config.put("incidents.topic", incidentsTopic);
        config.put("elasticsearch.urls", stack.elasticsearchUrl());
        config.put("schema.registry.url", stack.registryUrl());
        config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("flush.interval.ms", "200");
        config.put("retry.backoff.max.ms", "2000");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", dlqTopic);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        connect.put(connector, config);
        connectors.add(connector);
        connect.awaitRunning(connector);
        return connector;
    }

    private void send(String topic, String key, SpecificRecord value) throws Exception {
        producer.send(new ProducerRecord<>(
                        topic,
                        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                        serde.serializer().serialize(topic, value)))
                .get();
    }

    private ProxyEvent event(int i, String sourceIp) {
        return ProxyEvent.newBuilder()
                .setTimestamp(EVENT_TIME.plusSeconds(i))
                .setEventIngested(EVENT_TIME.plusSeconds(i + 1))
                .setEventDataset("squid.access")
                .setEventHash(name + "-" + i)
                .setSourceIp(sourceIp)
                .setUrlDomain("www.bbc.co.uk")
                .setWebAction(WebAction.allowed)
                .build();
    }

    private long countEvents() throws Exception {
        client.indices().refresh(r -> r.index(IndexNames.EVENTS_ALIAS));
        return client.count(c -> c.index(IndexNames.EVENTS_ALIAS)
                        .query(q -> q.prefix(p -> p.field("event.hash").value(name + "-"))))
                .count();
    }

    private long countIncidents() throws Exception {
        client.indices().refresh(r -> r.index(IndexNames.INCIDENTS_ALIAS));
        return client.count(c -> c.index(IndexNames.INCIDENTS_ALIAS)
                        .query(q -> q.prefix(p -> p.field("incident.id").value(name + "-"))))
                .count();
    }

    /** The stored version of each incident that is there. */
    private Map<String, Long> versions(List<String> ids) throws Exception {
        Map<String, Long> versions = new HashMap<>();
        documents(ids).forEach((id, doc) -> {
            if (doc.found()) {
                versions.put(id, doc.source().at("/incident/version").asLong());
            }
        });
        return versions;
    }

    private Map<String, GetResponse<ObjectNode>> documents(List<String> ids) throws Exception {
        Map<String, GetResponse<ObjectNode>> documents = new HashMap<>();
        for (String id : ids) {
            documents.put(
                    id, client.get(g -> g.index(IndexNames.INCIDENTS_ALIAS).id(id), ObjectNode.class));
        }
        return documents;
    }

    /** Waits until the connector's consumer group has committed every record of its topics. */
    private void awaitCommittedToEnd(String connector) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            Map<TopicPartition, OffsetSpec> ends = Map.of(
                    new TopicPartition(incidentsTopic, 0), OffsetSpec.latest(),
                    new TopicPartition(eventsTopic, 0), OffsetSpec.latest());
            var endOffsets = admin.listOffsets(ends).all().get();
            await("the replay committed to the end of its topics", () -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                                "connect-" + connector)
                        .partitionsToOffsetAndMetadata()
                        .get();
                return endOffsets.entrySet().stream()
                        .allMatch(end -> committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset()
                                        >= end.getValue().offset());
            });
        }
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (Exception e) {
                last = e; // e.g. the node is still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("waited " + PATIENCE.toMinutes() + " min for " + what, last);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
