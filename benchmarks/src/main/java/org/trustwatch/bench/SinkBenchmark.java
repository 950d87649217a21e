package org.trustwatch.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.trustwatch.elastic.client.ElasticClients;
import org.trustwatch.elastic.client.ElasticConnection;
import org.trustwatch.elastic.client.ElasticHandle;
import org.trustwatch.elastic.document.Incidents;
import org.trustwatch.elastic.index.EventSource;
import org.trustwatch.elastic.index.IndexNames;
import org.trustwatch.pipeline.connect.ConnectRest;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.WebAction;
import org.trustwatch.schema.serde.RegistrySerdes;
import org.trustwatch.stack.LocalStack;
import org.trustwatch.stack.StackSettings;

/**
 * {@code trustwatch bench-sink [--docs N]}: how fast the Elasticsearch sink indexes records already waiting in Kafka
 * (nine raw proxy events to one new incident) into the running stack's node, from connector creation until every
 * document is searchable. The events go to a month of their own, whose index is deleted afterwards, and the
 * incidents are deleted by id, so a run leaves nothing behind.
 */
public final class SinkBenchmark {

    /** A month no real event is in, so the run's index can be deleted as a whole. */
    private static final Instant EVENT_TIME = Instant.parse("2000-01-15T10:00:00Z");

    private SinkBenchmark() {}

    public static void main(String[] args) throws Exception {
        int docs = 200_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--docs")) {
                docs = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        StackSettings stack = StackSettings.of(Path.of(System.getProperty("trustwatch.home", ".")), System.getenv());
        if (!new LocalStack(stack, System.out).printStatus()) {
            System.err.println("the stack is not healthy: run ./trustwatch stack up first");
            System.exit(1);
        }
        String run = "bench-sink-" + UUID.randomUUID().toString().substring(0, 8);
        int incidents = docs / 10;
        int events = docs - incidents;
        preload(stack, run, events, incidents);

        try (ElasticHandle elastic = ElasticClients.open(ElasticConnection.plain(stack.elasticsearchUrl()))) {
            ElasticsearchClient client = elastic.client();
            long start = System.nanoTime();
            putConnector(stack, run);
            awaitDocuments(client, run, events, incidents);
            double seconds = (System.nanoTime() - start) / 1e9;
            new ConnectRest(stack.connectUrl()).delete(run);
            cleanUp(client, run, incidents);
            System.out.printf(
                    "Elasticsearch sink, %,d documents (%,d proxy events, %,d incidents) from Kafka into the local node:"
                            + " %,.0f documents/s from connector start to the last document searchable (%.1f s); %s%n",
                    docs, events, incidents, docs / seconds, seconds, ParseBenchmark.machine());
        }
    }

    private static void preload(StackSettings stack, String run, int events, int incidents) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            admin.createTopics(List.of(
                            new NewTopic(run + ".events", 1, (short) 1),
                            new NewTopic(run + ".incidents", 1, (short) 1),
                            new NewTopic(run + ".dlq", 1, (short) 1)))
                    .all()
                    .get();
        }
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrap(),
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                ProducerConfig.BATCH_SIZE_CONFIG,
                524_288);
        try (KafkaProducer<byte[], byte[]> producer =
                        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
                Serde<SpecificRecord> serde = RegistrySerdes.valueSerde(stack.registryUrl())) {
            for (int i = 0; i < events; i++) {
                send(producer, serde, run + ".events", event(run, i));
            }
            for (int i = 0; i < incidents; i++) {
                send(producer, serde, run + ".incidents", Incidents.version(run + "-" + i, 1));
            }
            producer.flush();
        }
    }

    private static void send(
            KafkaProducer<byte[], byte[]> producer, Serde<SpecificRecord> serde, String topic, SpecificRecord value) {
        producer.send(new ProducerRecord<>(topic, serde.serializer().serialize(topic, value)));
    }

    private static ProxyEvent event(String run, int i) {
        return ProxyEvent.newBuilder()
                .setTimestamp(EVENT_TIME.plusMillis(i))
                .setEventIngested(EVENT_TIME.plusMillis(i + 500))
                .setEventDataset("squid.access")
                .setLogFilePath("/var/log/squid/access.log")
                .setLogLine((long) i + 1)
                .setEventHash(run + "-" + i)
                .setSourceIp("10.20." + (i / 250 % 250) + "." + (i % 250))
                .setUserName("user" + (i % 500))
                .setHttpRequestMethod("GET")
                .setUrlScheme("https")
                .setUrlDomain("www.bbc.co.uk")
                .setUrlPath("/news/item" + i)
                .setHttpResponseStatusCode(200)
                .setHttpResponseBytes(5120L)
                .setWebAction(WebAction.allowed)
                .setWebCategory("news")
                .build();
    }

    private static void putConnector(StackSettings stack, String run) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "org.trustwatch.connect.elastic.ElasticsearchSinkConnector");
        config.put("tasks.max", "1");
        config.put("topics", run + ".events," + run + ".incidents");
        config.put("incidents.topic", run + ".incidents");
        config.put("elasticsearch.urls", stack.elasticsearchUrl());
        config.put("schema.registry.url", stack.registryUrl());
        config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", run + ".dlq");
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("consumer.override.max.poll.records", "2000");
        new ConnectRest(stack.connectUrl()).put(run, config);
    }

    private static void awaitDocuments(ElasticsearchClient client, String run, int events, int incidents)
            throws Exception {
        String eventsIndex = IndexNames.eventsIndex(EventSource.PROXY, EVENT_TIME);
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        long found = 0;
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            try {
                client.indices().refresh(r -> r.index(eventsIndex, IndexNames.INCIDENTS_ALIAS));
                found = client.count(c -> c.index(eventsIndex)).count()
                        + client.count(c -> c.index(IndexNames.INCIDENTS_ALIAS)
                                        .query(q -> q.prefix(
                                                p -> p.field("incident.id").value(run + "-"))))
                                .count();
            } catch (Exception e) {
                continue; // the events index does not exist until the first event is written
            }
            if (found >= events + incidents) {
                return;
            }
        }
        throw new IllegalStateException("only " + found + " of " + (events + incidents) + " documents in 15 minutes");
    }

    private static void cleanUp(ElasticsearchClient client, String run, int incidents) throws Exception {
        client.indices().delete(d -> d.index(IndexNames.eventsIndex(EventSource.PROXY, EVENT_TIME)));
        List<BulkOperation> deletes = new ArrayList<>();
        for (int i = 0; i < incidents; i++) {
            String id = run + "-" + i;
            deletes.add(BulkOperation.of(
                    op -> op.delete(d -> d.index(IndexNames.INCIDENTS_ALIAS).id(id))));
            if (deletes.size() == 5000 || i == incidents - 1) {
                client.bulk(b -> b.operations(deletes));
                deletes.clear();
            }
        }
    }
}
