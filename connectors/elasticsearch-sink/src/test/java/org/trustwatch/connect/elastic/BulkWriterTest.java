package org.trustwatch.connect.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustwatch.elastic.client.ElasticClients;
import org.trustwatch.elastic.client.ElasticConnection;
import org.trustwatch.elastic.client.ElasticHandle;

/** How each item's answer is acted on; no request reaches a cluster (retries wait longer than the test). */
class BulkWriterTest {

    private final List<String> outcomes = new ArrayList<>();
    private final List<Pending> conflicts = new ArrayList<>();
    private final SinkMetrics metrics = new SinkMetrics();
    private ElasticHandle elastic;
    private BulkWriter writer;

    @BeforeEach
    void open() {
        elastic = ElasticClients.open(ElasticConnection.plain("http://127.0.0.1:9"));
        ElasticsearchSinkConfig config = new ElasticsearchSinkConfig(Map.of(
                "elasticsearch.urls", "http://127.0.0.1:9",
                "schema.registry.url", "http://127.0.0.1:8081",
                "retry.backoff.ms", "600000",
                "retry.backoff.max.ms", "600000",
                "retry.max.attempts", "2"));
        writer = new BulkWriter(elastic.client(), config, new Recorder(), conflicts::add, metrics);
    }

    @AfterEach
    void close() throws Exception {
        writer.close();
        elastic.close();
    }

    @Test
    void actsOnEachItemOfABulkAnswer() {
        List<Pending> writes = List.of(event(1), event(2), event(3), incident(4), event(5));

        writer.answered(
                writes,
                List.of(
                        item(201, null),
                        item(409, "version_conflict_engine_exception"),
                        item(400, "document_parsing_exception"),
                        item(409, "version_conflict_engine_exception"),
                        item(429, "es_rejected_execution_exception")));

        assertEquals(3, outcomes.size(), outcomes.toString());
        assertEquals("written 1", outcomes.get(0));
        assertEquals("skipped 2", outcomes.get(1));
        assertTrue(
                outcomes.get(2)
                        .startsWith("rejected 3: Elasticsearch refused document idx/3: 400:"
                                + " document_parsing_exception"),
                outcomes.get(2));
        assertEquals(List.of(writes.get(3)), conflicts, "the incident is planned again");
        assertEquals(1, metrics.retried.get(), "the 429 is sent again later");
    }

    @Test
    void givesUpAfterTheRetriesItWasAllowedWithAClearMessage() {
        Pending tired = event(1);
        tired.attempts = 2;

        writer.answered(List.of(tired), List.of(item(503, "unavailable_shards_exception")));

        assertEquals(1, outcomes.size());
        assertTrue(outcomes.get(0).startsWith("failed: gave up writing idx/1 after 2 retries"), outcomes.get(0));
        assertTrue(outcomes.get(0).contains("retry.max.attempts"), outcomes.get(0));
    }

    @Test
    void retriesAWholeRequestWhenTheClusterIsUnreachable() {
        writer.failed(List.of(event(1), event(2)), new ConnectException("Connection refused"));

        assertEquals(List.of(), outcomes);
        assertEquals(2, metrics.retried.get());
    }

    private static Pending event(long offset) {
        return Pending.event(record(offset), operation(offset));
    }

    private static Pending incident(long offset) {
        return Pending.incident(
                record(offset),
                operation(offset),
                org.trustwatch.elastic.document.IncidentDocument.of(
                        org.trustwatch.elastic.document.Incidents.version("inc-" + offset, 2)),
                0);
    }

    private static BulkOperation operation(long offset) {
        return BulkOperation.of(
                op -> op.create(c -> c.index("idx").id(Long.toString(offset)).document(Map.of())));
    }

    private static SinkRecord record(long offset) {
        return new SinkRecord("events.proxy", 0, null, null, null, new byte[0], offset);
    }

    private static BulkResponseItem item(int status, String errorType) {
        return BulkResponseItem.of(i -> {
            i.operationType(OperationType.Create).index("idx").id("x").status(status);
            if (errorType != null) {
                i.error(e -> e.type(errorType).reason("r"));
            }
            return i;
        });
    }

    private final class Recorder implements WriteOutcomes {
        @Override
        public void written(SinkRecord record) {
            outcomes.add("written " + record.kafkaOffset());
        }

        @Override
        public void skipped(SinkRecord record) {
            outcomes.add("skipped " + record.kafkaOffset());
        }

        @Override
        public void rejected(SinkRecord record, String reason) {
            outcomes.add("rejected " + record.kafkaOffset() + ": " + reason);
        }

        @Override
        public void failed(String message) {
            outcomes.add("failed: " + message);
        }
    }
}
