package org.trustwatch.pipeline.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustwatch.ingest.LogFormat;
import org.trustwatch.pipeline.kafka.PipelineTopics;
import org.trustwatch.pipeline.workload.ManifestRow;

class ConnectorConfigsTest {

    private static final Optional<Path> CATEGORIES = Optional.of(Path.of("/w/reference/categories.csv"));

    @Test
    void aProxyLogGetsItsSchoolTheCategoryListAndItsFamilysTopics() {
        ManifestRow row = new ManifestRow(2, LogFormat.named("squid"), "WOH", Path.of("/w/squid/access.log"));

        Map<String, String> c = ConnectorConfigs.source(
                "samples-abc123-01-squid",
                row,
                Path.of("/d/squid/access.log"),
                PipelineTopics.defaults(),
                "http://r",
                CATEGORIES);

        assertEquals("org.trustwatch.connect.source.ProxyLogSourceConnector", c.get("connector.class"));
        assertEquals("/d/squid/access.log", c.get("files"));
        assertEquals("WOH", c.get("school.id"));
        assertEquals("/w/reference/categories.csv", c.get("categories.path"));
        assertEquals("events.proxy", c.get("topic"));
        assertEquals("dlq.proxy", c.get("dlq.topic"));
        assertEquals("required", c.get("exactly.once.support"));
        assertEquals("interval", c.get("transaction.boundary"), "one transaction per interval, not per poll");
        assertEquals(
                "samples-abc123-01-squid.offsets",
                c.get("offsets.storage.topic"),
                "each agent follows only its own offsets");
        assertEquals("samples-abc123-01-squid", ConnectorConfigs.sourceName("samples-abc123", row));
    }

    @Test
    void aMixedMailLogHasNoSchoolAndAReportsLogGoesToTheReportsTopic() {
        Map<String, String> mail = ConnectorConfigs.source(
                "run-05-postfix",
                new ManifestRow(5, LogFormat.named("postfix"), null, Path.of("/w/maillog")),
                Path.of("/d/maillog"),
                PipelineTopics.prefixed("run."),
                "http://r",
                CATEGORIES);
        Map<String, String> reports = ConnectorConfigs.source(
                "run-11-reports",
                new ManifestRow(11, LogFormat.named("reports"), null, Path.of("/w/r.jsonl")),
                Path.of("/d/r.jsonl"),
                PipelineTopics.defaults(),
                "http://r",
                CATEGORIES);

        assertFalse(mail.containsKey("school.id"));
        assertFalse(mail.containsKey("categories.path"), "only proxies look up categories");
        assertEquals("run.events.mail", mail.get("topic"));
        assertEquals("run.dlq.mail", mail.get("dlq.topic"));
        assertEquals("org.trustwatch.connect.source.EndpointLogSourceConnector", reports.get("connector.class"));
        assertEquals("reports.incident", reports.get("topic"));
        assertEquals("dlq.reports", reports.get("dlq.topic"));
    }

    @Test
    void theSinkReadsIncidentsAndEveryEventTopicCommittedOnly() {
        Map<String, String> c = ConnectorConfigs.sink(PipelineTopics.defaults(), "http://es:9200", "http://r");

        assertEquals("incidents,events.proxy,events.mail,events.endpoint,reports.incident", c.get("topics"));
        assertEquals("incidents", c.get("incidents.topic"));
        assertEquals("dlq.elasticsearch", c.get("errors.deadletterqueue.topic.name"));
        assertEquals("read_committed", c.get("consumer.override.isolation.level"));
        assertEquals("trustwatch-es-sink", ConnectorConfigs.sinkName(PipelineTopics.defaults()));
    }

    @Test
    void anAgentMadeBeforeAgentsHadTheirOwnOffsetsTopicKeepsTheSharedOne() {
        Map<String, String> wanted = ConnectorConfigs.source(
                "samples-abc123-01-squid",
                new ManifestRow(2, LogFormat.named("squid"), "WOH", Path.of("/w/squid/access.log")),
                Path.of("/d/squid/access.log"),
                PipelineTopics.defaults(),
                "http://r",
                CATEGORIES);
        Map<String, String> older = new java.util.HashMap<>(wanted);
        older.remove(ConnectorConfigs.OFFSETS_TOPIC);

        assertEquals(wanted, ConnectorConfigs.forExisting(wanted, java.util.Optional.empty()), "a new agent");
        assertEquals(wanted, ConnectorConfigs.forExisting(wanted, java.util.Optional.of(wanted)), "already has one");
        assertEquals(older, ConnectorConfigs.forExisting(wanted, java.util.Optional.of(older)), "keeps its position");
    }
}
