package org.trustwatch.streams.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
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
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.trustwatch.ingest.EventKeys;
import org.trustwatch.ingest.LogFiles;
import org.trustwatch.ingest.LogFormat;
import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.Problems;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.ingest.category.WebCategories;
import org.trustwatch.ingest.cli.CategoryOption;
import org.trustwatch.ingest.reference.ReferenceData;
import org.trustwatch.schema.Evidence;
import org.trustwatch.schema.Incident;
import org.trustwatch.streams.settings.Settings;
import org.trustwatch.streams.settings.SettingsException;
import org.trustwatch.streams.topology.DetectionTopology;
import org.trustwatch.streams.topology.ExternalSerdes;
import org.trustwatch.streams.topology.Topics;

/**
 * {@code trustwatch detect --reference DIR [--settings FILE] FMT:FILE...}: the correlation topology run over log
 * files, without a cluster, to try rules on a sample before going live. Events from all the files are merged by event
 * time and driven through the very topology the app runs (Kafka Streams' test driver), so the incidents are the ones
 * the live app would raise. stdout: one JSON incident per line, then {@code incidents N}; stderr: rejected lines as
 * {@code file:line: reason}, bad reference rows, and a summary of exempted and late events.
 */
public final class DetectCommand {

    static final String USAGE = "usage: trustwatch detect --reference DIR [--settings FILE] FMT:FILE...\n"
            + "  FILE may be a glob (quote it); formats: " + LogFormat.names();

    private static final ObjectMapper JSON = new ObjectMapper();

    private DetectCommand() {}

    public static void main(String[] args) {
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        int status;
        try {
            status = run(List.of(args), out, System.err);
            out.flush();
        } catch (IOException e) {
            System.err.println("trustwatch detect: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    /** One parsed event and where it stands in the merged input. */
    private record Timed(long time, long order, LogFormat.Family family, SpecificRecord event) {}

    public static int run(List<String> args, Writer out, PrintStream err) throws IOException {
        Options options;
        Settings settings;
        try {
            options = Options.parse(args);
            settings = options.settings == null ? Settings.defaults() : Settings.load(options.settings);
        } catch (IllegalArgumentException e) {
            err.println("trustwatch detect: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (SettingsException e) {
            e.problems().forEach(err::println);
            err.println("trustwatch detect: fix the settings file and run again");
            return 2;
        }
        Problems problems = new Problems();
        ReferenceData reference = ReferenceData.read(options.reference, problems);
        problems.all().forEach(err::println);
        WebCategories categories = categories(options.reference);
        ParseContext context = new ParseContext(null, ParseContext.DEFAULT_ZONE, categories, false, Clock.systemUTC());

        List<Timed> events = new ArrayList<>();
        int status = 0;
        for (Input input : options.inputs) {
            List<Path> files = InputFiles.expand(input.pattern());
            if (files.isEmpty()) {
                err.println(input.pattern() + ": no such file");
                status = 1;
            }
            for (Path file : files) {
                LogParser parser = input.format().newParser(context);
                ParseSink sink = new ParseSink() {
                    @Override
                    public void event(SpecificRecord event, RawLine completedBy) {
                        events.add(new Timed(
                                timeOf(event), events.size(), input.format().family(), event));
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
                    status = 1;
                } catch (IOException e) {
                    err.println(file + ": cannot read: " + e.getMessage());
                    status = 1;
                }
                parser.flush(sink);
            }
        }
        events.sort(Comparator.comparingLong(Timed::time).thenComparingLong(Timed::order));

        List<Incident> incidents = detect(reference, settings, events, err);
        for (Incident incident : incidents) {
            out.write(JSON.writeValueAsString(json(incident)));
            out.write('\n');
        }
        out.write("incidents " + incidents.size() + "\n");
        return status;
    }

    private static List<Incident> detect(
            ReferenceData reference, Settings settings, List<Timed> events, PrintStream err) throws IOException {
        Topics topics = Topics.defaults();
        ExternalSerdes serdes = ExternalSerdes.plain();
        Topology topology = DetectionTopology.build(topics, settings, serdes, 1, offlinePseudonymKey());
        Path stateDir = Files.createTempDirectory("trustwatch-detect");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "trustwatch-detect");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "offline:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.putAll(org.trustwatch.streams.app.StreamsSettings.handlers(topics));
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
            pipe(driver, topics.schools(), serdes, reference.schools(), r -> r.getSchoolId(), Instant.EPOCH);
            pipe(driver, topics.directory(), serdes, reference.directory(), r -> r.getUserId(), Instant.EPOCH);
            pipe(driver, topics.devices(), serdes, reference.devices(), r -> r.getDeviceId(), Instant.EPOCH);
            pipe(driver, topics.exemptions(), serdes, reference.exemptions(), r -> r.getExemptionId(), Instant.EPOCH);
            Map<LogFormat.Family, TestInputTopic<String, SpecificRecord>> inputs = new LinkedHashMap<>();
            for (Timed e : events) {
                TestInputTopic<String, SpecificRecord> topic =
                        inputs.computeIfAbsent(e.family(), f -> input(driver, topicOf(topics, f), serdes, e.event()));
                topic.pipeInput(EventKeys.keyOf(e.event()), e.event(), e.time());
            }
            TestOutputTopic<String, Incident> output = driver.createOutputTopic(
                    topics.incidents(),
                    new StringDeserializer(),
                    serdes.value(Incident.class).deserializer());
            Map<String, Incident> latest = new TreeMap<>();
            output.readValuesToList().forEach(i -> latest.put(i.getIncidentId(), i));
            summarise(driver, topics, serdes, events.size(), err);
            List<Incident> sorted = new ArrayList<>(latest.values());
            sorted.sort(Comparator.comparing(Incident::getFirstSeen).thenComparing(Incident::getIncidentId));
            return sorted;
        } finally {
            deleteTree(stateDir);
        }
    }

    private static void summarise(
            TopologyTestDriver driver, Topics topics, ExternalSerdes serdes, int events, PrintStream err) {
        Serde<Evidence> evidence = serdes.value(Evidence.class);
        var exempted = driver.createOutputTopic(topics.exempted(), new StringDeserializer(), evidence.deserializer());
        Map<String, Integer> byExemption = new TreeMap<>();
        exempted.readRecordsToList().forEach(r -> {
            var h = r.headers().lastHeader("trustwatch.exemption");
            byExemption.merge(h == null ? "?" : new String(h.value(), StandardCharsets.UTF_8), 1, Integer::sum);
        });
        byExemption.forEach((id, n) ->
                err.println("exempted by " + id + ": " + n + " signal" + (n == 1 ? "" : "s") + " raised nothing"));
        long late = driver.createOutputTopic(topics.late(), new StringDeserializer(), evidence.deserializer())
                .getQueueSize();
        if (late > 0) {
            err.println("late beyond the grace: " + late + " signals recorded, not correlated");
        }
        err.println("events " + events);
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
            java.util.function.Function<T, String> key,
            Instant at) {
        if (records.isEmpty()) {
            return;
        }
        Serde<T> serde = serdes.value((Class<T>) records.get(0).getClass());
        TestInputTopic<String, T> in = driver.createInputTopic(topic, new StringSerializer(), serde.serializer());
        records.forEach(r -> in.pipeInput(key.apply(r), r, at));
    }

    static String topicOf(Topics topics, LogFormat.Family family) {
        return switch (family) {
            case PROXY -> topics.proxy();
            case MAIL -> topics.mail();
            case ENDPOINT -> topics.endpoint();
            case REPORTS -> topics.reports();
        };
    }

    private static long timeOf(SpecificRecord event) {
        var field = event.getSchema().getField("timestamp");
        return ((Instant) event.get(field.pos())).toEpochMilli();
    }

    /** The contract's fields first (reference-data.md), then what a person triaging needs. */
    static Map<String, Object> json(Incident i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.getIncidentId());
        m.put("category", i.getCategory().name());
        m.put("severity", i.getSeverity());
        m.put("school", i.getSchoolId() == null ? "" : i.getSchoolId());
        m.put("subject", i.getSubject());
        m.put("first_seen", i.getFirstSeen().toString());
        m.put("last_seen", i.getLastSeen().toString());
        m.put("count", i.getEventCount());
        m.put("rule", i.getRuleId());
        m.put("description", i.getRuleDescription());
        m.put(
                "subject_role",
                i.getSubjectRole() == null ? null : i.getSubjectRole().name());
        m.put("escalated", i.getEscalated());
        m.put("breach", i.getBreach());
        m.put(
                "ico_deadline",
                i.getIcoDeadline() == null ? null : i.getIcoDeadline().toString());
        m.put("notify", i.getNotify().stream().map(Enum::name).toList());
        return m;
    }

    private static WebCategories categories(Path dir) {
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

    /** Offline output has no alerts leaving the machine; a fixed per-run key is enough for the unused router. */
    private static byte[] offlinePseudonymKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return key;
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    private record Input(LogFormat format, String pattern) {}

    private record Options(Path reference, Path settings, List<Input> inputs) {

        static Options parse(List<String> args) {
            Path reference = null;
            Path settings = null;
            List<Input> inputs = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--reference" -> reference = Path.of(value(args, ++i, arg));
                    case "--settings" -> settings = Path.of(value(args, ++i, arg));
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        int colon = arg.indexOf(':');
                        if (colon <= 0) {
                            throw new IllegalArgumentException(
                                    arg + ": give inputs as FMT:FILE, e.g. squid:access.log");
                        }
                        inputs.add(new Input(LogFormat.named(arg.substring(0, colon)), arg.substring(colon + 1)));
                    }
                }
            }
            if (reference == null) {
                throw new IllegalArgumentException("--reference DIR is required");
            }
            if (!Files.isDirectory(reference)) {
                throw new IllegalArgumentException("--reference " + reference + ": not a directory");
            }
            if (inputs.isEmpty()) {
                throw new IllegalArgumentException("no FMT:FILE given");
            }
            return new Options(reference, settings, inputs);
        }

        private static String value(List<String> args, int i, String option) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.get(i);
        }
    }
}
