package org.trustwatch.pipeline.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.trustwatch.pipeline.Pipeline;
import org.trustwatch.pipeline.PipelineException;
import org.trustwatch.pipeline.kafka.PipelineTopics;
import org.trustwatch.pipeline.kafka.RunTopics;
import org.trustwatch.pipeline.summary.Summary;
import org.trustwatch.pipeline.workload.Workload;
import org.trustwatch.stack.StackException;
import org.trustwatch.stack.StackSettings;
import org.trustwatch.workload.GenerateCommand;

/**
 * {@code trustwatch bench [--schools N] [--days D] [--timeout SECONDS]}: the whole pipeline on the local stack over a
 * generated trust's logs (by default 10 schools, 2 days: about a million events), on topics and an app of its own, and
 * the figures every later change is held against: end-to-end throughput from log line to indexed incident state, the
 * event-to-incident time (p50, p99), and as the ceiling on this machine the rate a plain consumer reads the same
 * event topics at.
 */
public final class BenchCommand {

    static final String USAGE = "usage: trustwatch bench [--schools N] [--days D] [--timeout SECONDS]";

    private BenchCommand() {}

    public static void main(String[] args) throws IOException {
        Path home = Path.of(System.getProperty("trustwatch.home", "."))
                .toAbsolutePath()
                .normalize();
        String schools = "10";
        String days = "2";
        Duration timeout = Duration.ofMinutes(30);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--schools" -> schools = value(args, ++i);
                case "--days" -> days = value(args, ++i);
                case "--timeout" -> timeout = Duration.ofSeconds(Long.parseLong(value(args, ++i)));
                default -> usage("unknown option '" + args[i] + "'");
            }
        }
        try {
            StackSettings stack = StackSettings.of(home, System.getenv());
            Path workload = generated(stack.dataDir().resolve("bench-workload"), schools, days);
            System.exit(run(stack, Workload.read(workload), timeout, System.out));
        } catch (PipelineException | StackException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** The generated trust, made again only when the options differ from the last bench's (generation is seconds). */
    private static Path generated(Path dir, String schools, String days) throws IOException {
        List<String> args = List.of("--schools", schools, "--days", days, "--seed", "42");
        Path stamp = dir.resolve(".bench-args");
        String wanted = String.join(" ", args);
        if (Files.exists(stamp) && Files.readString(stamp).equals(wanted)) {
            System.out.println("workload: " + dir + " (generated before with " + wanted + ")");
            return dir;
        }
        List<String> command = new ArrayList<>(args);
        command.addAll(List.of("--out", dir.toString()));
        if (GenerateCommand.run(command, System.out, System.err) != 0) {
            throw new PipelineException("the workload could not be generated in " + dir + " (see above)");
        }
        Files.writeString(stamp, wanted, StandardCharsets.UTF_8);
        return dir;
    }

    static int run(StackSettings stack, Workload workload, Duration timeout, PrintStream out) {
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        PipelineTopics topics = PipelineTopics.prefixed(run + ".");
        // agents of its own too: a bench reads the logs from the start every time
        Pipeline.Options options = Pipeline.Options.defaults()
                .withTopics(topics, run)
                .withTimeout(timeout)
                .withAgents(run);
        Summary summary;
        Duration processing;
        try (Pipeline pipeline = new Pipeline(stack, options, out)) {
            try {
                summary = pipeline.run(workload);
                processing = pipeline.lastProcessing();
            } finally {
                // a benchmark's agents, sink and app would otherwise go on running, and taking CPU, after it
                pipeline.correlation().stop();
                pipeline.removeAgents(workload);
            }
        }
        summary.print(out);
        long events = summary.eventsIngested();
        double seconds = processing.toMillis() / 1000.0;
        double endToEnd = events / seconds;
        double ceiling = plainConsumerRate(stack.kafkaBootstrap(), topics.eventTopics(), events);
        out.println();
        out.printf("removed the run's %d topics%n", RunTopics.delete(stack.kafkaBootstrap(), run));
        out.printf(
                "end to end: %,d events from log line to indexed incident state in %.1f s: %,.0f events/s%n",
                events, seconds, endToEnd);
        out.printf(
                "event-to-incident time over %,d incidents: p50 %s, p99 %s%n",
                summary.latency().incidents(),
                summary.latency().median().map(BenchCommand::seconds).orElse("-"),
                summary.latency().p99().map(BenchCommand::seconds).orElse("-"));
        out.printf("ceiling: a plain consumer reads the same event topics at %,.0f records/s%n", ceiling);
        out.printf(
                "headline: end to end at %.1f %% of the plain consumer's rate; %d cores, Java %s%n",
                100 * endToEnd / ceiling,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.specification.version"));
        return 0;
    }

    /** Records/s of one consumer reading the topics from start to end, values as bytes (no decoding): the ceiling. */
    static double plainConsumerRate(String bootstrap, List<String> topicNames, long expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "bench-ceiling-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                10_000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG,
                64 * 1024 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                16 * 1024 * 1024);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            topicNames.forEach(
                    t -> consumer.partitionsFor(t).forEach(p -> partitions.add(new TopicPartition(t, p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            long read = 0;
            long start = System.nanoTime();
            while (!ends.isEmpty()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                read += records.count();
                ends.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (read < expected) {
                throw new PipelineException("the plain consumer read " + read + " records, fewer than the " + expected
                        + " events the pipeline counted");
            }
            return read / seconds;
        }
    }

    private static String seconds(Duration d) {
        return String.format("%.2f s", d.toMillis() / 1000.0);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage("'" + args[i - 1] + "' needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println("trustwatch bench: " + problem);
        System.err.println(USAGE);
        System.exit(2);
    }
}
