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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
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
 * The correlation app on the real broker and registry (exactly-once v2, repartition topics, stores logged to their
 * changelogs) raises the same incidents from the samples' day as the offline {@code detect} run, and does so across a
 * restart.
 */
class CorrelationIT {

    @TempDir
    Path state;

    @Test
    void theAppOnTheBrokerRaisesTheIncidentsTheOfflineRunRaises() throws Exception {
        Day day = sampleDay();
        Map<String, String> config = appConfig(state.resolve("app"));
        Topics topics = Topics.from(config);
        try (KafkaStreams app = CorrelationApp.start(config, day.settings())) {
            produce(topics, day.events(), true);
            assertEquals(day.expected(), incidents(topics, day.expected()));
        }
    }

    /**
     * The app stopped at midday and started again on another machine (an empty state directory): its stores are on
     * the heap ({@code state.stores=memory}, the default), so the afternoon's correlation needs the morning's windows,
     * sessions and open incidents read back from the changelog topics. The day's incidents are those of the offline
     * run all the same.
     */
    @Test
    void anAppRestartedWithEmptyStateRebuildsItsStoresFromTheChangelogs() throws Exception {
        Day day = sampleDay();
        Map<String, String> config = appConfig(state.resolve("first"));
        Topics topics = Topics.from(config);
        int half = day.events().size() / 2;
        try (KafkaStreams app = CorrelationApp.start(config, day.settings())) {
            waitUntilRunning(app);
            produce(topics, day.events().subList(0, half), false);
            waitUntilCommitted(config.get("application.id"), topics);
        }
        config.put("state.dir", state.resolve("second").toString());
        try (KafkaStreams app = CorrelationApp.start(config, day.settings())) {
            // Restored before the afternoon comes, as after a planned restart: a backlog that builds while the app
            // is away is another matter (README, "Time": the address stage and a logon lane that lags).
            waitUntilRunning(app);
            produce(topics, day.events().subList(half, day.events().size()), true);
            assertEquals(day.expected(), incidents(topics, day.expected()));
        }
    }

    /** The samples' day in the past, with the incidents the offline run raises from it. */
    private record Day(Settings settings, List<OfflineRun.Event> events, List<String> expected) {}

    private static Day sampleDay() throws Exception {
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
        return new Day(settings, events, expected);
    }

    /** A run of its own: application id and topics named after it. */
    private static Map<String, String> appConfig(Path stateDir) {
        StackSettings stack = TestStack.get().settings();
        String run = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> config = CorrelationApp.config(stack.kafkaBootstrap(), stack.registryUrl(), stateDir);
        config.put("application.id", run);
        config.putAll(Topics.ownedBy(run));
        return config;
    }

    /** Reads the incidents topic until its latest incidents are the expected ones, or four minutes passed. */
    private static List<String> incidents(Topics topics, List<String> expected) {
        StackSettings stack = TestStack.get().settings();
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
        return actual;
    }

    /** Waits until the app has restored its stores and runs (its threads own their tasks). */
    private static void waitUntilRunning(KafkaStreams app) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (app.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the app is " + app.state() + " after 120 s, not RUNNING");
            }
            Thread.sleep(100);
        }
    }

    /** Waits until the app has committed every input record produced so far (its group's offsets at the ends). */
    private static void waitUntilCommitted(String group, Topics topics) throws Exception {
        StackSettings stack = TestStack.get().settings();
        List<String> inputs = List.of(topics.proxy(), topics.mail(), topics.endpoint(), topics.reports());
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
            for (var d : admin.describeTopics(inputs).allTopicNames().get().values()) {
                d.partitions().forEach(p -> ends.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
            }
            var end = admin.listOffsets(ends).all().get();
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get();
                boolean done = end.entrySet().stream()
                        .allMatch(e -> e.getValue().offset() == 0
                                || (committed.get(e.getKey()) != null
                                        && committed.get(e.getKey()).offset()
                                                >= e.getValue().offset()));
                if (done) {
                    return;
                }
                Thread.sleep(250);
            }
        }
        throw new AssertionError("the app did not commit the morning's input within 120 s");
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

    /** Produces the events paced by their event time and, with {@code end}, the end-of-input marker after them. */
    private static void produce(Topics topics, List<OfflineRun.Event> events, boolean end) throws Exception {
        StackSettings stack = TestStack.get().settings();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        List<OfflineRun.Event> all = new ArrayList<>(events);
        long last = events.get(events.size() - 1).time();
        var marker = OfflineRun.endOfInput(last + Duration.ofMinutes(61).toMillis());
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
            if (end) {
                producer.send(new ProducerRecord<>(
                        topics.proxy(),
                        null,
                        marker.getTimestamp().toEpochMilli(),
                        marker.getSourceIp(),
                        serde.serializer().serialize(topics.proxy(), marker)));
            }
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
