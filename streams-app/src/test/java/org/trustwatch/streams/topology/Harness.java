package org.trustwatch.streams.topology;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.trustwatch.ingest.EventKeys;
import org.trustwatch.ingest.Problems;
import org.trustwatch.ingest.reference.ReferenceData;
import org.trustwatch.schema.Alert;
import org.trustwatch.schema.DeviceRecord;
import org.trustwatch.schema.DirectoryEntry;
import org.trustwatch.schema.EndpointEvent;
import org.trustwatch.schema.Evidence;
import org.trustwatch.schema.Exemption;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.IncidentReport;
import org.trustwatch.schema.MailEvent;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.School;
import org.trustwatch.streams.settings.Settings;
import org.trustwatch.streams.state.StoreKind;

/**
 * The correlation topology under Kafka Streams' test driver, with the demo trust of {@code samples/reference}
 * (schools WOH 10.20/16, GLN 10.30/16, HTF 10.40/16) and any settings. Tests pipe events built with {@link Events}
 * and read what a user would see: the latest version of each incident, alerts, and the exempted and late records.
 */
public final class Harness implements AutoCloseable {

    public static final byte[] PSEUDONYM_KEY = "a test key of the pupils' pseudonyms".getBytes(StandardCharsets.UTF_8);

    private final Topics topics = Topics.defaults();
    private final ExternalSerdes serdes = ExternalSerdes.plain();
    private final TopologyTestDriver driver;
    private final Path stateDir;
    private final TestOutputTopic<String, Incident> incidents;
    private final TestOutputTopic<String, Alert> alerts;
    private final TestOutputTopic<String, Evidence> exempted;
    private final TestOutputTopic<String, Evidence> late;
    private final Map<String, Incident> latest = new LinkedHashMap<>();
    private final List<Alert> alertsSeen = new ArrayList<>();
    private final List<TestRecord<String, Evidence>> exemptedSeen = new ArrayList<>();
    private final List<TestRecord<String, Evidence>> lateSeen = new ArrayList<>();
    /** The proxy topic's records by offset (one partition), for the address stage's look back. */
    private final List<Map.Entry<String, byte[]>> proxyTopic = new ArrayList<>();
    /** How many of the proxy topic's records the app was given. */
    private int proxyPiped;

    public Harness() {
        this(Settings.defaults());
    }

    public Harness(Settings settings) {
        this(settings, true);
    }

    /**
     * @param lookBack whether the address stage can read back the proxy topic's requests, as the app on a broker does
     *     ({@link RequestLookback}); the offline run cannot, and needs not, its input coming in time order
     */
    public Harness(Settings settings, boolean lookBack) {
        this(settings, lookBack, java.time.Duration.ZERO);
    }

    /**
     * As the app on a broker runs it: requests held for their logons wait for the logons while an upstream task is
     * still sending them (quiet for 5 s of the test's wall clock, which moves only by {@link #wallClockPasses}).
     */
    public static Harness live() {
        return new Harness(Settings.defaults(), true, java.time.Duration.ofSeconds(5));
    }

    private Harness(Settings settings, boolean lookBack, java.time.Duration logonsQuiet) {
        try {
            stateDir = Files.createTempDirectory("trustwatch-topology-test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "trustwatch-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "test:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.putAll(org.trustwatch.streams.app.StreamsSettings.handlers(topics));
        RequestLookback fromTheTopic = (partition, fromOffset, untilOffset, each) -> {
            var requests = ProxyRequest.serde(serdes).deserializer();
            for (int offset = (int) fromOffset; offset < Math.min(untilOffset, proxyTopic.size()); offset++) {
                each.accept(
                        proxyTopic.get(offset).getKey(),
                        requests.deserialize(
                                topics.proxy(), proxyTopic.get(offset).getValue()));
            }
        };
        driver = new TopologyTestDriver(
                DetectionTopology.build(
                        topics,
                        settings,
                        serdes,
                        InputPartitions.single(),
                        PSEUDONYM_KEY,
                        lookBack ? fromTheTopic : RequestLookback.NONE,
                        StoreKind.MEMORY,
                        logonsQuiet),
                props);
        ReferenceData reference = demoTrust();
        reference.schools().forEach(this::reference);
        reference.directory().forEach(this::reference);
        reference.devices().forEach(this::reference);
        reference.exemptions().forEach(this::reference);
        incidents = driver.createOutputTopic(
                topics.incidents(),
                new StringDeserializer(),
                serdes.value(Incident.class).deserializer());
        alerts = driver.createOutputTopic(
                topics.alerts(),
                new StringDeserializer(),
                serdes.value(Alert.class).deserializer());
        exempted = driver.createOutputTopic(
                topics.exempted(),
                new StringDeserializer(),
                serdes.value(Evidence.class).deserializer());
        late = driver.createOutputTopic(
                topics.late(),
                new StringDeserializer(),
                serdes.value(Evidence.class).deserializer());
    }

    public static ReferenceData demoTrust() {
        Problems problems = new Problems();
        ReferenceData data = ReferenceData.read(
                Path.of(System.getProperty("trustwatch.home", "..")).resolve("samples/reference"), problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("samples/reference has problems: " + problems.all());
        }
        return data;
    }

    /** Adds or replaces a reference row (a school, person, device or exemption) as the reference topics would. */
    public Harness reference(SpecificRecordBase row) {
        String topic;
        String key;
        if (row instanceof School s) {
            topic = topics.schools();
            key = s.getSchoolId();
        } else if (row instanceof DirectoryEntry p) {
            topic = topics.directory();
            key = p.getUserId();
        } else if (row instanceof DeviceRecord d) {
            topic = topics.devices();
            key = d.getDeviceId();
        } else if (row instanceof Exemption x) {
            topic = topics.exemptions();
            key = x.getExemptionId();
        } else {
            throw new IllegalArgumentException("not a reference row: " + row.getClass());
        }
        pipe(topic, key, row, Instant.EPOCH);
        return this;
    }

    /**
     * Puts requests on the proxy topic without the app reading them yet, as a broker holds requests the app has not
     * reached: a read back can see them. {@link #send} them afterwards, in the same order.
     */
    public Harness onTheTopicAhead(ProxyEvent... requests) {
        for (ProxyEvent e : requests) {
            proxyTopic.add(new java.util.AbstractMap.SimpleEntry<>(EventKeys.keyOf(e), bytes(topics.proxy(), e)));
        }
        return this;
    }

    /** Pipes events in the order given (their record time is their event time). */
    public Harness send(SpecificRecordBase... events) {
        for (SpecificRecordBase e : events) {
            String topic = e instanceof ProxyEvent
                    ? topics.proxy()
                    : e instanceof MailEvent
                            ? topics.mail()
                            : e instanceof EndpointEvent
                                    ? topics.endpoint()
                                    : e instanceof IncidentReport ? topics.reports() : null;
            Instant at = EventTime.of(e);
            pipe(topic, EventKeys.keyOf(e), e, at);
        }
        return this;
    }

    public Harness send(List<? extends SpecificRecordBase> events) {
        return send(events.toArray(new SpecificRecordBase[0]));
    }

    /**
     * Moves the requests' time the grace (default) and a minute past {@code lastEventTime}, as time passing does live: requests still
     * waiting for a logon are released (attributed to their address).
     */
    public Harness endOfInput(Instant lastEventTime) {
        var end = org.trustwatch.streams.cli.OfflineRun.endOfInput(lastEventTime.toEpochMilli() + 61 * 60_000L);
        return send(end);
    }

    /** Moves the app's wall clock on, running the punctuations that are due. */
    public Harness wallClockPasses(java.time.Duration duration) {
        driver.advanceWallClockTime(duration);
        return this;
    }

    /** Raw bytes on an input topic (e.g. a record that is not Avro). */
    public void sendBytes(String topic, String key, byte[] value, Instant at) {
        if (topic.equals(topics.proxy())) {
            if (proxyPiped == proxyTopic.size()) {
                proxyTopic.add(new java.util.AbstractMap.SimpleEntry<>(key, value));
            } else if (!key.equals(proxyTopic.get(proxyPiped).getKey())) {
                throw new IllegalStateException("requests put on the topic ahead must be sent in the same order");
            }
            proxyPiped++;
        }
        driver.createInputTopic(
                        topic, new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())
                .pipeInput(key, value, at);
    }

    public List<byte[]> deadLetters() {
        return driver
                .createOutputTopic(
                        topics.deadLetters(),
                        new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                        new org.apache.kafka.common.serialization.ByteArrayDeserializer())
                .readRecordsToList()
                .stream()
                .map(r -> r.headers().lastHeader("trustwatch.dlq.reason").value())
                .toList();
    }

    private void pipe(String topic, String key, SpecificRecordBase value, Instant at) {
        sendBytes(topic, key, bytes(topic, value), at);
    }

    @SuppressWarnings("unchecked")
    private byte[] bytes(String topic, SpecificRecordBase value) {
        Serde<SpecificRecordBase> serde = serdes.value((Class<SpecificRecordBase>) value.getClass());
        return serde.serializer().serialize(topic, value);
    }

    /** The latest version of every incident so far, in order of first appearance. */
    public List<Incident> incidents() {
        incidents.readValuesToList().forEach(i -> latest.put(i.getIncidentId(), i));
        return new ArrayList<>(latest.values());
    }

    public List<Incident> incidents(IncidentCategory category) {
        return incidents().stream().filter(i -> i.getCategory() == category).collect(Collectors.toList());
    }

    /** The one incident of a category; fails the test when there is not exactly one. */
    public Incident only(IncidentCategory category) {
        List<Incident> found = incidents(category);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + category + " incident, got " + found.size() + ": " + found);
        }
        return found.get(0);
    }

    public List<Alert> alerts() {
        alertsSeen.addAll(alerts.readValuesToList());
        return List.copyOf(alertsSeen);
    }

    /** Exempted records: the evidence, with the exemption id in header trustwatch.exemption. */
    public List<TestRecord<String, Evidence>> exempted() {
        exemptedSeen.addAll(exempted.readRecordsToList());
        return List.copyOf(exemptedSeen);
    }

    public List<String> exemptionIds() {
        return exempted().stream()
                .map(r -> new String(
                        r.headers().lastHeader("trustwatch.exemption").value(), StandardCharsets.UTF_8))
                .toList();
    }

    public List<TestRecord<String, Evidence>> late() {
        lateSeen.addAll(late.readRecordsToList());
        return List.copyOf(lateSeen);
    }

    /** The bytes one state store holds for a key (after the write-behind has been flushed by a commit). */
    public byte[] stored(String store, String key) {
        org.apache.kafka.streams.state.KeyValueStore<String, byte[]> kv = driver.getKeyValueStore(store);
        return kv.get(key);
    }

    @Override
    public void close() {
        driver.close();
        try (var walk = Files.walk(stateDir)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // temporary directory
        }
    }
}
