package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustwatch.streams.topology.Events.web;
import static org.trustwatch.streams.topology.Events.webBurst;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.Alert;
import org.trustwatch.schema.AlertDelivery;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.ProxyEvent;
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

    private static final IncidentCategory C05 = IncidentCategory.INAPPROPRIATE_CONTENT;

    // ------------------------------------------------------------------ critical categories

    @Test
    void oneChildAbuseRequestIsCritical() {
        try (Harness h = new Harness()) {
            h.send(web("13:20", "10.30.2.40", "23greeni1", "csam.example", "child-abuse", WebAction.blocked));
            Incident i = h.only(C05);
            assertEquals("23greeni1", i.getSubject());
            assertEquals("GLN", i.getSchoolId());
            assertEquals(5, i.getSeverity());
            assertEquals(1, i.getEventCount());
            assertEquals("C05.critical-content", i.getRuleId());
            assertFalse(i.getBreach(), "C05 is never a personal-data breach");
            assertTrue(i.getNotify().contains(AlertRecipientRole.dsl), "any pupil goes to the DSL");

            Alert alert = h.alerts().get(0);
            assertEquals(AlertDelivery.immediate, alert.getDelivery());
            assertTrue(alert.getSubjectPseudonymised());
            assertTrue(alert.getSubject().startsWith("pupil-"), alert.getSubject());
            assertFalse(alert.getSummary().contains("23greeni1"), "a pupil is never named in an alert");
        }
    }

    @Test
    void oneTerrorismRequestByStaffIsCriticalAndGoesToTheHeadNotTheDsl() {
        try (Harness h = new Harness()) {
            h.send(web("13:20", "10.20.3.7", "lthomas", "terror.example", "terrorism", WebAction.blocked));
            Incident i = h.only(C05);
            assertEquals("lthomas", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(5, i.getSeverity());
            assertEquals(List.of(AlertRecipientRole.headteacher), i.getNotify());
        }
    }

    // ------------------------------------------------------------------ self-harm

    @Test
    void oneSelfHarmRequestByAPupilIsUrgentForTheDsl() {
        try (Harness h = new Harness()) {
            h.send(web("12:05", "10.40.2.11", "22robertsm2", "selfharm.example", "self-harm", WebAction.blocked));
            Incident i = h.only(C05);
            assertEquals("22robertsm2", i.getSubject());
            assertEquals("HTF", i.getSchoolId());
            assertEquals(4, i.getSeverity());
            assertEquals(1, i.getEventCount());
            assertEquals("C05.self-harm", i.getRuleId());
            assertTrue(i.getNotify().contains(AlertRecipientRole.dsl));
            List<String> to = EventsA.addressesOf(h.alerts().get(0).getRecipients());
            assertTrue(to.contains("dsl@huttoft.sch.uk"), to.toString());
        }
    }

    @Test
    void oneSelfHarmRequestByStaffIsHighAndStillForTheDsl() {
        try (Harness h = new Harness()) {
            h.send(web("12:05", "10.40.3.5", "rhughes2", "selfharm.example", "self-harm", WebAction.blocked));
            Incident i = h.only(C05);
            assertEquals("rhughes2", i.getSubject());
            assertEquals(3, i.getSeverity());
            assertEquals(List.of(AlertRecipientRole.headteacher, AlertRecipientRole.dsl), i.getNotify());
        }
    }

    // ------------------------------------------------------------------ leisure categories

    @Test
    void twentyGamblingRequestsInAnHourAreAnIncident() {
        try (Harness h = new Harness()) {
            // one every 3 minutes: the 20th is 57 minutes after the first
            h.send(webBurst(20, "13:00", 180, "10.40.2.12", "23smithd2", "bet.example", "gambling", WebAction.blocked));
            Incident i = h.only(C05);
            assertEquals("23smithd2", i.getSubject());
            assertEquals("HTF", i.getSchoolId());
            assertEquals(3, i.getSeverity());
            assertEquals(20, i.getEventCount());
            assertEquals("C05.leisure", i.getRuleId());
        }
    }

    @Test
    void nineteenGamblingRequestsAreANearMiss() {
        try (Harness h = new Harness()) {
            h.send(webBurst(19, "13:00", 180, "10.40.2.12", "23smithd2", "bet.example", "gambling", WebAction.blocked));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void twentyGamesRequestsSpreadOverJustMoreThanAnHourAreANearMiss() {
        try (Harness h = new Harness()) {
            // one every 190 s: the 20th is 60 min 10 s after the first
            h.send(webBurst(20, "13:00", 190, "10.40.2.12", "23smithd2", "games.example", "games", WebAction.allowed));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void leisureCountersArePerCategory() {
        try (Harness h = new Harness()) {
            h.send(webBurst(10, "13:00", 60, "10.40.2.12", "23smithd2", "bet.example", "gambling", WebAction.blocked));
            h.send(webBurst(10, "13:15", 60, "10.40.2.12", "23smithd2", "games.example", "games", WebAction.allowed));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void burstCountersArePerCategory() {
        try (Harness h = new Harness()) {
            h.send(webBurst(3, "11:02", 60, "10.20.2.23", "22evanss0", "adult.example", "adult", WebAction.blocked));
            h.send(webBurst(2, "11:05", 60, "10.20.2.23", "22evanss0", "gore.example", "violence", WebAction.blocked));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void fiveAdultRequestsOverJustMoreThanTenMinutesAreANearMiss() {
        try (Harness h = new Harness()) {
            // 150 s apart: the 5th is 10 min after the 1st, which is still inside; 151 s is not
            h.send(webBurst(5, "11:00", 151, "10.20.2.23", "22evanss0", "adult.example", "adult", WebAction.blocked));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void fiveAdultRequestsSpanningExactlyTenMinutesAreAnIncident() {
        try (Harness h = new Harness()) {
            h.send(webBurst(5, "11:00", 150, "10.20.2.23", "22evanss0", "adult.example", "adult", WebAction.blocked));
            assertEquals(5, h.only(C05).getEventCount());
        }
    }

    // ------------------------------------------------------------------ what counts as a request

    @Test
    void bumpedConnectLinesAndProxyAuthChallengesAreNotCounted() {
        try (Harness h = new Harness()) {
            List<ProxyEvent> events = new ArrayList<>();
            String[] times = {"11:00", "11:01", "11:02", "11:03"};
            for (String t : times) {
                events.add(EventsA.authChallenge(t, "10.20.2.23", "adult.example", "adult"));
                events.add(EventsA.bumpedConnect(t, "10.20.2.23", "22evanss0", "adult.example", "adult"));
                events.add(web(t, "10.20.2.23", "22evanss0", "adult.example", "adult", WebAction.blocked));
            }
            h.send(events);
            assertEquals(List.of(), h.incidents(), "4 real requests, however many CONNECT and 407 lines");

            h.send(web("11:04", "10.20.2.23", "22evanss0", "adult.example", "adult", WebAction.blocked));
            Incident i = h.only(C05);
            assertEquals(5, i.getEventCount());
            assertEquals(5, i.getEvidence().size());
            assertTrue(i.getEvidence().stream().allMatch(e -> e.getSummary().startsWith("GET ")));
        }
    }

    @Test
    void aPlainConnectTunnelIsARequest() {
        try (Harness h = new Harness()) {
            for (int m = 0; m < 5; m++) {
                h.send(EventsA.tunnel("11:0" + m, "10.20.2.23", "22evanss0", "adult.example", "adult"));
            }
            assertEquals(5, h.only(C05).getEventCount());
        }
    }

    @Test
    void anotherSchoolsExemptionDoesNotCover() {
        try (Harness h = new Harness()) {
            // EX-2026-014 is HTF's; a WOH pupil in the same hour is not covered
            h.send(webBurst(
                    5, "10:10", 30, "10.20.2.23", "22evanss0", "extremist.example", "extremism", WebAction.blocked));
            Incident i = h.only(C05);
            assertEquals("22evanss0", i.getSubject());
            assertTrue(i.getNotify().contains(AlertRecipientRole.dsl));
            assertEquals(List.of(), h.exemptionIds());
        }
    }

    @Test
    void theExemptionEndsAtElevenAndStaffAreNotCovered() {
        try (Harness h = new Harness()) {
            // after 11:00 the HTF pupil is no longer covered; HTF staff never were (role:pupil)
            h.send(webBurst(
                    5, "11:00", 30, "10.40.2.10", "21taylorr2", "extremist.example", "extremism", WebAction.blocked));
            h.send(webBurst(
                    5, "10:10", 30, "10.40.3.2", "iroberts2", "extremist.example", "extremism", WebAction.blocked));
            assertEquals(2, h.incidents(C05).size());
            assertEquals(List.of(), h.exemptionIds());
        }
    }

    @Test
    void aSchoolOverrideOfTheBurstCountAppliesToThatSchoolOnly() {
        var settings = Events.settings(
                """
                schools:
                  HTF:
                    INAPPROPRIATE_CONTENT:
                      burst_count: 3
                """);
        try (Harness h = new Harness(settings)) {
            h.send(webBurst(3, "13:00", 60, "10.40.2.12", "23smithd2", "adult.example", "adult", WebAction.blocked));
            h.send(webBurst(3, "13:00", 60, "10.20.2.23", "22evanss0", "adult.example", "adult", WebAction.blocked));
            Incident i = h.only(C05);
            assertEquals("23smithd2", i.getSubject());
            assertEquals(3, i.getEventCount());
            assertEquals("3", i.getRuleThresholds().get("burst_count"));
        }
    }
}
