package org.trustwatch.streams.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.Evidence;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.Role;

class IncidentTrackerTest {

    private final IncidentTracker tracker = new IncidentTracker(Duration.ofDays(1), 3);

    private static Instant t(String time) {
        return Instant.parse("2026-11-23T" + time + "Z");
    }

    private static Detection adult(String time, String hash) {
        return detection(IncidentCategory.INAPPROPRIATE_CONTENT, "21brownk0", time, hash, 3, "C05.adult", false, false);
    }

    private static Detection detection(
            IncidentCategory category,
            String subject,
            String time,
            String hash,
            int severity,
            String rule,
            boolean escalation,
            boolean breach) {
        Instant at = time.startsWith("2026") ? Instant.parse(time) : t(time);
        return new Detection(
                category,
                "WOH",
                subject,
                Role.pupil,
                severity,
                rule,
                "rule " + rule,
                Map.of("count", "5", "window", "PT10M"),
                escalation,
                breach,
                severity >= 4 ? Set.of(AlertRecipientRole.dsl) : Set.of(AlertRecipientRole.headteacher),
                new Evidence(at, "proxy", hash, "www.example.org blocked", "/var/log/squid/access.log", 12L));
    }

    /** Feeds the detections in order, looking the incident up by id as the topology does. */
    private Map<String, Incident> run(List<Detection> detections) {
        Map<String, Incident> byId = new HashMap<>();
        for (Detection detection : detections) {
            String id = tracker.incidentId(detection);
            byId.put(id, tracker.apply(byId.get(id), detection));
        }
        return byId;
    }

    @Test
    void repeatsInTheWindowUpdateOneIncident() {
        Map<String, Incident> incidents =
                run(List.of(adult("11:02:13", "h1"), adult("11:03:13", "h2"), adult("11:07:13", "h3")));

        assertEquals(1, incidents.size());
        Incident incident = incidents.values().iterator().next();
        assertEquals(3, incident.getEventCount());
        assertEquals(t("11:02:13"), incident.getFirstSeen());
        assertEquals(t("11:07:13"), incident.getLastSeen());
        assertEquals(List.of("h1", "h2", "h3"), hashes(incident));
        assertEquals(3, incident.getVersion());
        assertEquals(Instant.parse("2026-11-23T00:00:00Z"), incident.getWindowStart());
    }

    @Test
    void theNextWindowOpensANewIncidentAndIdsAreDeterministic() {
        Detection today = adult("23:59:59", "h1");
        Detection tomorrow = detection(
                IncidentCategory.INAPPROPRIATE_CONTENT,
                "21brownk0",
                "2026-11-24T00:00:01Z",
                "h2",
                3,
                "C05.adult",
                false,
                false);

        assertEquals(2, run(List.of(today, tomorrow)).size());
        assertEquals(tracker.incidentId(today), tracker.incidentId(adult("08:00:00", "other")));
        assertNotEquals(
                tracker.incidentId(today),
                tracker.incidentId(detection(
                        IncidentCategory.INAPPROPRIATE_CONTENT,
                        "jsmith",
                        "23:59:59",
                        "h1",
                        3,
                        "C05.adult",
                        false,
                        false)));
        assertTrue(tracker.incidentId(today).matches("inc-[0-9a-f]{24}"), tracker.incidentId(today));
    }

    @Test
    void keepsTheEarliestEventsAsEvidenceAndCountsTheRest() {
        Incident incident = run(List.of(
                        adult("11:05:00", "e5"),
                        adult("11:01:00", "e1"),
                        adult("11:04:00", "e4"),
                        adult("11:02:00", "e2"),
                        adult("11:03:00", "e3")))
                .values()
                .iterator()
                .next();

        assertEquals(List.of("e1", "e2", "e3"), hashes(incident));
        assertEquals(5, incident.getEventCount());
        assertEquals(2, incident.getEvidenceDropped());
    }

    @Test
    void aDuplicatedEventChangesNothing() {
        Detection once = adult("11:02:13", "h1");
        Incident first = tracker.apply(null, once);

        assertSame(first, tracker.apply(first, adult("11:02:13", "h1")));
    }

    @Test
    void escalationAndBreachRaiseSeverityAndSetTheIcoDeadlineFromTheFirstBreachEvent() {
        Detection lost = detection(
                IncidentCategory.LOST_OR_STOLEN_DEVICE,
                "device:WOH-LT-0004",
                "10:05:00",
                "r1",
                4,
                "C01.reported",
                false,
                true);
        Detection used = detection(
                IncidentCategory.LOST_OR_STOLEN_DEVICE,
                "device:WOH-LT-0004",
                "13:20:44",
                "u1",
                5,
                "C01.in-use",
                true,
                true);

        Incident incident = run(List.of(used, lost)).values().iterator().next();

        assertEquals(5, incident.getSeverity());
        assertEquals("C01.in-use", incident.getRuleId());
        assertTrue(incident.getEscalated());
        assertTrue(incident.getBreach());
        assertEquals(t("10:05:00"), incident.getAwareAt());
        assertEquals(t("10:05:00").plus(Duration.ofHours(72)), incident.getIcoDeadline());
        assertEquals(List.of(AlertRecipientRole.dsl), incident.getNotify());
    }

    @Test
    void anyArrivalOrderGivesTheSameIncidents() {
        List<Detection> detections = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String time = String.format("%02d:%02d:00", 9 + i % 3, (i * 7) % 60);
            detections.add(detection(
                    IncidentCategory.INAPPROPRIATE_CONTENT,
                    i % 2 == 0 ? "ann" : "bob",
                    time,
                    "h" + i,
                    2 + i % 3,
                    "C05.rule" + (i % 4),
                    i == 5,
                    i == 7));
        }
        Map<String, Incident> ordered = run(detections);

        Random random = new Random(11);
        for (int round = 0; round < 25; round++) {
            List<Detection> shuffled = new ArrayList<>(detections);
            Collections.shuffle(shuffled, random);
            assertEquals(ordered, run(shuffled), "round " + round);
        }
        assertEquals(2, ordered.size());
    }

    @Test
    void refusesASeverityOutsideTheScale() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> detection(IncidentCategory.MALWARE, "x", "10:00:00", "h", 6, "C09.x", false, false));
        assertTrue(e.getMessage().contains("severity 6 of rule C09.x is not 1-5"), e.getMessage());
        assertFalse(new IncidentTracker(Duration.ofHours(1), 1)
                .windowStart(t("10:30:00"))
                .isAfter(t("10:00:00")));
    }

    private static List<String> hashes(Incident incident) {
        return incident.getEvidence().stream().map(Evidence::getEventHash).toList();
    }
}
