package org.trustwatch.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.trustwatch.pipeline.connect.ConnectRest;
import org.trustwatch.stack.LocalStack;
import org.trustwatch.stack.StackSettings;

/**
 * {@code trustwatch bench-connect [--lines N]}: how fast the proxy connector turns a Squid log into Avro events in
 * Kafka on the running local stack, exactly-once, as a consumer reading committed records sees them.
 */
public final class ConnectorBenchmark {

    private ConnectorBenchmark() {}

    public static void main(String[] args) throws Exception {
        int lines = 500_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lines")) {
                lines = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path home = Path.of(System.getProperty("trustwatch.home", "."));
        StackSettings stack = StackSettings.of(home, System.getenv());
        LocalStack local = new LocalStack(stack, System.out);
        if (!local.printStatus()) {
            System.err.println("the stack is not healthy: run ./trustwatch stack up first");
            System.exit(1);
        }
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        Path log =
                writeLog(stack.dataDir().resolve("bench").resolve(run + ".log"), home.resolve("samples/squid"), lines);
        String topic = run + ".events";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1), new NewTopic(run + ".dlq", 1, (short) 1)))
                    .all()
                    .get();
        }
        long start = System.nanoTime();
        putConnector(stack, run, log, topic);
        long[] firstAndLast = countCommitted(stack, topic, lines);
        new ConnectRest(stack.connectUrl()).delete(run);
        Files.deleteIfExists(log);

        double total = (firstAndLast[1] - start) / 1e9;
        double steady = (firstAndLast[1] - firstAndLast[0]) / 1e9;
        System.out.printf(
                "proxy connector, squid format, exactly-once, %,d lines: %,.0f events/s from connector start"
                        + " (%.1f s), %,.0f events/s from first event to last; %s%n",
                lines, lines / total, total, (lines - 1) / steady, ParseBenchmark.machine());
    }

    private static Path writeLog(Path file, Path samples, int lines) throws Exception {
        Files.createDirectories(file.getParent());
        List<String> sample = new ArrayList<>(ParseBenchmark.sampleLines(samples));
        sample.removeIf(line -> line.isBlank() || line.startsWith("#"));
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < lines; i++) {
                out.write(sample.get(i % sample.size()));
                out.write('\n');
            }
        }
        return file;
    }

    private static void putConnector(StackSettings stack, String name, Path log, String topic) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "org.trustwatch.connect.source.ProxyLogSourceConnector");
        config.put("tasks.max", "1");
        config.put("format", "squid");
        config.put("files", log.toString());
        config.put("topic", topic);
        config.put("dlq.topic", name + ".dlq");
        config.put("schema.registry.url", stack.registryUrl());
        config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("exactly.once.support", "required");
        config.put("producer.override.linger.ms", "20");
        config.put("producer.override.batch.size", "524288");
        config.put("producer.override.compression.type", "lz4");
        config.put("batch.max.lines", "20000");
        new ConnectRest(stack.connectUrl()).put(name, config);
    }

    /** Reads committed records until {@code expected} came; returns when the first and the last arrived. */
    private static long[] countCommitted(StackSettings stack, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000);
        long first = 0;
        long count = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (count < expected && System.nanoTime() < deadline) {
                int got = consumer.poll(Duration.ofMillis(200)).count();
                if (got > 0 && count == 0) {
                    first = System.nanoTime();
                }
                count += got;
            }
        }
        if (count < expected) {
            throw new IllegalStateException("only " + count + " of " + expected + " events arrived in 10 minutes");
        }
        return new long[] {first, System.nanoTime()};
    }
}
