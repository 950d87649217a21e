package org.trustwatch.streams.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustwatch.streams.settings.Settings;
import org.trustwatch.streams.settings.SettingsException;
import org.trustwatch.streams.state.StoreKind;
import org.trustwatch.streams.topology.DetectionTopology;
import org.trustwatch.streams.topology.ExternalSerdes;
import org.trustwatch.streams.topology.InputPartitions;
import org.trustwatch.streams.topology.RequestLookback;
import org.trustwatch.streams.topology.Topics;

/**
 * The correlation app on a cluster: {@code trustwatch correlate [--config FILE]}. The config is a properties file
 * ({@code bootstrap.servers}, {@code registry.url}, {@code settings}, {@code state.dir}, {@code standby.replicas},
 * {@code stream.threads}, {@code state.stores}, {@code topic.*}, {@code streams.*} passed to Kafka Streams); {@code TRUSTWATCH_*}
 * variables give the local stack's addresses by default.
 */
public final class CorrelationApp {

    private static final Logger LOG = LoggerFactory.getLogger(CorrelationApp.class);

    private CorrelationApp() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> config = defaults();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                config.putAll(load(Path.of(args[++i])));
            } else {
                System.err.println("usage: trustwatch correlate [--config FILE]");
                System.exit(2);
            }
        }
        Settings settings;
        try {
            settings = config.containsKey("settings")
                    ? Settings.load(Path.of(config.get("settings")))
                    : Settings.defaults();
        } catch (SettingsException e) {
            e.problems().forEach(System.err::println);
            System.err.println("trustwatch correlate: fix the settings file and start again");
            System.exit(2);
            return;
        }
        try {
            StoreKind.of(config);
            DetectionTopology.logonsQuiet(config);
        } catch (IllegalArgumentException e) {
            System.err.println("trustwatch correlate: " + e.getMessage() + " (in the config)");
            System.exit(2);
            return;
        }
        KafkaStreams streams = start(config, settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Bounded: an unbounded close can wait forever on a broker that went away, and the process never ends.
            streams.close(java.time.Duration.ofSeconds(30));
            stopped.countDown();
        }));
        stopped.await();
    }

    /** Creates missing topics, builds the topology and starts it; the caller closes the returned app. */
    public static KafkaStreams start(Map<String, String> config, Settings settings) throws Exception {
        Topics topics = Topics.from(config);
        InputPartitions partitions = ensureTopics(config, topics);
        byte[] key = pseudonymKey(config);
        ExternalSerdes serdes = ExternalSerdes.registry(config.get("registry.url"));
        Topology topology = DetectionTopology.build(
                topics,
                settings,
                serdes,
                partitions,
                key,
                RequestLookback.kafka(config.get("bootstrap.servers"), topics.proxy(), serdes),
                StoreKind.of(config),
                DetectionTopology.logonsQuiet(config));
        Properties props = StreamsSettings.of(config, topics, partitions.proxy());
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.setStateListener((now, before) -> LOG.info("correlation {} -> {}", before, now));
        streams.start();
        LOG.info(
                "correlation started: {} -> {} and {}, {} partition(s) by address, exactly-once v2",
                List.of(topics.proxy(), topics.mail(), topics.endpoint(), topics.reports()),
                topics.incidents(),
                topics.alerts(),
                partitions.proxy());
        return streams;
    }

    static Map<String, String> defaults() {
        Map<String, String> c = new HashMap<>();
        String kafkaPort = System.getenv().getOrDefault("TRUSTWATCH_KAFKA_PORT", "9092");
        String registryPort = System.getenv().getOrDefault("TRUSTWATCH_REGISTRY_PORT", "8081");
        c.put("bootstrap.servers", "127.0.0.1:" + kafkaPort);
        c.put("registry.url", "http://127.0.0.1:" + registryPort);
        c.put("state.dir", System.getProperty("trustwatch.home", ".") + "/.trustwatch/streams");
        return c;
    }

    private static Map<String, String> load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        Map<String, String> out = new HashMap<>();
        p.forEach((k, v) -> out.put(k.toString(), v.toString()));
        return out;
    }

    /**
     * The input topics must exist for the app to start (the agents create them too); the outputs are created here.
     * Returns the partition counts of the input topics (the address-keyed logons must match the proxy's).
     */
    public static InputPartitions ensureTopics(Map<String, String> config, Topics topics)
            throws ExecutionException, InterruptedException {
        int partitions = Integer.parseInt(config.getOrDefault("topic.partitions", "1"));
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("bootstrap.servers")))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : List.of(
                    topics.proxy(),
                    topics.mail(),
                    topics.endpoint(),
                    topics.reports(),
                    topics.incidents(),
                    topics.alerts(),
                    topics.exempted(),
                    topics.late(),
                    topics.deadLetters())) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, (short) -1));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
            var described = NewTopicsVisible.read(
                    () -> admin.describeTopics(
                                    List.of(topics.proxy(), topics.mail(), topics.endpoint(), topics.reports()))
                            .allTopicNames()
                            .get(),
                    NewTopicsVisible.DEFAULT_WAIT);
            return new InputPartitions(
                    described.get(topics.proxy()).partitions().size(),
                    described.get(topics.mail()).partitions().size(),
                    described.get(topics.endpoint()).partitions().size(),
                    described.get(topics.reports()).partitions().size());
        }
    }

    /**
     * The key of the pupils' pseudonyms in alerts: never in the repository. Read from {@code pseudonym.key.file}
     * (default: {@code <state.dir>/pseudonym.key}); made at the first start, readable by its owner only.
     */
    static byte[] pseudonymKey(Map<String, String> config) throws IOException {
        Path file = Path.of(config.getOrDefault(
                "pseudonym.key.file", config.getOrDefault("state.dir", ".trustwatch/streams") + "/pseudonym.key"));
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.write(file, key);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            LOG.info("made a new pseudonym key in {}: keep it with the app's state", file);
        }
        return Files.readAllBytes(file);
    }

    /** For tests and benchmarks: the config of a stack at these addresses. */
    public static Map<String, String> config(String bootstrap, String registryUrl, Path stateDir) {
        Map<String, String> c = new HashMap<>();
        c.put("bootstrap.servers", bootstrap);
        c.put("registry.url", registryUrl);
        c.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return c;
    }
}
