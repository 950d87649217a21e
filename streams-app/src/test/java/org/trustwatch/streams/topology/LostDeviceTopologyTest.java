package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustwatch.streams.topology.Events.at;
import static org.trustwatch.streams.topology.Events.exemption;
import static org.trustwatch.streams.topology.Events.logoff;
import static org.trustwatch.streams.topology.Events.logon;
import static org.trustwatch.streams.topology.Events.mdm;
import static org.trustwatch.streams.topology.Events.web;
import static org.trustwatch.streams.topology.EventsA.deadline;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.Alert;
import org.trustwatch.schema.AlertDelivery;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.EndpointEvent;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.ReportKind;
import org.trustwatch.schema.WebAction;

/** C01 LOST_OR_STOLEN_DEVICE through the whole topology. */
class LostDeviceTopologyTest {

    private static final IncidentCategory C01 = IncidentCategory.LOST_OR_STOLEN_DEVICE;

    @Test
    void aLostReportOpensAnUrgentBreachIncidentOfTheUnencryptedLaptop() {
        try (Harness h = new Harness()) {
            // WOH-LT-0004 (dbrown's) is registered encrypted=false
            h.send(mdm("09:00", "WOH-LT-0004", "reported_lost"));
            Incident i = h.only(C01);
            assertEquals("device:WOH-LT-0004", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(4, i.getSeverity());
            assertEquals(1, i.getEventCount());
            assertFalse(i.getEscalated());
            assertTrue(i.getBreach());
            assertEquals(at("09:00"), i.getAwareAt());
            assertEquals(deadline("09:00"), i.getIcoDeadline());
            assertEquals(List.of(AlertRecipientRole.headteacher, AlertRecipientRole.dpo), i.getNotify());

            List<Alert> alerts = h.alerts();
            assertEquals(1, alerts.size());
            assertEquals("new", alerts.get(0).getReason());
            assertEquals(AlertDelivery.immediate, alerts.get(0).getDelivery());
            assertEquals(
                    List.of("head@woh.sch.uk"),
                    EventsA.addressesOf(alerts.get(0).getRecipients()));
            assertFalse(alerts.get(0).getSubjectPseudonymised());
        }
    }

    @Test
    void aStolenEncryptedDesktopWithoutPersonalDataIsNotABreach() {
        try (Harness h = new Harness()) {
            // WOH-PC-0001: encrypted=true, holds_personal_data=false
            h.send(mdm("09:00", "WOH-PC-0001", "reported_stolen"));
            Incident i = h.only(C01);
            assertEquals("device:WOH-PC-0001", i.getSubject());
            assertEquals(4, i.getSeverity());
            assertFalse(i.getBreach());
            assertNull(i.getAwareAt());
            assertNull(i.getIcoDeadline());
        }
    }

    @Test
    void anEncryptedLaptopHoldingPersonalDataIsStillABreach() {
        try (Harness h = new Harness()) {
            // WOH-LT-0001: encrypted=true but holds_personal_data=true
            h.send(mdm("13:15", "WOH-LT-0001", "lost_mode_enabled"));
            Incident i = h.only(C01);
            assertTrue(i.getBreach());
            assertEquals(deadline("13:15"), i.getIcoDeadline());
        }
    }

    @Test
    void aCheckInAfterTheReportEscalatesToLostDeviceInUse() {
        try (Harness h = new Harness()) {
            h.send(mdm("09:00", "WOH-LT-0004", "reported_stolen"), mdm("10:30", "WOH-LT-0004", "check_in"));
            Incident i = h.only(C01);
            assertEquals("device:WOH-LT-0004", i.getSubject());
            assertEquals(5, i.getSeverity());
            assertTrue(i.getEscalated());
            assertEquals(2, i.getEventCount());
            assertEquals("C01.lost-device-in-use", i.getRuleId());
            assertEquals(at("09:00"), i.getFirstSeen());
            assertEquals(at("10:30"), i.getLastSeen());
            assertEquals(deadline("09:00"), i.getIcoDeadline(), "the deadline runs from the first breach event");

            List<Alert> alerts = h.alerts();
            assertEquals(2, alerts.size());
            assertEquals("severity_raised", alerts.get(1).getReason());
            assertEquals(5, alerts.get(1).getSeverity());
        }
    }

    @Test
    void aLogonOnTheDeviceAfterTheReportEscalates() {
        try (Harness h = new Harness()) {
            h.send(
                    mdm("09:00", "WOH-LT-0002", "reported_lost"),
                    logon("09:40", "woh-lt-0002", "10.20.3.2", "mjones", 2, "0x1001"));
            Incident i = h.only(C01);
            assertEquals("device:WOH-LT-0002", i.getSubject());
            assertEquals(5, i.getSeverity());
            assertTrue(i.getEscalated());
            assertEquals(2, i.getEventCount());
        }
    }

    @Test
    void aWebRequestFromTheDevicesAddressAfterTheReportEscalates() {
        try (Harness h = new Harness()) {
            // the laptop's address is known from a logon before the report (which is not "in use after")
            h.send(
                    logon("08:30", "woh-lt-0003", "10.20.3.3", "staylor", 2, "0x2001"),
                    mdm("09:00", "WOH-LT-0003", "reported_stolen"),
                    web("10:15", "10.20.3.3", null, "news.example", "news", WebAction.allowed));
            Incident i = h.only(C01);
            assertEquals("device:WOH-LT-0003", i.getSubject());
            assertEquals(5, i.getSeverity());
            assertTrue(i.getEscalated());
            assertEquals(2, i.getEventCount(), "the report and the request; the logon before it is not counted");
            assertEquals(at("09:00"), i.getFirstSeen());
        }
    }

    @Test
    void aRequestPassedBeforeALateReportIsUseOfTheDeviceWhenTheReportComes() {
        // On a broker the report reaches the address stage through a repartition topic, the requests come straight
        // from the proxy topic: a request that follows the report in time can be passed before the report arrives.
        for (boolean lookBack : List.of(true, false)) {
            try (Harness h = new Harness(org.trustwatch.streams.settings.Settings.defaults(), lookBack)) {
                h.send(
                        logon("08:30", "woh-lt-0003", "10.20.3.3", "staylor", 2, "0x2001"),
                        web("10:15", "10.20.3.3", null, "news.example", "news", WebAction.allowed),
                        mdm("09:00", "WOH-LT-0003", "reported_stolen"));
                Incident i = h.only(C01);
                if (lookBack) {
                    assertEquals(5, i.getSeverity());
                    assertTrue(i.getEscalated());
                    assertEquals(2, i.getEventCount(), "the report and the request read back");
                    assertEquals(at("10:15"), i.getLastSeen());
                } else {
                    assertFalse(i.getEscalated(), "without reading back, the request passed before the report");
                    assertEquals(1, i.getEventCount());
                }
            }
        }
    }

    @Test
    void aRequestReadBackLongerThanTheGraceAfterItPassedIsStillUseOfTheDevice() {
        // The report comes after the logs ran 90 min past the request: the request read back is that far behind its
        // lane, later than the grace, yet all it needs is the report, which the rule keeps for months.
        try (Harness h = new Harness()) {
            h.send(
                    logon("08:30", "woh-lt-0003", "10.20.3.3", "staylor", 2, "0x2001"),
                    web("10:15", "10.20.3.3", null, "news.example", "news", WebAction.allowed),
                    // a request a rule needs, which moves the proxy signals' time on
                    web("11:45", "10.20.9.9", "22evanss0", "pornhub.com", "adult", WebAction.blocked),
                    // and the endpoint logs, the report's own, are as far on: the report is late on its lane too
                    logon("11:40", "woh-lt-0001", "10.20.3.1", "jsmith", 2, "0x3001"),
                    mdm("09:00", "WOH-LT-0003", "reported_stolen"));
            Incident i = h.only(C01);
            assertTrue(i.getEscalated());
            assertEquals(2, i.getEventCount(), "the report and the request read back");
            assertEquals(at("10:15"), i.getLastSeen());
            assertEquals(0, h.late().size());
        }
    }

    @Test
    void aReadBackStopsWhereTheStageIsSoThatTheRequestsItHoldsAreNotLate() {
        // As in PipelineIT: a stolen laptop's 13:20 request waits for its session; the logon (13:18) comes through the
        // repartition when the broker already holds the laptop's requests up to 14:36. Read back that far, the 14:36
        // request reached the rules first and the 13:20 one, released by the logon, was 76 min behind its lane.
        try (Harness h = new Harness()) {
            h.send(
                    logon("08:30", "woh-lt-0003", "10.20.3.3", "staylor", 2, "0x2001"),
                    logoff("09:55", "woh-lt-0003", "10.20.3.3", "staylor", "0x2001"),
                    mdm("10:30", "WOH-LT-0003", "reported_stolen"),
                    web("13:20", "10.20.3.3", null, "www.amazon.co.uk", "shopping", WebAction.allowed));
            var ahead = web("14:36", "10.20.3.3", null, "news.example", "news", WebAction.allowed);
            h.onTheTopicAhead(ahead);
            h.send(logon("13:18", "woh-lt-0003", "10.20.3.3", "staylor", 2, "0x2002"), ahead);
            assertEquals(
                    List.of(),
                    h.late().stream()
                            .map(r -> new String(
                                    r.headers().lastHeader("trustwatch.late").value(),
                                    java.nio.charset.StandardCharsets.UTF_8))
                            .toList());
            Incident i = h.only(C01);
            assertTrue(i.getEscalated());
            assertEquals(at("14:36"), i.getLastSeen());
        }
    }

    @Test
    void aLostLaptopsLateLogonFindsTheRequestsItAnswers() {
        try (Harness h = new Harness()) {
            // processing order: the request, the report, then the logon that says whose address it was
            h.send(
                    web("10:15", "10.20.3.3", null, "news.example", "news", WebAction.allowed),
                    mdm("09:00", "WOH-LT-0003", "reported_stolen"),
                    logon("10:00", "woh-lt-0003", "10.20.3.3", "staylor", 2, "0x2001"));
            Incident i = h.only(C01);
            assertTrue(i.getEscalated());
            assertEquals(3, i.getEventCount(), "the report, the logon after it, and the request read back");
            assertEquals(at("10:15"), i.getLastSeen());
        }
    }

    @Test
    void aRequestReadBackAndAlsoHeldCountsOnce() {
        try (Harness h = new Harness()) {
            // the report first: the request, without a session yet, is held until its logon, and the logon of a lost
            // device also reads the address's requests back
            h.send(
                    mdm("09:00", "WOH-LT-0003", "reported_stolen"),
                    web("10:15", "10.20.3.3", null, "news.example", "news", WebAction.allowed),
                    logon("10:00", "woh-lt-0003", "10.20.3.3", "staylor", 2, "0x2001"));
            Incident i = h.only(C01);
            assertEquals(3, i.getEventCount(), "the report, the logon and the request, once");
        }
    }

    @Test
    void activityAfterRecoveryOrBeforeTheReportDoesNotEscalate() {
        try (Harness h = new Harness()) {
            h.send(
                    mdm("08:00", "WOH-LT-0005", "check_in"),
                    mdm("09:00", "WOH-LT-0005", "reported_lost"),
                    mdm("09:30", "WOH-LT-0005", "recovered"),
                    mdm("10:00", "WOH-LT-0005", "check_in"),
                    logon("10:05", "woh-lt-0005", "10.20.3.5", "ewilson", 2, "0x3001"));
            Incident i = h.only(C01);
            assertEquals(4, i.getSeverity());
            assertFalse(i.getEscalated());
            assertEquals(1, i.getEventCount());
            assertEquals(1, h.alerts().size());
        }
    }

    @Test
    void activityWithoutAnyReportRaisesNothing() {
        try (Harness h = new Harness()) {
            h.send(
                    mdm("09:00", "WOH-LT-0006", "check_in"),
                    logon("09:10", "woh-lt-0006", "10.20.3.6", "pevans", 2, "0x4001"));
            assertEquals(List.of(), h.incidents(C01));
        }
    }

    @Test
    void aSelfReportedLostLaptopOpensTheDeviceIncidentToo() {
        try (Harness h = new Harness()) {
            h.send(Events.report("11:00", "jsmith", "WOH", ReportKind.lost_device, "WOH-LT-0001"));
            Incident i = h.only(C01);
            assertEquals("device:WOH-LT-0001", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(4, i.getSeverity());
            assertTrue(i.getBreach());
            assertEquals(deadline("11:00"), i.getIcoDeadline());
            assertEquals("jsmith", h.only(IncidentCategory.SELF_REPORTED).getSubject());
        }
    }

    @Test
    void theSubjectIsTheRegisteredDeviceIdWhenTheMdmNamesTheSerial() {
        try (Harness h = new Harness()) {
            EndpointEvent bySerial = mdm("09:00", null, "reported_lost");
            bySerial.setDeviceSerial("5CG00002"); // WOH-LT-0003
            h.send(bySerial);
            Incident i = h.only(C01);
            assertEquals("device:WOH-LT-0003", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
        }
    }

    @Test
    void anExemptedDeviceRaisesNothingAndIsMarked() {
        try (Harness h = new Harness()) {
            // lost mode used to lock a laptop while it is away for repair
            h.reference(exemption("EX-T-C01", "WOH", "device:WOH-LT-0007", C01, null, "08:00", "18:00"));
            h.send(mdm("09:00", "WOH-LT-0007", "lost_mode_enabled"), mdm("10:00", "WOH-LT-0007", "check_in"));
            assertEquals(List.of(), h.incidents());
            assertEquals(List.of("EX-T-C01", "EX-T-C01"), h.exemptionIds());
        }
    }

    @Test
    void anExemptionOfAnotherDeviceDoesNotCoverThisOne() {
        try (Harness h = new Harness()) {
            h.reference(exemption("EX-T-C01", "WOH", "device:WOH-LT-0007", C01, null, "08:00", "18:00"));
            h.send(mdm("09:00", "WOH-LT-0008", "lost_mode_enabled"));
            assertEquals("device:WOH-LT-0008", h.only(C01).getSubject());
            assertEquals(List.of(), h.exemptionIds());
        }
    }
}
