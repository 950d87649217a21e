package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustwatch.streams.topology.Events.at;
import static org.trustwatch.streams.topology.Events.exemption;
import static org.trustwatch.streams.topology.Events.failedLogon;
import static org.trustwatch.streams.topology.Events.logon;
import static org.trustwatch.streams.topology.EventsA.failures;
import static org.trustwatch.streams.topology.EventsA.remoteLogon;
import static org.trustwatch.streams.topology.EventsA.shareFailure;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.Alert;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.EndpointEvent;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.streams.settings.Settings;

/** C07 UNAUTHORISED_ACCESS through the whole topology. */
class UnauthorisedAccessTopologyTest {

    private static final IncidentCategory C07 = IncidentCategory.UNAUTHORISED_ACCESS;

    // ------------------------------------------------------------------ guessing

    @Test
    void tenFailedLogonsOfOneAccountInTenMinutesAreGuessing() {
        try (Harness h = new Harness()) {
            // one a minute: the 10th is 9 minutes after the first
            h.send(failures(10, "10:00", 60, "woh-srv-0001", "jsmith", "10.20.2.50", 3));
            Incident i = h.only(C07);
            assertEquals("jsmith", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(3, i.getSeverity());
            assertEquals(10, i.getEventCount());
            assertEquals("C07.guessing", i.getRuleId());
            assertFalse(i.getEscalated());
            assertFalse(i.getBreach(), "\"possible\" breach: for a person to decide, not flagged");
            assertNull(i.getIcoDeadline());
            assertEquals(
                    List.of(AlertRecipientRole.headteacher, AlertRecipientRole.dpo, AlertRecipientRole.ict),
                    i.getNotify());
        }
    }

    @Test
    void anAccountWithHundredsOfFailuresHasEachCountedOnce() {
        // more entries than the rule stage keeps decoded from (RuleStage.LARGE_WINDOW): read from the store while the
        // window is small, then kept decoded and changed in place
        int n = RuleStage.LARGE_WINDOW * 3;
        try (Harness h = new Harness()) {
            List<EndpointEvent> burst = failures(n, "10:00", 2, "woh-srv-0001", "jsmith", "10.20.2.50", 3);
            h.send(burst);
            h.send(burst.subList(0, 10)); // an agent's replay of the first ten: the same events again
            h.send(burst.subList(n - 10, n)); // and of the last ten
            Incident i = h.only(C07);
            assertEquals("jsmith", i.getSubject());
            assertEquals(n, i.getEventCount());
        }
    }

    @Test
    void nineFailuresOrTenOverMoreThanTenMinutesAreNearMisses() {
        try (Harness h = new Harness()) {
            h.send(failures(9, "10:00", 60, "woh-srv-0001", "jsmith", "10.20.2.50", 3));
            // 67 s apart: the 10th is 10 min 3 s after the first
            h.send(failures(10, "12:00", 67, "woh-srv-0001", "mjones", "10.20.2.51", 3));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void serviceLogonFailuresDoNotCount() {
        try (Harness h = new Harness()) {
            h.send(failures(15, "10:00", 20, "woh-srv-0001", "svc-backup", "10.20.2.50", 5));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void aSuccessWithinTenMinutesOfTheLastFailureEscalatesToUrgent() {
        try (Harness h = new Harness()) {
            h.send(failures(10, "10:00", 30, "woh-srv-0001", "jsmith", "10.20.2.50", 3)); // last at 10:04:30
            h.send(remoteLogon("10:14", "woh-srv-0001", "jsmith", "10.20.2.50", 3, "0x9001"));
            Incident i = h.only(C07);
            assertEquals("jsmith", i.getSubject());
            assertEquals(4, i.getSeverity());
            assertTrue(i.getEscalated());
            assertEquals(11, i.getEventCount());
            assertEquals("C07.guessing-then-success", i.getRuleId());
            assertEquals(at("10:14"), i.getLastSeen());

            List<Alert> alerts = h.alerts();
            assertEquals(2, alerts.size());
            assertEquals("new", alerts.get(0).getReason());
            assertEquals("severity_raised", alerts.get(1).getReason());
        }
    }

    @Test
    void aSuccessMoreThanTenMinutesAfterTheLastFailureDoesNotEscalate() {
        try (Harness h = new Harness()) {
            h.send(failures(10, "10:00", 30, "woh-srv-0001", "jsmith", "10.20.2.50", 3)); // last at 10:04:30
            EndpointEvent success = remoteLogon("10:14", "woh-srv-0001", "jsmith", "10.20.2.50", 3, "0x9001");
            success.setTimestamp(at("10:14:31"));
            h.send(success);
            Incident i = h.only(C07);
            assertEquals(3, i.getSeverity());
            assertFalse(i.getEscalated());
            assertEquals(10, i.getEventCount());
        }
    }

    @Test
    void aSuccessAfterTooFewFailuresDoesNotEscalate() {
        try (Harness h = new Harness()) {
            h.send(failures(9, "10:00", 30, "woh-srv-0001", "jsmith", "10.20.2.50", 3));
            h.send(remoteLogon("10:06", "woh-srv-0001", "jsmith", "10.20.2.50", 3, "0x9001"));
            assertEquals(List.of(), h.incidents());
        }
    }

    // ------------------------------------------------------------------ spraying

    private static List<EndpointEvent> spray(String start, String ip, String... accounts) {
        List<EndpointEvent> out = new ArrayList<>();
        for (int i = 0; i < accounts.length; i++) {
            EndpointEvent e = failedLogon(start, "gln-srv-0001", accounts[i], ip, 3);
            e.setTimestamp(at(start).plusSeconds(20L * i));
            out.add(e);
        }
        return out;
    }

    @Test
    void fiveAccountsFailingFromOneAddressAreSprayingOfThatAddress() {
        try (Harness h = new Harness()) {
            h.send(spray("02:00", "10.30.7.7", "pbrown1", "lwilson1", "tevans1", "athomas1", "croberts1"));
            Incident i = h.only(C07);
            assertEquals("ip:10.30.7.7", i.getSubject());
            assertEquals("GLN", i.getSchoolId(), "the school whose network holds the source");
            assertEquals(3, i.getSeverity());
            assertEquals(5, i.getEventCount());
            assertEquals("C07.spraying", i.getRuleId());
            assertNull(i.getSubjectRole());
        }
    }

    @Test
    void fourAccountsOrOneAccountManyTimesAreNearMissesForSpraying() {
        try (Harness h = new Harness()) {
            h.send(spray("02:00", "10.30.7.7", "pbrown1", "lwilson1", "tevans1", "athomas1"));
            h.send(spray("03:00", "10.30.7.8", "pbrown1", "pbrown1", "pbrown1", "pbrown1", "pbrown1"));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void aSuccessFromTheSprayingSourceEscalatesIt() {
        try (Harness h = new Harness()) {
            h.send(spray("02:00", "10.30.7.7", "pbrown1", "lwilson1", "tevans1", "athomas1", "croberts1"));
            h.send(remoteLogon("02:05", "gln-srv-0001", "hwalker1", "10.30.7.7", 3, "0x7001"));
            Incident i = h.only(C07);
            assertEquals("ip:10.30.7.7", i.getSubject());
            assertEquals(4, i.getSeverity());
            assertTrue(i.getEscalated());
            assertEquals(6, i.getEventCount());
            assertEquals("C07.spraying-then-success", i.getRuleId());
        }
    }

    // ------------------------------------------------------------------ role not allowed on the device

    @Test
    void aPupilLoggingOnAtTheServerConsoleIsUrgent() {
        try (Harness h = new Harness()) {
            // WOH-SRV-0001 allows only ict
            h.send(logon("11:00", "woh-srv-0001", "10.20.0.10", "22evanss0", 2, "0x5001"));
            Incident i = h.only(C07);
            assertEquals("22evanss0", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(4, i.getSeverity());
            assertEquals("C07.role-not-allowed", i.getRuleId());
            assertTrue(i.getNotify().contains(AlertRecipientRole.dsl), "a pupil's incident goes to the DSL");
        }
    }

    @Test
    void aStaffRemoteDesktopLogonToAnotherSchoolsServerIsUrgentAtTheirHomeSchool() {
        try (Harness h = new Harness()) {
            h.send(logon("11:00", "gln-srv-0001", "10.30.0.10", "mjones", 10, "0x5002"));
            Incident i = h.only(C07);
            assertEquals("mjones", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(4, i.getSeverity());
        }
    }

    @Test
    void allowedRolesNetworkLogonsAndUnrestrictedDevicesAreNearMisses() {
        try (Harness h = new Harness()) {
            h.send(
                    // the IT suite allows pupils
                    logon("11:00", "woh-pc-0001", "10.20.1.1", "22evanss0", 2, "0x6001"),
                    // ict on the server
                    logon("11:01", "woh-srv-0001", "10.20.0.10", "ictadmin", 10, "0x6002"),
                    // a network logon (type 3) is not interactive
                    remoteLogon("11:02", "woh-srv-0001", "23hughese0", "10.20.2.30", 3, "0x6003"),
                    // laptops list no allowed roles: no restriction
                    logon("11:03", "woh-lt-0002", "10.20.3.2", "mjones", 2, "0x6004"));
            assertEquals(List.of(), h.incidents());
        }
    }

    // ------------------------------------------------------------------ share access failures

    @Test
    void twentyShareAccessFailuresInTenMinutesAreAnIncident() {
        try (Harness h = new Harness()) {
            List<EndpointEvent> events = new ArrayList<>();
            for (int s = 0; s < 20; s++) {
                EndpointEvent e = shareFailure("14:00", "htf-srv-0001", "23smithd2", "10.40.2.12");
                e.setTimestamp(at("14:00").plusSeconds(25L * s)); // last at 14:07:55
                events.add(e);
            }
            h.send(events);
            Incident i = h.only(C07);
            assertEquals("23smithd2", i.getSubject());
            assertEquals("HTF", i.getSchoolId());
            assertEquals(3, i.getSeverity());
            assertEquals(20, i.getEventCount());
            assertEquals("C07.share-failures", i.getRuleId());
        }
    }

    @Test
    void nineteenShareFailuresOrSuccessfulChecksAreNearMisses() {
        try (Harness h = new Harness()) {
            List<EndpointEvent> events = new ArrayList<>();
            for (int s = 0; s < 19; s++) {
                EndpointEvent e = shareFailure("14:00", "htf-srv-0001", "23smithd2", "10.40.2.12");
                e.setTimestamp(at("14:00").plusSeconds(25L * s));
                events.add(e);
            }
            for (int s = 0; s < 25; s++) {
                EndpointEvent ok = shareFailure("15:00", "htf-srv-0001", "msmith2", "10.40.3.7");
                ok.setEventOutcome("success");
                ok.setTimestamp(at("15:00").plusSeconds(10L * s));
                events.add(ok);
            }
            h.send(events);
            assertEquals(List.of(), h.incidents());
        }
    }

    // ------------------------------------------------------------------ exemptions and settings

    @Test
    void anExemptedAccountRaisesNothingAndIsMarked() {
        try (Harness h = new Harness()) {
            // the ICT team's password-lockout test with jsmith's agreement
            h.reference(exemption("EX-T-C07", "WOH", "jsmith", C07, null, "09:00", "11:00"));
            h.send(failures(12, "10:00", 30, "woh-srv-0001", "jsmith", "10.20.2.50", 3));
            assertEquals(List.of(), h.incidents(C07));
            assertTrue(h.exemptionIds().contains("EX-T-C07"), h.exemptionIds().toString());
            assertTrue(h.exemptionIds().stream().allMatch("EX-T-C07"::equals));
        }
    }

    @Test
    void anExemptedDeviceLetsPupilsUseTheServerConsole() {
        try (Harness h = new Harness()) {
            h.reference(exemption("EX-T-C07D", "WOH", "device:WOH-SRV-0001", C07, null, "10:00", "12:00"));
            h.send(logon("11:00", "woh-srv-0001", "10.20.0.10", "22evanss0", 2, "0x5001"));
            assertEquals(List.of(), h.incidents(C07));
            assertTrue(h.exemptionIds().contains("EX-T-C07D"), h.exemptionIds().toString());
        }
    }

    @Test
    void aSchoolOverrideFromTheSettingsFileLowersTheGuessingThresholdThereOnly() {
        Settings settings = Events.settings(
                """
                categories:
                  UNAUTHORISED_ACCESS:
                    success_severity: 5
                schools:
                  GLN:
                    UNAUTHORISED_ACCESS:
                      failed_logons: 5
                """);
        try (Harness h = new Harness(settings)) {
            h.send(failures(5, "10:00", 30, "gln-srv-0001", "pbrown1", "10.30.2.50", 3));
            h.send(failures(5, "10:00", 30, "woh-srv-0001", "jsmith", "10.20.2.50", 3));
            Incident i = h.only(C07);
            assertEquals("pbrown1", i.getSubject());
            assertEquals("GLN", i.getSchoolId());
            assertEquals(5, i.getEventCount());
            assertEquals("5", i.getRuleThresholds().get("failed_logons"));

            // the trust-wide change of the escalated severity applies at GLN too
            h.send(remoteLogon("10:05", "gln-srv-0001", "pbrown1", "10.30.2.50", 3, "0x8001"));
            Incident escalated = h.only(C07);
            assertEquals(5, escalated.getSeverity());
            assertTrue(escalated.getEscalated());
            assertEquals("5", escalated.getRuleThresholds().get("success_severity"));
        }
    }
}
