package org.trustwatch.elastic.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.ProxyEvent;

class IncidentDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aNewIncidentStartsWithStatusNewAndNoNotes() {
        ObjectNode document = IncidentDocument.of(Incidents.version("inc-1", 1)).created();

        assertEquals("inc-1", document.at("/incident/id").asText());
        assertEquals("MISDIRECTED_EMAIL", document.at("/incident/category").asText());
        assertEquals(3, document.at("/event/severity").asInt());
        assertEquals("WOH", document.at("/organization/id").asText());
        assertEquals("2026-11-23T09:00:00Z", document.at("/event/start").asText());
        assertEquals("5", document.at("/rule/thresholds/known_after_messages").asText());
        assertEquals("mail", document.at("/incident/evidence/0/event/module").asText());
        assertEquals(1, document.at("/incident/version").asLong());
        assertEquals("new", document.at("/triage/status").asText());
        assertEquals(0, document.at("/triage/notes").size());
        assertEquals(0, document.at("/triage/history").size());
    }

    @Test
    void anUpdateReplacesMachineFieldsAndKeepsWhatPeopleWrote() throws Exception {
        ObjectNode stored = IncidentDocument.of(Incidents.version("inc-1", 1)).created();
        ObjectNode triage = (ObjectNode) stored.get("triage");
        triage.put("status", "investigating");
        triage.put("assignee", "dpo@demo-trust.org.uk");
        triage.withArray("notes")
                .addObject()
                .put("at", "2026-11-23T10:00:00Z")
                .put("by", "dpo")
                .put("text", "called the school");

        Incident later = Incidents.version("inc-1", 3);
        later.setRuleThresholds(Map.of("partner_domains", "woodhouse-trust.org.uk"));
        later.setAwareAt(null);
        ObjectNode updated = IncidentDocument.of(later).replacing(stored);

        assertEquals(3, updated.at("/incident/version").asLong());
        assertEquals(4, updated.at("/event/severity").asInt());
        assertEquals(3, updated.at("/incident/event_count").asLong());
        assertEquals(triage, updated.get("triage"), "the people's fields are untouched");
        assertEquals(
                JSON.readTree("{\"partner_domains\":\"woodhouse-trust.org.uk\"}"),
                updated.at("/rule/thresholds"),
                "a map is replaced, not merged with the old keys");
        assertFalse(updated.at("/incident/aware_at").isTextual(), "a field the record no longer has is removed");
    }

    @Test
    void readsTheVersionOfAStoredDocument() {
        ObjectNode stored = IncidentDocument.of(Incidents.version("inc-1", 7)).created();

        assertEquals(7, IncidentDocument.storedVersion(stored));
        assertEquals(0, IncidentDocument.storedVersion(JSON.createObjectNode()));
        assertEquals(0, IncidentDocument.storedVersion(null));
    }

    @Test
    void refusesARecordThatIsNotAnIncident() {
        assertThrows(IllegalArgumentException.class, () -> IncidentDocument.of(new ProxyEvent()));
    }
}
