package org.trustwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustwatch.ingest.Problems;
import org.trustwatch.ingest.reference.ReferenceData;
import org.trustwatch.ingest.reference.ReferencePublisher;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.serde.RegistrySerdes;
import org.trustwatch.stack.StackSettings;
import org.trustwatch.streams.app.CorrelationApp;
import org.trustwatch.streams.cli.OfflineRun;
import org.trustwatch.streams.settings.Settings;
import org.trustwatch.streams.topology.Topics;

/**
 * The correlation app on the real broker and registry (exactly-once v2, repartition topics, RocksDB stores) raises
 * the same incidents from the samples' day as the offline {@code detect} run.
 */
class CorrelationIT {

    @TempDir
    Path state;

    @Test
    void theAppOnTheBrokerRaisesTheIncidentsTheOfflineRunRaises() throws Exception {
        StackSettings stack = TestStack.get().settings();
        Path samples = TestStack.home().resolve("samples");
        Problems problems = new Problems();
        ReferenceData reference = ReferenceData.read(samples.resolve("reference"), problems);
        Settings settings = Settings.load(samples.resolve("settings.yaml"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        boolean[] failed = {false};
        List<OfflineRun.Event> events = OfflineRun.parse(
                OfflineRun.sampleDay(samples),
                OfflineRun.categories(samples.resolve("reference")),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                failed);
        assertFalse(failed[0], err.toString(StandardCharsets.UTF_8));
        OfflineRun.byEventTime(events);
        events = inThePast(events);
        List<String> expected =
                summary(OfflineRun.detect(reference, settings, events).incidents());

        new ReferencePublisher(stack.kafkaBootstrap(), stack.registryUrl()).publish(reference);
        String run = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> config = CorrelationApp.config(stack.kafkaBootstrap(), stack.registryUrl(), state);
        config.put("application.id", run);
        config.putAll(Topics.ownedBy(run));
        Topics topics = Topics.from(config);
        try (KafkaStreams app = CorrelationApp.start(config, settings)) {
            produce(stack, topics, events);
            List<String> actual = List.of();
            long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
            Map<String, Incident> latest = new TreeMap<>();
            try (KafkaConsumer<String, byte[]> consumer = TopicReader.committedFromStart(stack.kafkaBootstrap());
                    Serde<Incident> serde = RegistrySerdes.valueSerde(stack.registryUrl())) {
                consumer.subscribe(List.of(topics.incidents()));
                while (!actual.equals(expected) && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        Incident i = serde.deserializer().deserialize(r.topic(), r.value());
                        latest.put(i.getIncidentId(), i);
                    }
                    actual = summary(new ArrayList<>(latest.values()));
                }
            }
            assertEquals(expected, actual);
        }
    }

    /**
     * The samples' day, moved back by whole days until it lies in the past: the broker refuses records stamped more
     * than an hour in the future (message.timestamp.after.max.ms), and the samples are dated on the demo day.
     */
    private static List<OfflineRun.Event> inThePast(List<OfflineRun.Event> events) {
        long last = events.get(events.size() - 1).time();
        long day = Duration.ofDays(1).toMillis();
        long latest = System.currentTimeMillis() - Duration.ofHours(2).toMillis();
        long days = last <= latest ? 0 : (last - latest + day - 1) / day;
        if (days == 0) {
            return events;
        }
        List<OfflineRun.Event> moved = new ArrayList<>();
        for (OfflineRun.Event e : events) {
            org.apache.avro.specific.SpecificRecordBase copy =
                    (org.apache.avro.specific.SpecificRecordBase) org.apache.avro.specific.SpecificData.get()
                            .deepCopy(e.event().getSchema(), e.event());
            copy.put("timestamp", java.time.Instant.ofEpochMilli(e.time() - days * day));
            moved.add(new OfflineRun.Event(e.time() - days * day, e.order(), e.family(), copy));
        }
        return moved;
    }

    /** Event time per wall-clock time of the replay: an hour in 1.5 s. */
    private static final long PACE = 2_400;

    private static void produce(StackSettings stack, Topics topics, List<OfflineRun.Event> events) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        List<OfflineRun.Event> all = new ArrayList<>(events);
        long last = events.get(events.size() - 1).time();
        var end = OfflineRun.endOfInput(last + Duration.ofMinutes(61).toMillis());
        try (Serde<SpecificRecord> serde = RegistrySerdes.valueSerde(stack.registryUrl());
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                        p, new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            long firstTime = all.get(0).time();
            long start = System.nanoTime();
            for (OfflineRun.Event e : all) {
                // Paced by event time, an hour of it in 1.5 s: fast enough for a test, slow enough that a hop through
                // a repartition topic (a commit interval or two) stays well inside the grace of event time. Sent as
                // fast as it can be, a day took 1.6 s and one hop was an hour or two of event time: a lost
                // laptop's requests read back at its late logon came later than the grace and were only recorded.
                long due = (e.time() - firstTime) * 1_000_000L / PACE;
                long wait = due - (System.nanoTime() - start);
                if (wait > 1_000_000L) {
                    producer.flush();
                    Thread.sleep(wait / 1_000_000L);
                }
                String topic = OfflineRun.topicOf(topics, e.family());
                sent.add(producer.send(new ProducerRecord<>(
                        topic, null, e.time(), e.key(), serde.serializer().serialize(topic, e.event()))));
            }
            for (var f : sent) {
                f.get(); // a refused record fails the test here, not as a missing incident later
            }
            producer.send(new ProducerRecord<>(
                    topics.proxy(),
                    null,
                    end.getTimestamp().toEpochMilli(),
                    end.getSourceIp(),
                    serde.serializer().serialize(topics.proxy(), end)));
            producer.flush();
        }
    }

    private static List<String> summary(List<Incident> incidents) {
        List<String> out = new ArrayList<>();
        for (Incident i : incidents) {
            out.add(String.join(
                    " ",
                    i.getIncidentId(),
                    i.getCategory().name(),
                    String.valueOf(i.getSeverity()),
                    String.valueOf(i.getSchoolId()),
                    i.getSubject(),
                    i.getFirstSeen().toString(),
                    i.getLastSeen().toString(),
                    String.valueOf(i.getEventCount()),
                    i.getRuleId(),
                    String.valueOf(i.getBreach()),
                    String.valueOf(i.getEscalated())));
        }
        Collections.sort(out);
        return out;
    }
}
