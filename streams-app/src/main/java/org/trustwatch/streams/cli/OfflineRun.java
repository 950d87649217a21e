package org.trustwatch.streams.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.trustwatch.ingest.EventKeys;
import org.trustwatch.ingest.LogFiles;
import org.trustwatch.ingest.LogFormat;
import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.ingest.category.WebCategories;
import org.trustwatch.ingest.cli.CategoryOption;
import org.trustwatch.ingest.reference.ReferenceData;
import org.trustwatch.schema.Evidence;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.streams.app.StreamsSettings;
import org.trustwatch.streams.settings.Catalogue;
import org.trustwatch.streams.settings.Settings;
import org.trustwatch.streams.topology.DetectionTopology;
import org.trustwatch.streams.topology.EventTime;
import org.trustwatch.streams.topology.ExternalSerdes;
import org.trustwatch.streams.topology.InputPartitions;
import org.trustwatch.streams.topology.Topics;

/**
 * The correlation without a cluster: log files parsed as the connectors parse them, then driven through the very
 * topology the app runs (Kafka Streams' test driver), in whatever order the caller gives.
 */
public final class OfflineRun {

    /** One parsed event, its topic family, and its place in the files (to keep file order among equal times). */
    public record Event(long time, long order, LogFormat.Family family, SpecificRecord event) {

        public String key() {
            return EventKeys.keyOf(event);
        }
    }

    /** What came out: the latest version of every incident, and how many signals were exempted or late. */
    public record Outcome(List<Incident> incidents, Map<String, Integer> exemptedBy, long late) {}

    /** A format and a file or glob. */
    public record Input(LogFormat format, String pattern) {}

    private OfflineRun() {}

    /** Events of all the inputs, in file order; rejected lines and missing files are reported on {@code err}. */
    public static List<Event> parse(List<Input> inputs, WebCategories categories, PrintStream err, boolean[] failed)
            throws IOException {
        ParseContext context = new ParseContext(null, ParseContext.DEFAULT_ZONE, categories, false, Clock.systemUTC());
        List<Event> events = new ArrayList<>();
        for (Input input : inputs) {
            List<Path> files = InputFiles.expand(input.pattern());
            if (files.isEmpty()) {
                err.println(input.pattern() + ": no such file");
                failed[0] = true;
            }
            for (Path file : files) {
                LogParser parser = input.format().newParser(context);
                ParseSink sink = new ParseSink() {
                    @Override
                    public void event(SpecificRecord event, RawLine completedBy) {
                        events.add(new Event(
                                EventTime.of(event).toEpochMilli(),
                                events.size(),
                                input.format().family(),
                                event));
                    }

                    @Override
                    public void reject(RawLine line, String reason) {
                        err.println(line.file() + ":" + line.lineNumber() + ": " + reason);
                    }
                };
                try {
                    LogFiles.feed(file, parser, sink);
                } catch (NoSuchFileException e) {
                    err.println(file + ": no such file");
                    failed[0] = true;
                } catch (IOException e) {
                    err.println(file + ": cannot read: " + e.getMessage());
                    failed[0] = true;
                }
                parser.flush(sink);
            }
        }
        return events;
    }

    /** The demo trust's day in {@code samples/}: one input per format, as the README's detect command lists them. */
    public static List<Input> sampleDay(Path samples) {
        return List.of(
                new Input(LogFormat.named("squid"), samples + "/squid/*.log"),
                new Input(LogFormat.named("w3c"), samples + "/w3c/*.log"),
                new Input(LogFormat.named("e2guardian"), samples + "/e2guardian/*.log"),
                new Input(LogFormat.named("postfix"), samples + "/postfix/maillog"),
                new Input(LogFormat.named("m365-trace"), samples + "/m365-trace/*.csv"),
                new Input(LogFormat.named("winlogbeat"), samples + "/winlogbeat/*.ndjson"),
                new Input(LogFormat.named("nxlog"), samples + "/nxlog/*.json"),
                new Input(LogFormat.named("evtx-json"), samples + "/evtx-json/*.jsonl"),
                new Input(LogFormat.named("mdm"), samples + "/mdm/*.jsonl"),
                new Input(LogFormat.named("reports"), samples + "/reports/*.jsonl"));
    }

    /** Sorts by event time, file order breaking ties: what {@code detect} promises. */
    public static void byEventTime(List<Event> events) {
        events.sort(Comparator.comparingLong(Event::time).thenComparingLong(Event::order));
    }

    /** The category list of a reference directory: {@code categories/} (blacklist layout) or categories.csv. */
    public static WebCategories categories(Path dir) {
        Path dirList = dir.resolve("categories");
        Path csv = dir.resolve("categories.csv");
        if (Files.isDirectory(dirList)) {
            return CategoryOption.load(dirList);
        }
        if (Files.isRegularFile(csv)) {
            return CategoryOption.load(csv);
        }
        return WebCategories.none();
    }

    /** Drives the events, in the order given, through the topology. */
    public static Outcome detect(ReferenceData reference, Settings settings, List<Event> events) throws IOException {
        Topics topics = Topics.defaults();
        ExternalSerdes serdes = ExternalSerdes.plain();
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key); // no alert leaves an offline run
        Path stateDir = Files.createTempDirectory("trustwatch-detect");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "trustwatch-detect");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "offline:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.putAll(StreamsSettings.handlers(topics));
        try (TopologyTestDriver driver = new TopologyTestDriver(
                DetectionTopology.build(topics, settings, serdes, InputPartitions.single(), key), props)) {
            pipe(driver, topics.schools(), serdes, reference.schools(), r -> r.getSchoolId());
            pipe(driver, topics.directory(), serdes, reference.directory(), r -> r.getUserId());
            pipe(driver, topics.devices(), serdes, reference.devices(), r -> r.getDeviceId());
            pipe(driver, topics.exemptions(), serdes, reference.exemptions(), r -> r.getExemptionId());
            Map<LogFormat.Family, TestInputTopic<String, SpecificRecord>> inputs = new LinkedHashMap<>();
            for (Event e : events) {
                inputs.computeIfAbsent(e.family(), f -> input(driver, topicOf(topics, f), serdes, e.event()))
                        .pipeInput(e.key(), e.event(), e.time());
            }
            if (!events.isEmpty()) {
                long last = events.stream().mapToLong(Event::time).max().getAsLong();
                ProxyEvent end =
                        endOfInput(last + settings.trust(Catalogue.GRACE).toMillis() + 60_000);
                inputs.computeIfAbsent(LogFormat.Family.PROXY, f -> input(driver, topics.proxy(), serdes, end))
                        .pipeInput(end.getSourceIp(), end, end.getTimestamp().toEpochMilli());
            }
            Map<String, Incident> latest = new TreeMap<>();
            driver.createOutputTopic(
                            topics.incidents(),
                            new StringDeserializer(),
                            serdes.value(Incident.class).deserializer())
                    .readValuesToList()
                    .forEach(i -> latest.put(i.getIncidentId(), i));
            Serde<Evidence> evidence = serdes.value(Evidence.class);
            Map<String, Integer> exempted = new TreeMap<>();
            driver.createOutputTopic(topics.exempted(), new StringDeserializer(), evidence.deserializer())
                    .readRecordsToList()
                    .forEach(r -> {
                        var h = r.headers().lastHeader("trustwatch.exemption");
                        exempted.merge(
                                h == null ? "?" : new String(h.value(), StandardCharsets.UTF_8), 1, Integer::sum);
                    });
            long late = driver.createOutputTopic(topics.late(), new StringDeserializer(), evidence.deserializer())
                    .getQueueSize();
            List<Incident> sorted = new ArrayList<>(latest.values());
            sorted.sort(Comparator.comparing(Incident::getFirstSeen).thenComparing(Incident::getIncidentId));
            return new Outcome(sorted, exempted, late);
        } finally {
            try (var walk = Files.walk(stateDir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory left behind is harmless
            }
        }
    }

    /**
     * A request that matters to no rule, the grace (and a minute) after the last event: it moves stream time on, so that
     * requests still waiting for a logon are released, as time passing does in the live app.
     */
    public static ProxyEvent endOfInput(long at) {
        Instant t = Instant.ofEpochMilli(at);
        return ProxyEvent.newBuilder()
                .setTimestamp(t)
                .setEventIngested(t)
                .setEventDataset("end-of-input")
                .setEventHash("end-of-input")
                .setSourceIp("0.0.0.0")
                .setWebAction(org.trustwatch.schema.WebAction.unknown)
                .build();
    }

    public static String topicOf(Topics topics, LogFormat.Family family) {
        return switch (family) {
            case PROXY -> topics.proxy();
            case MAIL -> topics.mail();
            case ENDPOINT -> topics.endpoint();
            case REPORTS -> topics.reports();
        };
    }

    @SuppressWarnings("unchecked")
    private static TestInputTopic<String, SpecificRecord> input(
            TopologyTestDriver driver, String topic, ExternalSerdes serdes, SpecificRecord sample) {
        Serde<SpecificRecordBase> serde = serdes.value((Class<SpecificRecordBase>) sample.getClass());
        return driver.createInputTopic(
                topic, new StringSerializer(), (t, v) -> serde.serializer().serialize(t, (SpecificRecordBase) v));
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecordBase> void pipe(
            TopologyTestDriver driver,
            String topic,
            ExternalSerdes serdes,
            List<T> records,
            java.util.function.Function<T, String> key) {
        if (records.isEmpty()) {
            return;
        }
        Serde<T> serde = serdes.value((Class<T>) records.get(0).getClass());
        TestInputTopic<String, T> in = driver.createInputTopic(topic, new StringSerializer(), serde.serializer());
        records.forEach(r -> in.pipeInput(key.apply(r), r, Instant.EPOCH));
    }
}
