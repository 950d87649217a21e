package org.trustwatch.streams.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.StreamsConfig;
import org.trustwatch.streams.topology.DeadLetters;
import org.trustwatch.streams.topology.Topics;

/** The Kafka Streams configuration of the app: what Trustwatch fixes, and what an operator may change. */
public final class StreamsSettings {

    private StreamsSettings() {}

    /** The exception handlers and their dead-letter topic (also used offline). */
    public static Map<String, Object> handlers(Topics topics) {
        Map<String, Object> config = new HashMap<>();
        config.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.deadLetters());
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetters.Deserialization.class);
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetters.Processing.class);
        config.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetters.Production.class);
        // The reference stores' updater is a processor too: a bad reference record must not stop the app either.
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        return config;
    }

    /**
     * Exactly-once v2 always; the rest has defaults an operator may override with {@code streams.*} properties
     * (e.g. {@code streams.num.standby.replicas=1}, {@code streams.num.stream.threads=2}).
     *
     * @param inputPartitions the partitions of the busiest input topic, which bound the useful stream threads
     */
    public static Properties of(Map<String, String> app, Topics topics, int inputPartitions) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, app.getOrDefault("application.id", "trustwatch-correlation"));
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, app.getOrDefault("bootstrap.servers", "127.0.0.1:9092"));
        p.put(StreamsConfig.STATE_DIR_CONFIG, app.getOrDefault("state.dir", ".trustwatch/streams"));
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, app.getOrDefault("standby.replicas", "0"));
        p.put(
                StreamsConfig.NUM_STREAM_THREADS_CONFIG,
                app.getOrDefault("stream.threads", Integer.toString(threadsFor(inputPartitions))));
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, app.getOrDefault("replication.factor", "-1"));
        // An event crosses three transactions on its way to an incident (signals, detections, incidents), each readable
        // downstream only once committed: every hop waits up to a commit interval. At 50 ms rather than Kafka
        // Streams' exactly-once default of 100 ms, bench-correlate's steady p50 at half the drain rate went from about
        // 480 to 250-310 ms and its p99 from 1.2 s to about 0.5 s in three runs of four (1.6 s in the fourth), with no
        // loss of drain rate that the runs' spread could show.
        String commitInterval = app.getOrDefault("commit.interval.ms", "50");
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval);
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, app.getOrDefault("cache.max.bytes", "67108864"));
        // Under exactly-once what the app writes is readable only once its transaction commits, and the commit sends
        // whatever is still batched: lingering up to a commit interval delays nothing a reader sees, and the batches
        // are fuller. Three alternating drain-only pairs of bench-correlate at 5 ms / a commit interval: 70,326 /
        // 77,258, 73,342 / 78,925 and 76,820 / 79,853 events/s; two full pairs later, 81,282 / 80,889 and 78,209 /
        // 80,984 events/s, with steady p99 latencies of 984 / 907 and 924 / 898 ms (no cost in latency shown).
        p.put(StreamsConfig.producerPrefix("linger.ms"), commitInterval);
        // Uncompressed: the app writes many small batches (repartitions, changelogs, one transaction per commit) and
        // setting up an lz4 frame per batch cost more CPU than the bytes saved; set streams.producer.compression.type
        // for a broker across a slow link.
        p.put(StreamsConfig.producerPrefix("compression.type"), "none");
        // Process what is buffered without idling for partitions that have nothing: the rules work on event time
        // with a grace and the address stage holds requests for their logon, so idling buys no order they need,
        // while the default (0) made every record pay a lag check that formats a log line per empty partition
        // (the self-reports topic is nearly always empty): a tenth of the stream thread's time.
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "-1");
        // The app stamps its internal records with event time, which may be ahead of the broker's clock (a log
        // source's clock, a replayed day): the broker's default refuses records more than an hour ahead.
        p.put(StreamsConfig.topicPrefix("message.timestamp.after.max.ms"), String.valueOf(Long.MAX_VALUE));
        p.put(StreamsConfig.producerPrefix("batch.size"), "262144");
        p.put(StreamsConfig.consumerPrefix("max.poll.records"), "5000");
        p.put(StreamsConfig.consumerPrefix("fetch.min.bytes"), "65536");
        // ...but wait for those bytes no longer than half a commit interval (25 ms by default, not the consumer's
        // 500 ms). A hop's records come in small commits, and when a fetch asks mostly for the repartition topics (as
        // it does, we infer, while a busy thread's input partitions are paused with their buffers full), their 64 kB
        // take long to gather: each hop could wait up to 500 ms. bench-correlate, two alternating full pairs of runs
        // at 500 / 25 ms: steady p50 355 / 266 and 928 / 302 ms, p99 1,871 / 773 and 3,096 / 962 ms; at about 3,000
        // events/s, p50 607 / 227 ms and p99 875 / 324 ms.
        halfOf(commitInterval).ifPresent(wait -> p.put(StreamsConfig.consumerPrefix("fetch.max.wait.ms"), wait));
        // Not for the consumers that read a topic to its end before the app may start (the reference data of the
        // global stores, the changelogs of a restore): the last fetch of each topic, short of 64 kB, waited the whole
        // fetch.max.wait.ms (500 ms) for bytes that never come, two seconds of every start. A fetch of an empty or
        // read changelog still waits that long for a first byte: 100 ms there.
        for (String prefix : List.of(StreamsConfig.globalConsumerPrefix(""), StreamsConfig.restoreConsumerPrefix(""))) {
            p.put(prefix + "fetch.min.bytes", "1");
            p.put(prefix + "fetch.max.wait.ms", "100");
        }
        // Kafka Streams waits this long between its rounds of creating the internal topics and checking that they are
        // ready (InternalTopicManager.makeReady): on a first start the broker readied a few of the app's 11 internal
        // topics per round, and at the default 100 ms the rounds took about 1 s of the start. The partition assignor
        // that runs those rounds reads the main consumer's settings, so the main consumer retries on this back-off
        // too (it grows exponentially to retry.backoff.max.ms); the other clients keep their default.
        p.put(StreamsConfig.RETRY_BACKOFF_MS_CONFIG, "10");
        for (String prefix : List.of(
                StreamsConfig.producerPrefix(""),
                StreamsConfig.restoreConsumerPrefix(""),
                StreamsConfig.globalConsumerPrefix(""),
                StreamsConfig.adminClientPrefix(""))) {
            p.put(
                    prefix + CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG,
                    String.valueOf(CommonClientConfigs.DEFAULT_RETRY_BACKOFF_MS));
        }
        p.putAll(handlers(topics));
        app.forEach((k, v) -> {
            if (k.startsWith("streams.")) {
                p.put(k.substring("streams.".length()), v);
            }
        });
        // Not overridable: the incident ids and counts rely on every event being counted exactly once.
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return p;
    }

    /** Half of a number of milliseconds, at least 1; none for a value that is no number (Kafka Streams reports it). */
    private static Optional<String> halfOf(String millis) {
        try {
            return Optional.of(Long.toString(Math.max(1, Long.parseLong(millis.trim()) / 2)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * One stream thread per core, but no more than the busiest input topic has partitions (a thread without a task of
     * that topic would idle). One thread left the second core of a 2-core machine to the broker and the JIT while the
     * thread itself was the bottleneck.
     */
    static int threadsFor(int inputPartitions) {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), inputPartitions));
    }
}
