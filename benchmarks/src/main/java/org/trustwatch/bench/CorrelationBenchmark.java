package org.trustwatch.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.trustwatch.ingest.reference.ReferenceData;
import org.trustwatch.ingest.reference.ReferencePublisher;
import org.trustwatch.pipeline.kafka.CommittedRecords;
import org.trustwatch.pipeline.kafka.GroupLag;
import org.trustwatch.pipeline.kafka.RunTopics;
import org.trustwatch.pipeline.kafka.TopicTally;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.WebAction;
import org.trustwatch.schema.serde.RegistrySerdes;
import org.trustwatch.stack.LocalStack;
import org.trustwatch.stack.StackSettings;
import org.trustwatch.streams.app.CorrelationApp;
import org.trustwatch.streams.settings.Settings;
import org.trustwatch.streams.state.StoreKind;
import org.trustwatch.streams.topology.Topics;

/**
 * {@code ./trustwatch bench-correlate [--events N] [--seconds S] [--settle T]}: the correlation app, all rules on, against the
 * local stack, for a generated trust of the largest size architecture.md names ({@link SyntheticTrust}), with the
 * demo's settings. (1) Drain: N mixed events (default 2,000,000, a school day of that trust) are pre-loaded into fresh
 * input topics, then the app starts and the time until it has committed the last input offset gives events/s.
 * (2) Latency: events are produced at half the drain rate for T + S seconds, with event time = now; one request in
 * every thousand is a critical-category request of its own subject, and the time from its send to its incident
 * being readable (read_committed) of the markers sent in the last S seconds gives p50 and p99. The first T seconds
 * (default 15) follow the drain straight away, while the app and the broker still finish its work; they are printed
 * with the rest, slice by slice, and in the figures over the whole phase.
 */
public final class CorrelationBenchmark {

    /** How long the first registry call of each topic and schema may take before the bench stops (FirstCallGuard). */
    private static final long REGISTRY_CALL_LIMIT_SECONDS = 60;

    private CorrelationBenchmark() {}

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (FirstCallGuard.Failed e) {
            // the app's stream threads (and a registry call that never returned) would keep the JVM alive
            System.err.println("bench-correlate: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            // any other failure too, with its stack trace
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        int events = 2_000_000;
        int seconds = 30;
        int settle = 15;
        // A long-running app's hot code is compiled long before a backlog arrives: by default the measured drain
        // follows a warm-up drain in the same JVM, and the warm-up's rate is printed too (the fresh JVM's figure).
        int warmup = 1_000_000;
        Map<String, String> overrides = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--settle" -> settle = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--set" -> {
                    String[] kv = args[++i].split("=", 2);
                    overrides.put(kv[0], kv[1]);
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        // As an operator sizes the app for the machine: a partition per core, and the app's default of a stream
        // thread per core up to the partitions (StreamsSettings.threadsFor).
        overrides.putIfAbsent(
                "topic.partitions", Integer.toString(Runtime.getRuntime().availableProcessors()));
        Path home = Path.of(System.getProperty("trustwatch.home", "."));
        StackSettings stack = StackSettings.of(home, System.getenv());
        if (!new LocalStack(stack, System.out).printStatus()) {
            System.err.println("the stack is not healthy: run ./trustwatch stack up first");
            System.exit(1);
        }
        Settings settings = Settings.load(home.resolve("samples/settings.yaml"));
        ReferenceData reference = SyntheticTrust.generate();
        System.out.printf(
                "trust: %d schools, %,d people, %,d devices (generated)%n",
                reference.schools().size(),
                reference.directory().size(),
                reference.devices().size());
        if (warmup > 0) {
            // A long-running app has compiled its hot code long before a backlog arrives; a first drain in a fresh
            // JVM also pays for the JIT compiling it (seen: 42 s of compiler-thread CPU in a 111 s run).
            // The warm-up drain runs in this JVM on its own topics and app id, and is then removed.
            Run warm = Run.create(stack, overrides, reference);
            double rate = warm.drain(settings, reference, warmup, 7).rate();
            warm.close();
            System.out.printf("warm-up: drained %,d events at %,.0f events/s (same JVM, own topics)%n", warmup, rate);
        }

        // 1. drain
        Run run = Run.create(stack, overrides, reference);
        Drain drain = run.drain(settings, reference, events, 42);
        KafkaStreams app = run.app;
        double rate = drain.rate();
        System.out.printf(
                "drain%s: %,d mixed events, all rules, exactly-once v2: %,.0f events/s from app start (%.1f s),"
                        + " %,.0f events/s from first commit to last (%.1f s)%n",
                warmup > 0 ? " (warm JVM)" : " (fresh JVM)",
                events,
                rate,
                drain.fromStart(),
                events / drain.fromFirst(),
                drain.fromFirst());

        System.out.printf(
                "app: %d stream thread(s), %s partition(s) per input topic, state stores in %s%n",
                app.metadataForLocalThreads().size(),
                overrides.get("topic.partitions"),
                StoreKind.of(overrides).name().toLowerCase(java.util.Locale.ROOT));
        System.out.println("where the stream threads' time went during the drain (per thread): " + timeShares(app));
        System.out.println("records the app wrote, by topic: " + writtenByTopic(app));
        double cpu = streamThreadsCpuSeconds() - drain.cpuBefore();
        System.out.printf(
                "stream threads' CPU: %.1f s, %.1f µs per event (wall-clock rate is lower when the broker and the"
                        + " app share the cores)%n",
                cpu, cpu * 1e6 / events);
        System.out.println("the JVM during the drain: " + JvmWork.now().since(drain.jvmBefore()));
        // A drain that judged signals late (or sent records to the dead-letter topic) did less than all the work, and
        // its incidents are not those of the day: the figure above would flatter it.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            List<TopicTally.Count> counts = new TopicTally(admin, stack.kafkaBootstrap())
                    .count(List.of(run.topics.late(), run.topics.deadLetters()), 0);
            Map<String, String> categoryById = new HashMap<>();
            long[] changes = {0};
            try (Serde<Incident> serde = RegistrySerdes.valueSerde(stack.registryUrl())) {
                CommittedRecords.forEach(stack.kafkaBootstrap(), List.of(run.topics.incidents()), r -> {
                    changes[0]++;
                    String id = new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
                    Incident incident = serde.deserializer().deserialize(r.topic(), r.value());
                    // with the kind of subject: an incident on an address ("ip:") is one whose user was not resolved
                    String subject = incident.getSubject() == null ? "" : incident.getSubject();
                    String kind =
                            subject.startsWith("ip:") ? " (ip)" : subject.startsWith("device:") ? " (device)" : "";
                    categoryById.put(id, incident.getCategory().name() + kind);
                });
            }
            // by category: runs of the same events that differ show where
            Map<String, Integer> byCategory = new java.util.TreeMap<>();
            categoryById.values().forEach(category -> byCategory.merge(category, 1, Integer::sum));
            System.out.printf(
                    "outcome: %,d incidents %s (%,d changes), %,d signals recorded late, %,d dead letters%n",
                    categoryById.size(),
                    byCategory,
                    changes[0],
                    counts.get(0).records(),
                    counts.get(1).records());
        }

        // 2. latency at half the drain rate
        double half = Math.max(1_000, rate / 2);
        double cpuBeforeLatency = streamThreadsCpuSeconds();
        List<long[]> marks = latency(stack, run.topics, drain.mix(), half, settle + seconds);
        double latencyCpu = streamThreadsCpuSeconds() - cpuBeforeLatency;
        run.close();
        long settled = settle * 1000L;
        List<Long> steady =
                latencies(marks.stream().filter(m -> m[0] >= settled).toList());
        List<Long> whole = latencies(marks);
        if (steady.isEmpty()) {
            System.out.println("latency: no marker incident arrived");
        } else {
            System.out.printf(
                    "latency at %,.0f events/s, markers sent %d s to %d s after the drain: %d marker incidents,"
                            + " p50 %d ms, p99 %d ms, max %d ms; %s%n",
                    half,
                    settle,
                    settle + seconds,
                    steady.size(),
                    percentile(steady, 0.50),
                    percentile(steady, 0.99),
                    steady.get(steady.size() - 1),
                    ParseBenchmark.machine());
            System.out.printf(
                    "  over the whole phase, from the drain's end: %d marker incidents, p50 %d ms, p99 %d ms, max %d ms%n",
                    whole.size(), percentile(whole, 0.50), percentile(whole, 0.99), whole.get(whole.size() - 1));
            System.out.println("  by when the marker was sent: " + bySlice(marks, 5));
            // At the lower rate each commit and its transactions cover fewer events: the cost per event is not the
            // drain's, and it says how busy the machine is while the latency is measured.
            double sent = half * (settle + seconds);
            System.out.printf(
                    "  stream threads' CPU in the latency phase: %.1f s, %.1f µs per event sent%n",
                    latencyCpu, latencyCpu * 1e6 / sent);
        }
    }

    private static List<Long> latencies(List<long[]> marks) {
        List<Long> out = new ArrayList<>();
        marks.forEach(m -> out.add(m[1]));
        Collections.sort(out);
        return out;
    }

    /** The nearest-rank percentile of sorted values. */
    private static long percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.max(0, Math.min(sorted.size() - 1, Math.ceil(sorted.size() * p) - 1)));
    }

    /** p50 and max of the markers sent in each slice of the phase: a stall shows as one bad slice, a backlog as a climb. */
    private static String bySlice(List<long[]> marks, int sliceSeconds) {
        Map<Long, List<Long>> slices = new java.util.TreeMap<>();
        for (long[] m : marks) {
            slices.computeIfAbsent(m[0] / (sliceSeconds * 1000L), k -> new ArrayList<>())
                    .add(m[1]);
        }
        StringBuilder out = new StringBuilder();
        slices.forEach((slice, values) -> {
            Collections.sort(values);
            out.append(String.format(
                    "%d-%d s: p50 %d max %d ms; ",
                    slice * sliceSeconds,
                    (slice + 1) * sliceSeconds,
                    percentile(values, 0.50),
                    values.get(values.size() - 1)));
        });
        return out.toString();
    }

    /** A drain's figures; the mix goes on generating for the latency phase where the drain left off. */
    private record Drain(
            int events, double fromStart, double fromFirst, double cpuBefore, JvmWork jvmBefore, MixedEvents mix) {

        double rate() {
            return events / fromStart;
        }
    }

    /** One run's topics, app id and app: the unit a warm-up and the measured drain each get on their own. */
    private static final class Run {
        final StackSettings stack;
        final String id;
        final Map<String, String> config;
        final Topics topics;
        KafkaStreams app;

        private Run(StackSettings stack, String id, Map<String, String> config, Topics topics) {
            this.stack = stack;
            this.id = id;
            this.config = config;
            this.topics = topics;
        }

        static Run create(StackSettings stack, Map<String, String> overrides, ReferenceData reference)
                throws Exception {
            String id = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            ReferencePublisher.Topics referenceTopics = new ReferencePublisher.Topics(
                    id + ".schools", id + ".directory", id + ".devices", id + ".exemptions");
            new ReferencePublisher(stack.kafkaBootstrap(), stack.registryUrl(), referenceTopics).publish(reference);
            Map<String, String> config = CorrelationApp.config(
                    stack.kafkaBootstrap(),
                    stack.registryUrl(),
                    stack.dataDir().resolve("bench").resolve(id));
            config.put("application.id", id);
            config.putAll(overrides); // e.g. --set commit.interval.ms=1000 --set stream.threads=2
            config.putAll(Topics.ownedBy(id));
            config.put("topic.schools", referenceTopics.schools());
            config.put("topic.directory", referenceTopics.directory());
            config.put("topic.devices", referenceTopics.devices());
            config.put("topic.exemptions", referenceTopics.exemptions());
            Topics topics = Topics.from(config);
            CorrelationApp.ensureTopics(config, topics); // the broker does not create topics on first use
            return new Run(stack, id, config, topics);
        }

        /** Pre-loads a school day of {@code events} mixed events, starts the app and waits until it is done. */
        Drain drain(Settings settings, ReferenceData reference, int events, long seed) throws Exception {
            MixedEvents mix = new MixedEvents(reference, seed);
            Instant dayStart = Instant.now()
                    .minus(Duration.ofDays(2))
                    .truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                    .plus(Duration.ofHours(7));
            long spacing = Duration.ofHours(10).toNanos() / events; // one school day
            long loadStart = System.nanoTime();
            try (Serde<SpecificRecord> serde = RegistrySerdes.valueSerde(stack.registryUrl());
                    FirstCallGuard guard =
                            new FirstCallGuard(serde.serializer(), stack.registryUrl(), REGISTRY_CALL_LIMIT_SECONDS);
                    KafkaProducer<String, byte[]> producer = producer(stack)) {
                for (int i = 0; i < events; i++) {
                    MixedEvents.Generated g = mix.next(dayStart.plusNanos(i * spacing));
                    String topic = topicOf(topics, g.family());
                    producer.send(new ProducerRecord<>(topic, g.key(), guard.serialize(topic, g.event())));
                }
                producer.flush();
            }
            System.out.printf("pre-loaded %,d events in %.1f s%n", events, (System.nanoTime() - loadStart) / 1e9);
            double cpuBefore = streamThreadsCpuSeconds();
            JvmWork jvmBefore = JvmWork.now();
            long start = System.nanoTime();
            app = CorrelationApp.start(config, settings);
            long[] firstAndDone = waitUntilDrained(stack, id, topics);
            double fromStart = (firstAndDone[1] - start) / 1e9;
            return new Drain(events, fromStart, (firstAndDone[1] - firstAndDone[0]) / 1e9, cpuBefore, jvmBefore, mix);
        }

        /** Stops the app and removes the run's topics: a broker full of earlier runs' partitions skews the next. */
        void close() throws Exception {
            if (app != null) {
                app.close(Duration.ofSeconds(30));
            }
            RunTopics.delete(stack.kafkaBootstrap(), id);
        }
    }

    /** Each marker's [ms after the phase began that it was sent, ms from send to its incident being readable]. */
    private static List<long[]> latency(StackSettings stack, Topics topics, MixedEvents mix, double rate, int seconds)
            throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());
        long phaseStart = System.nanoTime();
        // stopped by a flag, not an interrupt: an interrupted consumer cannot close cleanly and prints its stack
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread reader = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = consumer(stack);
                    Serde<Incident> serde = RegistrySerdes.valueSerde(stack.registryUrl())) {
                consumer.subscribe(List.of(topics.incidents()));
                while (!done.get()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                        Incident i = serde.deserializer().deserialize(r.topic(), r.value());
                        Long sent = sentAt.remove(i.getSubject());
                        if (sent != null) {
                            latencies.add(
                                    new long[] {(sent - phaseStart) / 1_000_000, (System.nanoTime() - sent) / 1_000_000
                                    });
                        }
                    }
                }
            }
        });
        reader.start();
        Thread.sleep(2_000);
        long periodNanos = (long) (1e9 / rate);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long next = System.nanoTime();
        long n = 0;
        try (Serde<SpecificRecord> serde = RegistrySerdes.valueSerde(stack.registryUrl());
                FirstCallGuard guard =
                        new FirstCallGuard(serde.serializer(), stack.registryUrl(), REGISTRY_CALL_LIMIT_SECONDS);
                KafkaProducer<String, byte[]> producer = producer(stack)) {
            while (System.nanoTime() < end) {
                Instant now = Instant.now();
                if (++n % 1000 == 0) {
                    String ip = "10.101.200." + (n / 1000 % 250);
                    String subject = "marker" + n;
                    ProxyEvent marker = ProxyEvent.newBuilder()
                            .setTimestamp(now)
                            .setEventIngested(now)
                            .setEventDataset("squid")
                            .setEventHash("marker-" + n)
                            .setSourceIp(ip)
                            .setUserName(subject)
                            .setHttpRequestMethod("GET")
                            .setUrlDomain("abuse.example")
                            .setWebAction(WebAction.blocked)
                            .setWebCategory("child-abuse")
                            .build();
                    sentAt.put(subject, System.nanoTime());
                    producer.send(new ProducerRecord<>(topics.proxy(), ip, guard.serialize(topics.proxy(), marker)));
                } else {
                    MixedEvents.Generated g = mix.next(now);
                    String topic = topicOf(topics, g.family());
                    producer.send(new ProducerRecord<>(topic, g.key(), guard.serialize(topic, g.event())));
                }
                next += periodNanos;
                long wait = next - System.nanoTime();
                if (wait > 100_000) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            producer.flush();
        }
        Thread.sleep(5_000);
        done.set(true);
        reader.join();
        return new ArrayList<>(latencies);
    }

    /**
     * Kafka Streams' own account of its threads' time (shares of polling, processing, punctuating and committing,
     * and the producer's transaction commits), so that a slow drain says whether the rules or the guarantees cost.
     */
    private static String timeShares(KafkaStreams app) {
        Map<String, Double> sums = new java.util.TreeMap<>();
        app.metrics().forEach((name, metric) -> {
            boolean thread = name.group().equals("stream-thread-metrics")
                    && List.of("poll-ratio", "process-ratio", "punctuate-ratio", "commit-ratio", "commit-latency-avg")
                            .contains(name.name());
            boolean producer = name.group().equals("producer-metrics")
                    && List.of("txn-commit-time-ns-total", "flush-time-ns-total", "txn-send-offsets-time-ns-total")
                            .contains(name.name());
            if ((thread || producer) && metric.metricValue() instanceof Number n) {
                sums.merge(name.name(), n.doubleValue(), Double::sum);
            }
        });
        // The ratios and the commit latency are each thread's own: averaged over the threads; the producers' times
        // are totals over them.
        int threads = Math.max(1, app.metadataForLocalThreads().size());
        StringBuilder out = new StringBuilder();
        sums.forEach((k, v) -> out.append(k)
                .append(' ')
                .append(k.endsWith("-ns-total") ? String.format("%.1f s", v / 1e9) : String.format("%.2f", v / threads))
                .append("; "));
        return out.toString();
    }

    /** Records and bytes the app's sinks wrote to each topic (Kafka Streams' topic metrics), short topic names. */
    private static String writtenByTopic(KafkaStreams app) {
        Map<String, double[]> sums = new java.util.TreeMap<>();
        app.metrics().forEach((name, metric) -> {
            if (!(metric.metricValue() instanceof Number n)) {
                return;
            }
            String topic = name.tags().getOrDefault("topic", "?");
            // the state stores' changelogs are written by the producers, not by a sink node: their own figures,
            // without the run's app id, as the sink topics are named without it
            if (name.group().equals("producer-topic-metrics") && topic.endsWith("-changelog")) {
                add(
                        sums,
                        topic.replaceFirst("^bench-[0-9a-f]+-", ""),
                        name.name(),
                        "record-send-total",
                        "byte-total",
                        n);
            }
            if (name.group().equals("stream-topic-metrics")) {
                add(
                        sums,
                        topic.substring(topic.indexOf('.') + 1),
                        name.name(),
                        "records-produced-total",
                        "bytes-produced-total",
                        n);
            }
        });
        StringBuilder out = new StringBuilder();
        sums.forEach((topic, v) ->
                out.append(String.format("%s %,.0f (%,.0f B each); ", topic, v[0], v[0] > 0 ? v[1] / v[0] : 0)));
        return out.toString();
    }

    /** Adds a metric to its topic's [records, bytes] when it is the one named for records or for bytes. */
    private static void add(
            Map<String, double[]> sums, String topic, String metric, String records, String bytes, Number value) {
        int at = metric.equals(records) ? 0 : metric.equals(bytes) ? 1 : -1;
        if (at >= 0) {
            sums.computeIfAbsent(topic, t -> new double[2])[at] += value.doubleValue();
        }
    }

    /** CPU time of the app's stream threads so far (the global thread only reads the reference topics). */
    private static double streamThreadsCpuSeconds() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().contains("-StreamThread-")) {
                nanos += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return nanos / 1e9;
    }

    /**
     * Waits until the app has done all the work the input makes: its group is behind by nothing on the inputs and on
     * its own repartition topics (signals, detections, logons by address), on two checks in a row. Waiting for the
     * inputs alone would stop the clock while signals still wait in the repartition topics. Returns [first commit,
     * done] nanos.
     */
    private static long[] waitUntilDrained(StackSettings stack, String group, Topics topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()));
                GroupLag lag = new GroupLag(admin, stack.kafkaBootstrap())) {
            List<String> inputs = List.of(topics.proxy(), topics.mail(), topics.endpoint());
            long first = 0;
            long done = 0;
            while (true) {
                long now = System.nanoTime();
                if (first == 0
                        && !admin.listConsumerGroupOffsets(group)
                                .partitionsToOffsetAndMetadata()
                                .get()
                                .isEmpty()) {
                    first = now;
                }
                List<String> all = new ArrayList<>(inputs);
                all.addAll(lag.topicsLike(group + "-", "-repartition"));
                if (lag.behind(group, all) > 0) {
                    done = 0;
                } else if (done == 0) {
                    done = now;
                } else {
                    return new long[] {first, done};
                }
                Thread.sleep(100);
            }
        }
    }

    private static String topicOf(Topics topics, String family) {
        return switch (family) {
            case "proxy" -> topics.proxy();
            case "mail" -> topics.mail();
            default -> topics.endpoint();
        };
    }

    private static KafkaProducer<String, byte[]> producer(StackSettings stack) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 524_288);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer(StackSettings stack) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
