package org.trustwatch.schema;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.ecs.EcsDocument;

class EcsDocumentTest {

    private static final Instant AT = Instant.parse("2026-11-23T09:15:30.123Z");

    @Test
    void nestsFieldsByTheirEcsPathsAndLeavesOutNulls() {
        ProxyEvent event = new ProxyEvent();
        event.setTimestamp(AT);
        event.setEventIngested(AT.plusSeconds(1));
        event.setEventDataset("squid.access");
        event.setEventHash("ab12");
        event.setSourceIp("10.20.1.15");
        event.setUrlDomain("www.example.org");
        event.setHttpRequestBytes(5120L);
        event.setWebAction(WebAction.blocked);

        assertEquals(
                "{\"@timestamp\":\"2026-11-23T09:15:30.123Z\","
                        + "\"event\":{\"ingested\":\"2026-11-23T09:15:31.123Z\",\"dataset\":\"squid.access\","
                        + "\"hash\":\"ab12\",\"action\":\"blocked\"},"
                        + "\"source\":{\"ip\":\"10.20.1.15\"},\"http\":{\"request\":{\"bytes\":5120}},"
                        + "\"url\":{\"domain\":\"www.example.org\"}}",
                EcsDocument.toJson(event));
    }

    @Test
    void keepsKnownEmptyListsApartFromUnknownOnesAndWritesNestedRecords() {
        MailEvent mail = new MailEvent();
        mail.setTimestamp(AT);
        mail.setEventIngested(AT);
        mail.setEventDataset("postfix");
        mail.setEventHash("cd34");
        mail.setEmailCcAddress(List.of());
        mail.setEmailRecipients(List.of(new MailRecipient("head@woh.sch.uk", "sent", null, true)));

        String json = EcsDocument.toJson(mail);

        assertTrue(json.contains("\"cc\":{\"address\":[]}"), json);
        assertTrue(!json.contains("\"to\""), "To is unknown, not empty: " + json);
        assertTrue(json.contains("[{\"address\":\"head@woh.sch.uk\",\"status\":\"sent\",\"tls\":true}]"), json);
    }

    @Test
    void writesTheSameTimesForAGenericRecordReadWithoutConversions() {
        ProxyEvent event = new ProxyEvent();
        event.setTimestamp(AT);
        event.setEventIngested(AT);
        event.setEventDataset("squid.access");
        event.setEventHash("ab12");
        event.setWebAction(WebAction.allowed);
        GenericData.Record generic = new GenericData.Record(ProxyEvent.getClassSchema());
        for (Schema.Field field : ProxyEvent.getClassSchema().getFields()) {
            Object value = event.get(field.pos());
            generic.put(field.pos(), value instanceof Instant instant ? instant.toEpochMilli() : value);
        }

        assertEquals(EcsDocument.toJson(event), EcsDocument.toJson(generic));
    }

    @Test
    void everyCurrentSchemaMapsToADocumentWithoutCollidingPaths() {
        for (Map.Entry<String, Schema> schema : SchemaFiles.current().entrySet()) {
            if (schema.getValue().getType() == Schema.Type.RECORD) {
                assertDoesNotThrow(
                        () -> EcsDocument.toJson(new GenericData.Record(schema.getValue())), schema.getKey());
            }
        }
    }
}
