package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustwatch.streams.topology.Events.web;
import static org.trustwatch.streams.topology.Events.webBurst;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.WebAction;

/** C05 INAPPROPRIATE_CONTENT through the whole topology. */
class ContentTopologyTest {

    @Test
    void fiveAdultRequestsInTenMinutesAreAnIncidentOfThePupil() {
        try (Harness h = new Harness()) {
            h.send(webBurst(5, "11:02", 60, "10.20.2.23", "22evanss0", "pornhub.com", "adult", WebAction.blocked));
            Incident i = h.only(IncidentCategory.INAPPROPRIATE_CONTENT);
            assertEquals("22evanss0", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(5, i.getEventCount());
            assertEquals(3, i.getSeverity());
            assertTrue(i.getNotify().contains(AlertRecipientRole.dsl), "pupil incidents go to the DSL");
        }
    }

    @Test
    void fourAdultRequestsAreANearMiss() {
        try (Harness h = new Harness()) {
            h.send(webBurst(4, "11:02", 60, "10.20.2.23", "22evanss0", "pornhub.com", "adult", WebAction.blocked));
            h.send(web("11:30", "10.20.2.23", "22evanss0", "pornhub.com", "adult", WebAction.blocked));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void exemptedExtremismResearchRaisesNothingAndIsMarked() {
        try (Harness h = new Harness()) {
            // EX-2026-014: HTF pupils, extremism, 10:00-11:00
            h.send(webBurst(
                    6, "10:10", 30, "10.40.2.10", "21taylorr2", "extremist.example", "extremism", WebAction.blocked));
            assertEquals(List.of(), h.incidents());
            assertEquals(6, h.exemptionIds().size());
            assertTrue(h.exemptionIds().stream().allMatch("EX-2026-014"::equals));
        }
    }
}
