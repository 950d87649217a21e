package org.trustwatch.connect.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.util.BinaryData;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.trustwatch.elastic.document.IncidentDocument;
import org.trustwatch.elastic.document.Incidents;
import org.trustwatch.elastic.index.IndexNames;

class IncidentUpserterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void createsAnIncidentSeenForTheFirstTime() throws Exception {
        BulkOperation write = IncidentUpserter.decide(update(1), missing());

        assertEquals(BulkOperation.Kind.Create, write._kind());
        assertEquals(IndexNames.INCIDENTS_ALIAS, write.create().index());
        assertEquals("new", body(write.create().document()).at("/triage/status").asText());
    }

    @Test
    void writesNothingWhenTheIndexHasThisVersionOrALaterOne() {
        ObjectNode stored = IncidentDocument.of(Incidents.version("inc-1", 3)).created();

        assertNull(IncidentUpserter.decide(update(3), found(stored, 12)), "a replay of the same version");
        assertNull(IncidentUpserter.decide(update(2), found(stored, 12)), "an older version arriving late");
    }

    @Test
    void replacesAnOlderVersionOnlyIfTheDocumentIsStillTheOneRead() throws Exception {
        ObjectNode stored = IncidentDocument.of(Incidents.version("inc-1", 1)).created();
        stored.with("triage").put("status", "closed");

        BulkOperation write = IncidentUpserter.decide(update(2), found(stored, 12));

        assertEquals(BulkOperation.Kind.Index, write._kind());
        assertEquals(IndexNames.INCIDENTS_INDEX, write.index().index());
        assertEquals(12L, write.index().ifSeqNo());
        assertEquals(1L, write.index().ifPrimaryTerm());
        ObjectNode body = body(write.index().document());
        assertEquals(2, body.at("/incident/version").asLong());
        assertEquals("closed", body.at("/triage/status").asText(), "what the person set stays");
    }

    private static IncidentUpserter.Update update(long version) {
        return new IncidentUpserter.Update(null, IncidentDocument.of(Incidents.version("inc-1", version)), 0);
    }

    private static GetResult<ObjectNode> missing() {
        return new GetResult.Builder<ObjectNode>()
                .index(IndexNames.INCIDENTS_INDEX)
                .id("inc-1")
                .found(false)
                .build();
    }

    private static GetResult<ObjectNode> found(ObjectNode source, long seqNo) {
        return new GetResult.Builder<ObjectNode>()
                .index(IndexNames.INCIDENTS_INDEX)
                .id("inc-1")
                .found(true)
                .seqNo(seqNo)
                .primaryTerm(1L)
                .source(source)
                .build();
    }

    private static ObjectNode body(Object document) throws Exception {
        return (ObjectNode) JSON.readTree(((BinaryData) document).asInputStream());
    }
}
