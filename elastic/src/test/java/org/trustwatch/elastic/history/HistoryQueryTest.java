package org.trustwatch.elastic.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.IncidentCategory;

class HistoryQueryTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void everyOptionIsAFilterOnItsField() throws Exception {
        HistoryQuery query = HistoryQuery.of(
                "WOH", "misdirected_email", "25WrightD0", "2026-11-01", "2026-11-30", "Triaged", true, LONDON);

        JsonNode filters = json(query).at("/bool/filter");

        assertEquals(7, filters.size());
        assertEquals("WOH", filters.get(0).at("/term/organization.id/value").asText());
        assertEquals(
                "MISDIRECTED_EMAIL",
                filters.get(1).at("/term/incident.category/value").asText());
        assertEquals(
                "25wrightd0", filters.get(2).at("/term/incident.subject/value").asText());
        assertEquals("triaged", filters.get(3).at("/term/triage.status/value").asText());
        assertTrue(filters.get(4).at("/term/incident.breach/value").asBoolean());
        // London is on GMT in November: the days start at midnight UTC, and --until takes in the whole day
        assertEquals(
                "2026-11-01T00:00:00Z",
                filters.get(5).at("/range/event.end/gte").asText());
        assertEquals(
                "2026-12-01T00:00:00Z",
                filters.get(6).at("/range/event.start/lt").asText());
    }

    @Test
    void noOptionMatchesEverything() throws Exception {
        HistoryQuery query = HistoryQuery.of(null, null, null, null, null, null, false, LONDON);

        assertEquals(0, json(query).at("/bool").path("filter").size());
        assertEquals("all incidents", query.describe());
    }

    @Test
    void daysAreInTheTrustsZoneAndInstantsAsGiven() {
        HistoryQuery summer = HistoryQuery.of(null, null, null, "2026-07-01", "2026-07-01", null, false, LONDON);
        assertEquals(Instant.parse("2026-06-30T23:00:00Z"), summer.since());
        assertEquals(Instant.parse("2026-07-01T23:00:00Z"), summer.until());

        HistoryQuery instants = HistoryQuery.of(
                null, null, null, "2026-07-01T09:00:00+01:00", "2026-07-01T17:00:00Z", null, false, LONDON);
        assertEquals(Instant.parse("2026-07-01T08:00:00Z"), instants.since());
        assertEquals(Instant.parse("2026-07-01T17:00:00.001Z"), instants.until(), "an instant is included");
    }

    @Test
    void aBadDateSaysTheFormat() {
        for (String bad : new String[] {"01/11/2026", "2026-02-30", "yesterday", "2026-11-01 09:00"}) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> HistoryQuery.of(null, null, null, bad, null, null, false, LONDON));
            assertEquals(
                    "--since '" + bad + "' is not a date: give YYYY-MM-DD (a day in Europe/London) or an ISO instant"
                            + " such as 2026-11-01T09:00:00Z",
                    e.getMessage());
        }
        IllegalArgumentException backwards = assertThrows(
                IllegalArgumentException.class,
                () -> HistoryQuery.of(null, null, null, "2026-11-02", "2026-11-01", null, false, LONDON));
        assertTrue(backwards.getMessage().contains("is not before --until"));
    }

    @Test
    void aBadCategoryOrStatusListsTheValidOnes() {
        IllegalArgumentException category = assertThrows(
                IllegalArgumentException.class,
                () -> HistoryQuery.of(null, "MISDIRECTED_MAIL", null, null, null, null, false, LONDON));
        assertTrue(
                category.getMessage()
                        .startsWith(
                                "--category 'MISDIRECTED_MAIL' is not an incident category: use one of LOST_OR_STOLEN_DEVICE, "));
        assertTrue(category.getMessage().contains("MISDIRECTED_EMAIL"));
        assertTrue(!category.getMessage().contains("UNKNOWN"), "UNKNOWN is for readers, not a category to search");
        assertEquals(IncidentCategory.values().length - 1, category.getMessage().split(", ").length);

        IllegalArgumentException status = assertThrows(
                IllegalArgumentException.class,
                () -> HistoryQuery.of(null, null, null, null, null, "open", false, LONDON));
        assertEquals(
                "--status 'open' is not a triage status: use one of new, triaged, investigating, closed",
                status.getMessage());
    }

    @Test
    void describesItselfForTheAuditLog() {
        HistoryQuery query = HistoryQuery.of(null, "MISDIRECTED_EMAIL", null, "2026-11-01", null, null, true, LONDON);

        assertEquals("category=MISDIRECTED_EMAIL since=2026-11-01T00:00:00Z breach=true", query.describe());
    }

    private static JsonNode json(HistoryQuery query) throws Exception {
        return new ObjectMapper().readTree(JsonpUtils.toJsonString(query.toQuery(), new JacksonJsonpMapper()));
    }
}
