package org.trustwatch.connect.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.trustwatch.ingest.LogFormat;
import org.trustwatch.ingest.LogFormat.Family;

class LogSourceConfigTest {

    private static final Set<Family> PROXY = EnumSet.of(Family.PROXY);
    private static final Set<Family> MAIL = EnumSet.of(Family.MAIL);
    private static final Set<Family> ENDPOINT = EnumSet.of(Family.ENDPOINT, Family.REPORTS);

    @Test
    void refusesAFormatOfAnotherFamilyNamingTheConnectorThatReadsIt() {
        var mail = assertThrows(ConfigException.class, () -> config(PROXY, "postfix"));
        assertTrue(mail.getMessage().contains("format"), mail.getMessage());
        assertTrue(mail.getMessage().contains(MailLogSourceConnector.class.getName()), mail.getMessage());

        var reports = assertThrows(ConfigException.class, () -> config(MAIL, "reports"));
        assertTrue(reports.getMessage().contains(EndpointLogSourceConnector.class.getName()), reports.getMessage());

        var proxy = assertThrows(ConfigException.class, () -> config(ENDPOINT, "squid"));
        assertTrue(proxy.getMessage().contains(ProxyLogSourceConnector.class.getName()), proxy.getMessage());
        assertTrue(
                proxy.getMessage().contains("winlogbeat, nxlog, evtx-json, mdm, reports"),
                "and says what this one reads: " + proxy.getMessage());
    }

    @Test
    void refusesAnUnknownFormatListingTheValidOnes() {
        var e = assertThrows(ConfigException.class, () -> config(PROXY, "bluecoat"));

        assertTrue(e.getMessage().contains("bluecoat"), e.getMessage());
        assertTrue(e.getMessage().contains("squid, w3c, e2guardian"), e.getMessage());
        assertFalse(e.getMessage().contains("postfix"), "only the formats this connector reads: " + e.getMessage());
    }

    @Test
    void acceptsEachFormatOfItsFamilies() {
        assertEquals(LogFormat.W3C, config(PROXY, "w3c").format());
        assertEquals(LogFormat.M365_TRACE, config(MAIL, "m365-trace").format());
        assertEquals(LogFormat.MDM, config(ENDPOINT, "mdm").format());
        assertEquals(LogFormat.REPORTS, config(ENDPOINT, "reports").format());
    }

    @Test
    void refusesABadTimezoneNamingTheKey() {
        var e = assertThrows(ConfigException.class, () -> config(PROXY, "squid", "timezone", "Mars/Olympus_Mons"));

        assertTrue(e.getMessage().contains("timezone"), e.getMessage());
        assertTrue(e.getMessage().contains("Mars/Olympus_Mons"), e.getMessage());
    }

    @Test
    void needsTheRegistryUrl() {
        var e = assertThrows(
                ConfigException.class, () -> new LogSourceConfig(PROXY, Map.of("format", "squid", "files", "/x")));

        assertTrue(e.getMessage().contains("schema.registry.url"), e.getMessage());
    }

    @Test
    void defaultsTheTopicsByFamily() {
        assertTopics(config(PROXY, "squid"), "events.proxy", "dlq.proxy");
        assertTopics(config(MAIL, "postfix"), "events.mail", "dlq.mail");
        assertTopics(config(ENDPOINT, "winlogbeat"), "events.endpoint", "dlq.endpoint");
        assertTopics(config(ENDPOINT, "reports"), "reports.incident", "dlq.reports");
    }

    @Test
    void usesTheTopicsGiven() {
        assertTopics(
                config(PROXY, "squid", "topic", "events.proxy.trial", "dlq.topic", "dlq.trial"),
                "events.proxy.trial",
                "dlq.trial");
    }

    @Test
    void readsTheOtherSettingsWithTheirDefaults() {
        LogSourceConfig config = config(PROXY, "squid");

        assertEquals(List.of("/var/log/squid/access.log"), config.filePatterns());
        assertEquals(ZoneId.of("Europe/London"), config.zone());
        assertNull(config.school());
        assertNull(config.categoriesPath());
        assertFalse(config.keepOriginal());
        assertEquals(0, config.syslogTcpPort());
        assertEquals(0, config.syslogUdpPort());
        assertEquals("127.0.0.1", config.syslogBindAddress());
        assertEquals(1 << 20, config.maxLineBytes());
        assertEquals(List.of(), config.taskFilePatterns());
        assertFalse(config.taskListensForSyslog());

        LogSourceConfig set = config(
                PROXY,
                "squid",
                "school.id",
                "sch-001",
                "timezone",
                "UTC",
                "categories.path",
                "/etc/trustwatch/categories.csv",
                "files",
                "/a/access.log, /b/*.log");
        assertEquals("sch-001", set.school());
        assertEquals(ZoneId.of("UTC"), set.zone());
        assertEquals(Path.of("/etc/trustwatch/categories.csv"), set.categoriesPath());
        assertEquals(List.of("/a/access.log", "/b/*.log"), set.filePatterns());
    }

    @Test
    void refusesALineLimitBelowOneKilobyte() {
        var e = assertThrows(ConfigException.class, () -> config(PROXY, "squid", "max.line.bytes", "100"));

        assertTrue(e.getMessage().contains("max.line.bytes"), e.getMessage());
    }

    private static void assertTopics(LogSourceConfig config, String topic, String deadLetters) {
        assertEquals(topic, config.topic());
        assertEquals(deadLetters, config.deadLetterTopic());
    }

    static LogSourceConfig config(Set<Family> families, String format, String... more) {
        Map<String, String> props = new HashMap<>();
        props.put("format", format);
        props.put("files", "/var/log/squid/access.log");
        props.put("schema.registry.url", "http://127.0.0.1:8081");
        for (int i = 0; i < more.length; i += 2) {
            props.put(more[i], more[i + 1]);
        }
        return new LogSourceConfig(families, props);
    }
}
