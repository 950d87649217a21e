package org.trustwatch.connect.source;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.Test;
import org.trustwatch.ingest.LogFormat.Family;

class LogSourceConnectorTest {

    private static final String BYTES = "org.apache.kafka.connect.converters.ByteArrayConverter";

    @Test
    void refusesToStartWithoutByteArrayConvertersNamingTheClassToSet() {
        Map<String, String> noConverters = props("squid", "files", "/var/log/squid/access.log");
        noConverters.remove("key.converter");
        noConverters.remove("value.converter");
        var key = assertThrows(ConfigException.class, () -> new ProxyLogSourceConnector().start(noConverters));
        assertTrue(key.getMessage().contains("key.converter"), key.getMessage());
        assertTrue(key.getMessage().contains(BYTES), key.getMessage());

        Map<String, String> jsonValues = props("squid", "files", "/var/log/squid/access.log");
        jsonValues.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        var value = assertThrows(ConfigException.class, () -> new ProxyLogSourceConnector().start(jsonValues));
        assertTrue(value.getMessage().contains("value.converter"), value.getMessage());
        assertTrue(value.getMessage().contains(BYTES), value.getMessage());
    }

    @Test
    void refusesToStartWithNeitherFilesNorSyslog() {
        var e = assertThrows(ConfigException.class, () -> new ProxyLogSourceConnector().start(props("squid")));

        assertTrue(e.getMessage().contains("files"), e.getMessage());
        assertTrue(e.getMessage().contains("syslog"), e.getMessage());
    }

    @Test
    void startsWithOnlyASyslogPort() {
        assertDoesNotThrow(() -> new ProxyLogSourceConnector().start(props("squid", "syslog.udp.port", "5514")));
        assertDoesNotThrow(() -> new MailLogSourceConnector().start(props("postfix", "syslog.tcp.port", "5514")));
    }

    @Test
    void refusesSyslogForEndpointFormats() {
        for (String format : List.of("winlogbeat", "nxlog", "evtx-json", "mdm")) {
            var e = assertThrows(
                    ConfigException.class,
                    () -> new EndpointLogSourceConnector()
                            .start(props(format, "files", "/srv/agent/*.json", "syslog.tcp.port", "5514")),
                    format);
            assertTrue(e.getMessage().contains("syslog"), e.getMessage());
        }
    }

    @Test
    void refusesAFormatOfAnotherFamilyNamingTheRightConnector() {
        var e = assertThrows(ConfigException.class, () -> new ProxyLogSourceConnector()
                .start(props("winlogbeat", "files", "/srv/agent/*.json")));

        assertTrue(e.getMessage().contains(EndpointLogSourceConnector.class.getName()), e.getMessage());
    }

    @Test
    void dealsFilePatternsRoundRobinAndGivesSyslogToTaskZeroOnly() {
        ProxyLogSourceConnector connector = new ProxyLogSourceConnector();
        connector.start(props(
                "squid",
                "files",
                "/a/access.log,/b/access.log,/c/*.log,/d/access.log,/e/**/x.log",
                "syslog.udp.port",
                "5514"));

        List<Map<String, String>> tasks = connector.taskConfigs(2);

        assertEquals(2, tasks.size());
        assertEquals(
                List.of("/a/access.log", "/c/*.log", "/e/**/x.log"),
                taskConfig(tasks.get(0)).taskFilePatterns());
        assertEquals(
                List.of("/b/access.log", "/d/access.log"),
                taskConfig(tasks.get(1)).taskFilePatterns());
        assertEquals(
                List.of(true, false),
                tasks.stream().map(t -> taskConfig(t).taskListensForSyslog()).toList());
        for (Map<String, String> task : tasks) {
            assertEquals("squid", task.get("format"), "a task gets the connector's settings");
            assertEquals(EnumSet.of(Family.PROXY), LogSourceConnector.familiesOf(task));
        }
    }

    @Test
    void startsNoMoreTasksThanThereArePatterns() {
        EndpointLogSourceConnector connector = new EndpointLogSourceConnector();
        connector.start(props("reports", "files", "/srv/reports/a.jsonl,/srv/reports/b.jsonl"));

        List<Map<String, String>> tasks = connector.taskConfigs(8);

        assertEquals(2, tasks.size());
        assertEquals(EnumSet.of(Family.ENDPOINT, Family.REPORTS), LogSourceConnector.familiesOf(tasks.get(1)));
        assertEquals("reports.incident", taskConfig(tasks.get(1)).topic());
    }

    @Test
    void aSyslogOnlyConnectorHasOneTaskThatListens() {
        MailLogSourceConnector connector = new MailLogSourceConnector();
        connector.start(props("postfix", "syslog.tcp.port", "5514"));

        List<Map<String, String>> tasks = connector.taskConfigs(4);

        assertEquals(1, tasks.size());
        LogSourceConfig task = taskConfig(tasks.get(0));
        assertEquals(List.of(), task.taskFilePatterns());
        assertTrue(task.taskListensForSyslog());
    }

    @Test
    void tasksUseTheFamilysTopicsUnlessGiven() {
        assertTopics(
                new ProxyLogSourceConnector(), props("e2guardian", "files", "/x.log"), "events.proxy", "dlq.proxy");
        assertTopics(new MailLogSourceConnector(), props("postfix", "files", "/x.log"), "events.mail", "dlq.mail");
        assertTopics(
                new EndpointLogSourceConnector(),
                props("nxlog", "files", "/x.json"),
                "events.endpoint",
                "dlq.endpoint");
        assertTopics(
                new EndpointLogSourceConnector(),
                props("reports", "files", "/x.json"),
                "reports.incident",
                "dlq.reports");
        assertTopics(
                new ProxyLogSourceConnector(),
                props("squid", "files", "/x.log", "topic", "events.proxy.test", "dlq.topic", "dlq.test"),
                "events.proxy.test",
                "dlq.test");
    }

    @Test
    void acceptsGoodOffsetsAndResets() {
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
        offsets.put(FileOffset.partition("/var/log/squid/access.log"), Map.of("position", 0L));
        offsets.put(
                FileOffset.partition("/var/log/squid/other.log"),
                new FileOffset(4096, 12, 5000, 1024, "00112233445566778899aabbccddeeff").toMap());
        offsets.put(FileOffset.partition("/var/log/squid/reset.log"), null);

        assertTrue(new ProxyLogSourceConnector().alterOffsets(Map.of(), offsets));
    }

    @Test
    void refusesAPartitionWithoutAFile() {
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
        offsets.put(Map.of("path", "/var/log/squid/access.log"), Map.of("position", 0L));

        var e = assertThrows(
                ConnectException.class, () -> new ProxyLogSourceConnector().alterOffsets(Map.of(), offsets));

        assertTrue(e.getMessage().contains("\"file\""), e.getMessage());
    }

    @Test
    void refusesAnOffsetWithoutAPositionNamingTheFileAndKey() {
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
        offsets.put(FileOffset.partition("/var/log/squid/access.log"), Map.of("line", 10L));

        var e = assertThrows(
                ConnectException.class, () -> new ProxyLogSourceConnector().alterOffsets(Map.of(), offsets));

        assertEquals("offset for /var/log/squid/access.log: offset key 'position' is missing", e.getMessage());
    }

    @Test
    void refusesANegativePosition() {
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
        offsets.put(FileOffset.partition("/var/log/squid/access.log"), Map.of("position", -5L));

        var e = assertThrows(
                ConnectException.class, () -> new MailLogSourceConnector().alterOffsets(Map.of(), offsets));

        assertTrue(e.getMessage().contains("'position'"), e.getMessage());
    }

    @Test
    void supportsExactlyOnce() {
        assertEquals(ExactlyOnceSupport.SUPPORTED, new ProxyLogSourceConnector().exactlyOnceSupport(Map.of()));
        assertEquals(ExactlyOnceSupport.SUPPORTED, new EndpointLogSourceConnector().exactlyOnceSupport(Map.of()));
    }

    @Test
    void describesItselfToConnect() {
        ProxyLogSourceConnector connector = new ProxyLogSourceConnector();

        assertEquals(LogSourceTask.class, connector.taskClass());
        assertEquals(LogSourceConnector.VERSION, connector.version());
        assertTrue(connector.config().names().containsAll(List.of("format", "files", "schema.registry.url")));
        assertTrue(connector.config().configKeys().get("format").documentation.contains("squid, w3c, e2guardian"));
    }

    private static void assertTopics(
            LogSourceConnector connector, Map<String, String> props, String topic, String deadLetters) {
        connector.start(props);
        LogSourceConfig task = taskConfig(connector.taskConfigs(1).get(0));
        assertEquals(topic, task.topic());
        assertEquals(deadLetters, task.deadLetterTopic());
    }

    private static LogSourceConfig taskConfig(Map<String, String> taskProps) {
        return new LogSourceConfig(LogSourceConnector.familiesOf(taskProps), taskProps);
    }

    private static Map<String, String> props(String format, String... more) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "test-connector");
        props.put("format", format);
        props.put("schema.registry.url", "http://127.0.0.1:8081");
        props.put("key.converter", BYTES);
        props.put("value.converter", BYTES);
        for (int i = 0; i < more.length; i += 2) {
            props.put(more[i], more[i + 1]);
        }
        return props;
    }
}
