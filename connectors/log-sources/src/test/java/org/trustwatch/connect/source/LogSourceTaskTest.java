package org.trustwatch.connect.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The task against real files, without Kafka. Events are serialised through the schema registry, which a unit test
 * does not have: these tests use lines that are not events (dead letters never touch the registry); events are
 * covered by the integration tests.
 */
class LogSourceTaskTest {

    /** Nothing listens here: a test that reached the registry would fail. */
    private static final String NO_REGISTRY = "http://127.0.0.1:9";

    @TempDir
    Path dir;

    private final Map<Map<String, Object>, Map<String, Object>> committed = new HashMap<>();
    private final List<LogSourceTask> tasks = new ArrayList<>();
    private PluginMetrics pluginMetrics;

    @AfterEach
    void stopTasks() {
        tasks.forEach(LogSourceTask::stop);
    }

    @Test
    void sendsEachMalformedLineToTheDeadLetterTopicWithTheOffsetAfterIt() throws Exception {
        Path log = dir.resolve("access.log");
        TailedFileTest.append(log, "not a squid line\nstill not\n");
        LogSourceTask task = start(props("squid", log));

        List<SourceRecord> records = task.poll();

        assertEquals(List.of("not a squid line", "still not"), values(records));
        assertEquals(List.of(17L, 27L), positions(records), "each record's offset is the end of its line");
        for (SourceRecord record : records) {
            assertEquals("dlq.proxy", record.topic());
            assertEquals(Map.of("file", log.toString()), record.sourcePartition());
            assertEquals(log.toString(), header(record, "trustwatch.dlq.file"));
            assertEquals("squid", header(record, "trustwatch.dlq.format"));
            assertEquals("proxy-test", header(record, "trustwatch.dlq.connector"));
        }
        assertEquals(
                List.of(1L, 2L),
                records.stream().map(r -> header(r, "trustwatch.dlq.line")).toList());
        assertEquals(
                new String((byte[]) records.get(1).key(), StandardCharsets.UTF_8), log + ":2", "the key is file:line");
        assertTrue(((String) header(records.get(0), "trustwatch.dlq.reason")).contains("field"));
    }

    @Test
    void theNextPollContinuesWithTheLinesAppendedSince() throws Exception {
        Path log = dir.resolve("access.log");
        TailedFileTest.append(log, "bad 1\n");
        LogSourceTask task = start(props("squid", log));
        assertEquals(List.of("bad 1"), values(task.poll()));

        assertEquals(List.of(), task.poll(), "nothing new");
        TailedFileTest.append(log, "bad 2\nbad 3\n");

        List<SourceRecord> records = task.poll();
        assertEquals(List.of("bad 2", "bad 3"), values(records));
        assertEquals(List.of(12L, 18L), positions(records));
    }

    @Test
    void aRestartFromTheStoredOffsetDoesNotSendALineAgain() throws Exception {
        Path log = dir.resolve("access.log");
        TailedFileTest.append(log, "bad 1\nbad 2\n");
        LogSourceTask first = start(props("squid", log));
        commit(first.poll());
        first.stop();
        TailedFileTest.append(log, "bad 3\n");

        LogSourceTask second = start(props("squid", log));

        List<SourceRecord> records = second.poll();
        assertEquals(List.of("bad 3"), values(records));
        assertEquals(3L, header(records.get(0), "trustwatch.dlq.line"), "line numbers carry on");
        commit(records);
        assertEquals(List.of(), second.poll());
    }

    @Test
    void aRestartOfAFormatWithAHeaderReadsTheHeaderAgainButSendsOnlyNewLines() throws Exception {
        Path log = dir.resolve("w3c.log");
        TailedFileTest.append(log, "#Fields: date time c-ip cs-uri\n2026-11-23 07:55:39 10.20.2.19\n");
        LogSourceTask first = start(props("w3c", log));
        List<SourceRecord> before = first.poll();
        assertEquals(List.of("2026-11-23 07:55:39 10.20.2.19"), values(before));
        commit(before);
        first.stop();
        TailedFileTest.append(log, "2026-11-23 07:55:40 10.20.2.20\n");

        LogSourceTask second = start(props("w3c", log));

        List<SourceRecord> records = second.poll();
        assertEquals(List.of("2026-11-23 07:55:40 10.20.2.20"), values(records));
        assertEquals(
                header(before.get(0), "trustwatch.dlq.reason"),
                header(records.get(0), "trustwatch.dlq.reason"),
                "the line is read with the columns of the #Fields header");
        assertEquals(3L, header(records.get(0), "trustwatch.dlq.line"));
    }

    @Test
    void readsNoMoreLinesInAPollThanTheBatchAllows() throws Exception {
        Path log = dir.resolve("access.log");
        TailedFileTest.append(log, "bad 1\nbad 2\nbad 3\nbad 4\nbad 5\n");
        Map<String, String> props = props("squid", log);
        props.put("batch.max.lines", "2");
        LogSourceTask task = start(props);

        assertEquals(List.of("bad 1", "bad 2"), values(task.poll()));
        assertEquals(List.of("bad 3", "bad 4"), values(task.poll()));
        assertEquals(List.of("bad 5"), values(task.poll()));
    }

    @Test
    void sendsAnOverlongLineAsADeadLetterWithoutItsText() throws Exception {
        Path log = dir.resolve("access.log");
        TailedFileTest.append(log, "x".repeat(3000) + "\nbad\n");
        Map<String, String> props = props("squid", log);
        props.put("max.line.bytes", "1024");
        LogSourceTask task = start(props);

        List<SourceRecord> records = task.poll();

        assertEquals(2, records.size());
        assertNull(records.get(0).value());
        assertEquals("line is longer than 1024 bytes: not read", header(records.get(0), "trustwatch.dlq.reason"));
        assertEquals(3001L, positions(records).get(0));
        assertEquals("bad", values(records).get(1));
    }

    @Test
    void sendsMalformedSyslogMessagesToTheDeadLetterTopicNumberedPerSender() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        Map<String, String> props = props("squid", dir.resolve("none.log"));
        props.put("syslog.udp.port", Integer.toString(port));
        LogSourceTask task = start(props);

        sendUdp(port, "<134>Nov 23 07:55:39 proxy01 squid[7]: not a squid line\n");
        List<SourceRecord> first = pollUntilSome(task);
        sendUdp(port, "<134>Nov 23 07:55:40 proxy01 squid[7]: nor this\n");
        List<SourceRecord> second = pollUntilSome(task);

        assertEquals(List.of("not a squid line"), values(first), "the syslog header is not part of a Squid line");
        assertEquals(List.of("nor this"), values(second));
        SourceRecord record = first.get(0);
        assertEquals("dlq.proxy", record.topic());
        assertEquals("syslog:udp:127.0.0.1:1", new String((byte[]) record.key(), StandardCharsets.UTF_8));
        assertNull(record.sourcePartition(), "syslog has no offset to resume from");
        assertEquals(
                "syslog:udp:127.0.0.1:2",
                new String((byte[]) second.get(0).key(), StandardCharsets.UTF_8),
                "the second message from the sender, whichever poll it came in");
        assertEquals(2L, header(second.get(0), "trustwatch.dlq.line"));
    }

    private static List<SourceRecord> pollUntilSome(LogSourceTask task) throws InterruptedException {
        List<SourceRecord> records = new ArrayList<>();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (records.isEmpty() && System.nanoTime() < deadline) {
            records.addAll(task.poll());
        }
        return records;
    }

    private static void sendUdp(int port, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (DatagramSocket sender = new DatagramSocket()) {
            sender.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName("127.0.0.1"), port));
        }
    }

    @Test
    void countsLinesReadAndRejectedInTheWorkersMetrics() throws Exception {
        Path log = dir.resolve("access.log");
        TailedFileTest.append(log, "bad 1\nbad 2\n\n");
        try (Metrics registry = new Metrics();
                PluginMetricsImpl plugin = new PluginMetricsImpl(registry, Map.of())) {
            pluginMetrics = plugin;
            LogSourceTask task = start(props("squid", log));

            assertEquals(2, task.poll().size());

            assertEquals(3L, LogSourceMetricsTest.value(registry, "lines-read-total"), "the blank line was read too");
            assertEquals(2L, LogSourceMetricsTest.value(registry, "lines-rejected-total"));
            assertEquals(0L, LogSourceMetricsTest.value(registry, "events-total"));
        }
    }

    private LogSourceTask start(Map<String, String> props) {
        LogSourceTask task = new LogSourceTask();
        task.initialize(new FakeContext(props));
        tasks.add(task);
        task.start(props);
        return task;
    }

    /** What Connect does once the records are written: keep the last offset per file. */
    @SuppressWarnings("unchecked")
    private void commit(List<SourceRecord> records) {
        for (SourceRecord record : records) {
            committed.put((Map<String, Object>) record.sourcePartition(), (Map<String, Object>) record.sourceOffset());
        }
    }

    private Map<String, String> props(String format, Path file) {
        ProxyLogSourceConnector connector = new ProxyLogSourceConnector();
        Map<String, String> connectorProps = new HashMap<>();
        connectorProps.put("name", "proxy-test");
        connectorProps.put("format", format);
        connectorProps.put("files", file.toString());
        connectorProps.put("schema.registry.url", NO_REGISTRY);
        connectorProps.put("key.converter", LogSourceConnector.BYTE_ARRAY_CONVERTER);
        connectorProps.put("value.converter", LogSourceConnector.BYTE_ARRAY_CONVERTER);
        connectorProps.put("poll.interval.ms", "10");
        connector.start(connectorProps);
        return new HashMap<>(connector.taskConfigs(1).get(0));
    }

    private static List<String> values(List<SourceRecord> records) {
        return records.stream()
                .map(r -> r.value() == null ? null : new String((byte[]) r.value(), StandardCharsets.UTF_8))
                .toList();
    }

    private static List<Long> positions(List<SourceRecord> records) {
        return records.stream()
                .map(r -> FileOffset.fromMap(r.sourceOffset()).position())
                .toList();
    }

    private static Object header(SourceRecord record, String key) {
        Header header = record.headers().lastWithName(key);
        return header == null ? null : header.value();
    }

    private final class FakeContext implements SourceTaskContext {
        private final Map<String, String> configs;

        FakeContext(Map<String, String> configs) {
            this.configs = configs;
        }

        @Override
        public Map<String, String> configs() {
            return configs;
        }

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return new OffsetStorageReader() {
                @Override
                public <T> Map<String, Object> offset(Map<String, T> partition) {
                    return committed.get(partition);
                }

                @Override
                public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                    Map<Map<String, T>, Map<String, Object>> offsets = new HashMap<>();
                    partitions.forEach(partition -> offsets.put(partition, committed.get(partition)));
                    return offsets;
                }
            };
        }

        @Override
        public PluginMetrics pluginMetrics() {
            return pluginMetrics; // null unless a test sets it: LogSourceMetrics.register skips publishing then
        }
    }
}
