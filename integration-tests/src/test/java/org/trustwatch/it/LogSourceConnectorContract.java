package org.trustwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.trustwatch.pipeline.connect.ConnectRest;
import org.trustwatch.schema.serde.RegistrySerdes;
import org.trustwatch.stack.StackSettings;

/**
 * What every log source connector must do on the real stack, as the Kafka file connector's own tests check: read a
 * file, stop and resume from the saved offset, follow rotation, accept altered offsets; plus bad lines in the
 * dead-letter topic. Each test runs its own connector, topics and directory.
 */
abstract class LogSourceConnectorContract {

    private static final Duration SETTLE = Duration.ofSeconds(3);

    private StackSettings stack;
    private ConnectRest connect;
    private String name;
    private String topic;
    private String dlqTopic;
    protected Path log;

    /** The connector class, e.g. ProxyLogSourceConnector. */
    abstract String connectorClass();

    abstract String format();

    /** The lines that make event number {@code i} (one line, or several for a Postfix message). */
    abstract List<String> eventLines(int i);

    /** The event number {@code i} a record carries, as the test wrote it. */
    abstract int eventNumber(SpecificRecord event);

    /** A line the format must refuse. */
    abstract String malformedLine();

    @BeforeEach
    void setUp(TestInfo test) throws Exception {
        stack = TestStack.get().settings();
        connect = new ConnectRest(stack.connectUrl());
        name = "it-" + format() + "-" + test.getTestMethod().orElseThrow().getName();
        topic = name + ".events";
        dlqTopic = name + ".dlq";
        TopicReader.create(stack.kafkaBootstrap(), topic, dlqTopic);
        Path dir = Path.of("target", "it-logs", name).toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir);
        log = dir.resolve("current.log");
    }

    @AfterEach
    void removeConnector() throws Exception {
        connect.delete(name);
    }

    @Test
    void readsEveryEventOnceAndSendsAMalformedLineToTheDeadLetterTopic() throws Exception {
        append(log, events(1, 10));
        append(log, List.of(malformedLine()));
        long malformedLineNumber = Files.readAllLines(log).size();
        append(log, events(11, 20));

        start();

        assertEvents(IntStream.rangeClosed(1, 20), 20);
        List<ConsumerRecord<byte[], byte[]>> dead = TopicReader.readAll(stack.kafkaBootstrap(), dlqTopic, 1, SETTLE);
        assertEquals(1, dead.size(), "dead letters");
        ConsumerRecord<byte[], byte[]> letter = dead.get(0);
        assertEquals(malformedLine(), new String(letter.value(), StandardCharsets.UTF_8));
        assertEquals(log.toString(), header(letter, "trustwatch.dlq.file"));
        assertEquals(Long.toString(malformedLineNumber), header(letter, "trustwatch.dlq.line"));
        assertEquals(format(), header(letter, "trustwatch.dlq.format"));
        assertTrue(!header(letter, "trustwatch.dlq.reason").isBlank(), "a reason is given");
    }

    @Test
    void resumesFromTheSavedOffsetWithoutLossOrRepeat() throws Exception {
        append(log, events(1, 10));
        // event 11 is cut in the middle of a line: neither the unterminated line nor the open event may be read yet
        String split = String.join("\n", eventLines(11)) + "\n";
        int cut = split.length() / 2;
        appendText(log, split.substring(0, cut));
        start();
        assertEvents(IntStream.rangeClosed(1, 10), 10);

        connect.stop(name);
        var stored = connect.offsets(name).at("/offsets");
        assertEquals(1, stored.size(), "one file, one stored offset: " + stored);
        assertEquals(log.toString(), stored.at("/0/partition/file").asText());
        assertTrue(stored.at("/0/offset/position").asLong() > 0, stored.toString());

        appendText(log, split.substring(cut));
        append(log, events(12, 20));
        connect.resume(name);

        assertEvents(IntStream.rangeClosed(1, 20), 20);
    }

    @Test
    void followsARenameRotationMidStream() throws Exception {
        append(log, events(1, 10));
        start();
        assertEvents(IntStream.rangeClosed(1, 10), 10);

        append(log, events(11, 15));
        Path rotated = log.resolveSibling("current.log.1");
        Files.move(log, rotated);
        append(rotated, events(16, 18)); // the writer had the file open and keeps writing until it reopens
        append(log, events(19, 25));

        assertEvents(IntStream.rangeClosed(1, 25), 25);
    }

    @Test
    void followsACopytruncateRotationWhileStopped() throws Exception {
        append(log, events(1, 10));
        start();
        assertEvents(IntStream.rangeClosed(1, 10), 10);
        connect.stop(name);

        append(log, events(11, 15));
        Files.copy(log, log.resolveSibling("current.log.1"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.write(log, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
        append(log, events(16, 20));
        connect.resume(name);

        assertEvents(IntStream.rangeClosed(1, 20), 20);
    }

    @Test
    void readsAgainFromAnOffsetAPersonSet() throws Exception {
        append(log, events(1, 5));
        start();
        assertEvents(IntStream.rangeClosed(1, 5), 5);
        connect.stop(name);

        connect.alterOffsets(
                name,
                "{\"offsets\":[{\"partition\":{\"file\":\"" + log + "\"},\"offset\":{\"position\":0,\"line\":0}}]}");
        connect.resume(name);

        assertEvents(IntStream.concat(IntStream.rangeClosed(1, 5), IntStream.rangeClosed(1, 5)), 10);
    }

    private void start() throws Exception {
        Map<String, String> config = new java.util.LinkedHashMap<>();
        config.put("connector.class", "org.trustwatch.connect.source." + connectorClass());
        config.put("tasks.max", "1");
        config.put("format", format());
        config.put("files", log.toString());
        config.put("topic", topic);
        config.put("dlq.topic", dlqTopic);
        config.put("schema.registry.url", stack.registryUrl());
        config.put("school.id", "WOH");
        config.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        config.put("exactly.once.support", "required");
        connect.put(name, config);
        connect.awaitRunning(name);
    }

    /** The topic holds exactly these event numbers (with repeats where expected), each as often as listed. */
    private void assertEvents(IntStream expectedNumbers, int expectedCount) {
        Map<Integer, Integer> expected = new TreeMap<>();
        expectedNumbers.forEach(i -> expected.merge(i, 1, Integer::sum));
        List<ConsumerRecord<byte[], byte[]>> records =
                TopicReader.readAll(stack.kafkaBootstrap(), topic, expectedCount, SETTLE);
        Map<Integer, Integer> actual = new TreeMap<>();
        try (Serde<SpecificRecord> serde = RegistrySerdes.valueSerde(stack.registryUrl())) {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                actual.merge(eventNumber(serde.deserializer().deserialize(topic, record.value())), 1, Integer::sum);
            }
        }
        assertEquals(expected, actual, "event number -> times produced");
    }

    private List<String> events(int from, int to) {
        List<String> lines = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            lines.addAll(eventLines(i));
        }
        return lines;
    }

    private static void append(Path file, List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void appendText(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
