package org.trustwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustwatch.ingest.Problems;
import org.trustwatch.ingest.reference.ReferenceData;
import org.trustwatch.ingest.reference.ReferencePublisher;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.serde.RegistrySerdes;
import org.trustwatch.stack.StackSettings;
import org.trustwatch.streams.app.CorrelationApp;
import org.trustwatch.streams.cli.OfflineRun;
import org.trustwatch.streams.settings.Settings;
import org.trustwatch.streams.topology.Topics;

/**
 * On the real broker, a loss report that reaches the address stage after a web request it precedes in event time: the
 * stage has already passed the request (no rule needed it, no device was lost), and reads it back from the proxy topic
 * when the report comes, so the stolen laptop is "in use" as the offline run in time order says.
 */
class LostDeviceReadBackIT {

    @TempDir
    Path dir;

    @Test
    void aRequestPassedBeforeTheLossReportIsReadBackAsUseOfTheLaptop() throws Exception {
        StackSettings stack = TestStack.get().settings();
        Path samples = TestStack.home().resolve("samples");
        ReferenceData reference = ReferenceData.read(samples.resolve("reference"), new Problems());
        new ReferencePublisher(stack.kafkaBootstrap(), stack.registryUrl()).publish(reference);
        // Yesterday at 10:00 UTC: all three events fall in one day, the incidents' suppression window. (Three hours
        // before now put the report and the request in two windows, two incidents, when run just after midnight.)
        Instant logon = Instant.now()
                .truncatedTo(ChronoUnit.DAYS)
                .minus(Duration.ofDays(1))
                .plus(Duration.ofHours(10));
        Instant stolen = logon.plus(Duration.ofMinutes(30));
        Instant request = logon.plus(Duration.ofMinutes(60));
        // WOH-LT-0003 (staylor's laptop) logs on, is reported stolen half an hour later, and half an hour after that
        // an anonymous request comes from its address: a request no rule needs, which the stage drops unless the
        // laptop is known to be lost.
        OfflineRun.Event logonEvent = parse(
                "winlogbeat",
                "logon.ndjson",
                "{\"@timestamp\":\"" + logon
                        + "\",\"event\":{\"code\":\"4624\",\"kind\":\"event\",\"outcome\":\"success\",\"action\":\"logged-in\"},"
                        + "\"winlog\":{\"event_id\":\"4624\",\"channel\":\"Security\",\"computer_name\":\"WOH-LT-0003.trust.local\","
                        + "\"event_data\":{\"TargetUserName\":\"staylor\",\"TargetDomainName\":\"TRUST\",\"LogonType\":\"2\","
                        + "\"IpAddress\":\"-\",\"TargetLogonId\":\"0x2001\"}},"
                        + "\"host\":{\"name\":\"woh-lt-0003\",\"hostname\":\"woh-lt-0003\",\"ip\":[\"10.20.3.3\"]}}");
        OfflineRun.Event requestEvent = parse(
                "squid",
                "access.log",
                String.format(
                        "%d.%03d    120 10.20.3.3 TCP_MISS/200 4000 GET https://news.example/today - HIER_DIRECT/192.0.2.7 text/html 300",
                        request.getEpochSecond(), request.getNano() / 1_000_000));
        OfflineRun.Event report = parse(
                "mdm",
                "intune.jsonl",
                "{\"time\": \"" + stolen + "\", \"device_id\": \"WOH-LT-0003\", \"action\": \"reported_stolen\","
                        + " \"reported_by\": \"ictadmin\"}");

        String run = "it-readback-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> config =
                CorrelationApp.config(stack.kafkaBootstrap(), stack.registryUrl(), dir.resolve("state"));
        config.put("application.id", run);
        config.putAll(Topics.ownedBy(run));
        Topics topics = Topics.from(config);
        try (KafkaStreams app = CorrelationApp.start(config, Settings.load(samples.resolve("settings.yaml")));
                Serde<SpecificRecord> serde = RegistrySerdes.valueSerde(stack.registryUrl());
                KafkaProducer<String, byte[]> producer = producer(stack)) {
            send(producer, serde, topics, logonEvent);
            awaitCommitted(stack, run, topics.endpoint());
            Thread.sleep(2_000); // the logon's hop to the address stage (one commit interval and a fetch)
            send(producer, serde, topics, requestEvent);
            awaitCommitted(stack, run, topics.proxy()); // the request is passed: nothing was lost yet
            send(producer, serde, topics, report);

            Incident lost = awaitEscalated(stack, topics);
            assertNotNull(lost, "no lost-device incident of WOH-LT-0003 was escalated within 60 s");
            assertEquals(5, lost.getSeverity());
            assertTrue(lost.getEscalated());
            assertEquals(2, lost.getEventCount(), "the report and the request read back");
            assertEquals(request, lost.getLastSeen());
        }
    }

    private OfflineRun.Event parse(String format, String file, String line) throws Exception {
        Path path = dir.resolve(file);
        Files.writeString(path, line + "\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        boolean[] failed = {false};
        List<OfflineRun.Event> events = OfflineRun.parse(
                List.of(new OfflineRun.Input(org.trustwatch.ingest.LogFormat.named(format), path.toString())),
                OfflineRun.categories(TestStack.home().resolve("samples/reference")),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                failed);
        assertFalse(failed[0], err.toString(StandardCharsets.UTF_8));
        assertEquals(1, events.size(), format + " line did not parse: " + err.toString(StandardCharsets.UTF_8));
        return events.get(0);
    }

    private static void send(
            KafkaProducer<String, byte[]> producer, Serde<SpecificRecord> serde, Topics topics, OfflineRun.Event e)
            throws Exception {
        String topic = OfflineRun.topicOf(topics, e.family());
        producer.send(new ProducerRecord<>(
                        topic, null, e.time(), e.key(), serde.serializer().serialize(topic, e.event())))
                .get();
    }

    /** Until the app has committed past the first record of the topic. */
    private static void awaitCommitted(StackSettings stack, String group, String topic) throws Exception {
        TopicPartition tp = new TopicPartition(topic, 0);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            while (System.nanoTime() < deadline) {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get()
                        .get(tp);
                if (committed != null && committed.offset() >= 1) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the app did not commit " + topic + " within 60 s");
    }

    private static Incident awaitEscalated(StackSettings stack, Topics topics) throws Exception {
        Incident latest = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (KafkaConsumer<String, byte[]> consumer = TopicReader.committedFromStart(stack.kafkaBootstrap());
                Serde<Incident> incidents = RegistrySerdes.valueSerde(stack.registryUrl())) {
            consumer.subscribe(List.of(topics.incidents()));
            while (System.nanoTime() < deadline && (latest == null || !latest.getEscalated())) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    Incident i = incidents.deserializer().deserialize(r.topic(), r.value());
                    if (i.getCategory() == IncidentCategory.LOST_OR_STOLEN_DEVICE
                            && i.getSubject().equals("device:WOH-LT-0003")) {
                        latest = i;
                    }
                }
            }
        }
        return latest;
    }

    private static KafkaProducer<String, byte[]> producer(StackSettings stack) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
