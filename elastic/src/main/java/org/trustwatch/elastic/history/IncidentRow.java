package org.trustwatch.elastic.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One incident as the history search shows it, read from its document in the incidents index.
 *
 * @param school empty when the incident could not be placed at a school
 * @param subjectRole the directory role of a person subject ({@code pupil}, {@code staff} ...), empty otherwise
 * @param icoDeadline null unless the incident is a breach
 */
public record IncidentRow(
        String id,
        Instant firstSeen,
        Instant lastSeen,
        String category,
        int severity,
        String school,
        String subject,
        String subjectRole,
        String status,
        long events,
        boolean breach,
        Instant icoDeadline,
        String rule) {

    static IncidentRow of(JsonNode document) {
        JsonNode incident = document.path("incident");
        return new IncidentRow(
                incident.path("id").asText(),
                time(document.at("/event/start")),
                time(document.at("/event/end")),
                incident.path("category").asText(),
                document.at("/event/severity").asInt(),
                document.at("/organization/id").asText(""),
                incident.path("subject").asText(),
                incident.path("subject_role").asText(""),
                document.at("/triage/status").asText(""),
                incident.path("event_count").asLong(),
                incident.path("breach").asBoolean(),
                time(incident.path("ico_deadline")),
                document.at("/rule/id").asText(""));
    }

    public boolean pupil() {
        return "pupil".equals(subjectRole);
    }

    /** The same incident showing another subject, e.g. the pupil's pseudonym. */
    public IncidentRow withSubject(String shown) {
        return new IncidentRow(
                id,
                firstSeen,
                lastSeen,
                category,
                severity,
                school,
                shown,
                subjectRole,
                status,
                events,
                breach,
                icoDeadline,
                rule);
    }

    private static Instant time(JsonNode value) {
        return value.isTextual() ? Instant.parse(value.asText()) : null;
    }
}
