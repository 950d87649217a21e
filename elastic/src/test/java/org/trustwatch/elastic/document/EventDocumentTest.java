package org.trustwatch.elastic.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.trustwatch.elastic.index.EventSource;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.WebAction;

class EventDocumentTest {

    @Test
    void anEventGoesToItsMonthlyIndexUnderItsHash() {
        ProxyEvent event = ProxyEvent.newBuilder()
                .setTimestamp(Instant.parse("2026-11-23T13:36:48.772Z"))
                .setEventIngested(Instant.parse("2026-11-23T13:36:49Z"))
                .setEventDataset("squid.access")
                .setEventHash("07f7aa")
                .setSourceIp("10.20.2.19")
                .setWebAction(WebAction.allowed)
                .build();

        EventDocument document = EventDocument.of(event);

        assertEquals(EventSource.PROXY, document.source());
        assertEquals("trustwatch-events-proxy-2026.11", document.index());
        assertEquals("07f7aa", document.id());
        assertEquals(
                "{\"@timestamp\":\"2026-11-23T13:36:48.772Z\",\"event\":{\"ingested\":\"2026-11-23T13:36:49Z\","
                        + "\"dataset\":\"squid.access\",\"hash\":\"07f7aa\",\"action\":\"allowed\"},"
                        + "\"source\":{\"ip\":\"10.20.2.19\"}}",
                new String(document.json(), StandardCharsets.UTF_8));
    }

    @Test
    void refusesARecordThatIsNotARawEvent() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> EventDocument.of(Incidents.version("inc-1", 1)));
        assertEquals(
                "a org.trustwatch.schema.Incident is not a raw event: expected one of ProxyEvent, MailEvent,"
                        + " EndpointEvent, IncidentReport",
                e.getMessage());
    }
}
