package org.trustwatch.connect.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void sortsItemAnswers() {
        assertEquals(Failures.Outcome.WRITTEN, Failures.of(item(201, null), false));
        assertEquals(
                Failures.Outcome.ALREADY_THERE, Failures.of(item(409, "version_conflict_engine_exception"), false));
        assertEquals(Failures.Outcome.CONFLICT, Failures.of(item(409, "version_conflict_engine_exception"), true));
        assertEquals(Failures.Outcome.RETRY, Failures.of(item(429, "es_rejected_execution_exception"), false));
        assertEquals(Failures.Outcome.RETRY, Failures.of(item(503, "unavailable_shards_exception"), true));
        assertEquals(Failures.Outcome.REJECTED, Failures.of(item(400, "document_parsing_exception"), false));
        assertEquals(Failures.Outcome.REJECTED, Failures.of(item(400, "mapper_parsing_exception"), true));
        assertEquals(Failures.Outcome.FATAL, Failures.of(item(404, "index_not_found_exception"), false));
        assertEquals(Failures.Outcome.FATAL, Failures.of(item(403, "security_exception"), false));
    }

    @Test
    void aLostConnectionOrABusyClusterIsWorthAnotherTry() {
        assertTrue(Failures.isTransient(new IOException("wrapped", new ConnectException("Connection refused"))));
        assertTrue(Failures.isTransient(error(429)));
        assertTrue(Failures.isTransient(error(502)));
        assertFalse(Failures.isTransient(error(401)), "wrong credentials do not heal by waiting");
        assertFalse(Failures.isTransient(new IllegalStateException("a bug")));
    }

    @Test
    void theReasonFollowsTheCauses() {
        BulkResponseItem item = BulkResponseItem.of(i -> i.operationType(OperationType.Create)
                .index("trustwatch-events-proxy-2026.11")
                .id("ab")
                .status(400)
                .error(e -> e.type("document_parsing_exception")
                        .reason("failed to parse field [source.ip]")
                        .causedBy(c -> c.type("illegal_argument_exception").reason("'x' is not an IP"))));

        assertEquals(
                "400: document_parsing_exception failed to parse field [source.ip]: illegal_argument_exception 'x'"
                        + " is not an IP",
                Failures.reason(item));
    }

    private static BulkResponseItem item(int status, String errorType) {
        return BulkResponseItem.of(i -> {
            i.operationType(OperationType.Create).index("i").id("1").status(status);
            if (errorType != null) {
                i.error(e -> e.type(errorType).reason("r"));
            }
            return i;
        });
    }

    private static ElasticsearchException error(int status) {
        return new ElasticsearchException("bulk", ErrorResponse.of(r -> r.status(status)
                .error(e -> e.type("t").reason("r"))));
    }
}
