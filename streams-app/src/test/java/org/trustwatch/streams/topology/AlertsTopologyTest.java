package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustwatch.streams.topology.Events.logon;
import static org.trustwatch.streams.topology.Events.process;
import static org.trustwatch.streams.topology.EventsB.addresses;
import static org.trustwatch.streams.topology.EventsB.bcc;
import static org.trustwatch.streams.topology.EventsB.inbound;
import static org.trustwatch.streams.topology.EventsB.install;
import static org.trustwatch.streams.topology.EventsB.report;
import static org.trustwatch.streams.topology.EventsB.uploads;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.Alert;
import org.trustwatch.schema.AlertDelivery;
import org.trustwatch.schema.AlertRecipient;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.ReportKind;
import org.trustwatch.streams.settings.Settings;

/**
 * Alerts: one for a new incident and one when its severity rises, none for repeats; addresses from the school
 * (headteacher, DSL) and the trust settings (DPO, ICT); pupils pseudonymised; immediate from severity 4, else the
 * digest.
 */
class AlertsTopologyTest {

    private static Settings trustAddresses(String extra) {
        return Events.settings("trust:\n"
                + "  dpo_addresses: [dpo@trust.example, dpo-deputy@trust.example]\n"
                + "  ict_addresses: [ict@trust.example]\n"
                + extra);
    }

    /** HMAC-SHA256 of the account under the harness key, first 8 bytes in hex, computed here independently. */
    private static String pseudonym(String account) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Harness.PSEUDONYM_KEY, "HmacSHA256"));
        return "pupil-" + HexFormat.of().formatHex(mac.doFinal(account.getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    private static Set<String> addressesOf(Alert a) {
        return a.getRecipients().stream()
                .map(r -> r.getRole() + ":" + r.getAddress())
                .collect(Collectors.toSet());
    }

    @Test
    void aNewPupilIncidentGivesOneImmediateAlertWithThePupilPseudonymised() throws Exception {
        try (Harness h = new Harness(trustAddresses(""))) {
            h.send(process("10:15", "woh-pc-0003", "22evanss0", "C:\\Users\\22evanss0\\Downloads\\mimikatz.exe"));
            Incident incident = h.only(IncidentCategory.HACKING_TOOLS);
            List<Alert> alerts = h.alerts();
            assertEquals(1, alerts.size());
            Alert a = alerts.get(0);
            assertEquals(incident.getIncidentId(), a.getIncidentId());
            assertEquals("new", a.getReason());
            assertEquals(IncidentCategory.HACKING_TOOLS, a.getCategory());
            assertEquals(4, a.getSeverity());
            assertEquals("WOH", a.getSchoolId());
            assertEquals(AlertDelivery.immediate, a.getDelivery());
            assertTrue(a.getSubjectPseudonymised());
            assertEquals(pseudonym("22evanss0"), a.getSubject());
            assertTrue(a.getSubject().matches("pupil-[0-9a-f]{16}"));
            assertFalse(a.getSummary().contains("22evanss0"), a.getSummary());
            assertEquals(
                    Set.of("headteacher:head@woh.sch.uk", "dsl:dsl@woh.sch.uk", "ict:ict@trust.example"),
                    addressesOf(a));
            // the incident itself (for the triage console) keeps the account
            assertEquals("22evanss0", incident.getSubject());
        }
    }

    @Test
    void aStaffIncidentNamesTheStaffMemberAndGoesToTheDpoAddresses() {
        try (Harness h = new Harness(trustAddresses(""))) {
            h.send(uploads(4, "14:00", 15, "10.40.1.5", "rhughes2", "docs.google.com", "uncategorised", 5_000_000L));
            Alert a = h.alerts().get(0);
            assertEquals(1, h.alerts().size());
            assertEquals(IncidentCategory.DATA_DISCLOSURE, a.getCategory());
            assertEquals("rhughes2", a.getSubject());
            assertFalse(a.getSubjectPseudonymised());
            assertEquals("HTF", a.getSchoolId());
            assertEquals(
                    List.of(
                            new AlertRecipient(AlertRecipientRole.headteacher, "head@huttoft.sch.uk"),
                            new AlertRecipient(AlertRecipientRole.dpo, "dpo@trust.example"),
                            new AlertRecipient(AlertRecipientRole.dpo, "dpo-deputy@trust.example")),
                    a.getRecipients());
            assertTrue(a.getSummary().contains("personal-data breach"), a.getSummary());
        }
    }

    @Test
    void aPupilKeepsOnePseudonymAcrossIncidentsAndAnotherPupilHasAnother() throws Exception {
        try (Harness h = new Harness(trustAddresses(""))) {
            h.send(
                    process("10:15", "woh-pc-0003", "22evanss0", "C:\\t\\mimikatz.exe"),
                    install("10:20", "woh-pc-0003", "22evanss0", "Steam"),
                    process("10:25", "woh-pc-0004", "23hughese0", "C:\\t\\nmap.exe"));
            List<Alert> alerts = h.alerts();
            assertEquals(3, alerts.size());
            assertEquals(alerts.get(0).getSubject(), alerts.get(1).getSubject());
            assertNotEquals(alerts.get(0).getSubject(), alerts.get(2).getSubject());
            assertEquals(pseudonym("23hughese0"), alerts.get(2).getSubject());
        }
    }

    @Test
    void repeatsOfAnOpenIncidentGiveNoNewAlert() {
        try (Harness h = new Harness(trustAddresses(""))) {
            h.send(
                    process("10:15", "woh-pc-0003", "22evanss0", "C:\\t\\mimikatz.exe"),
                    process("10:30", "woh-pc-0003", "22evanss0", "C:\\t\\mimikatz.exe"),
                    process("13:00", "woh-pc-0003", "22evanss0", "C:\\t\\hashcat.exe"));
            assertEquals(3, h.only(IncidentCategory.HACKING_TOOLS).getEventCount());
            assertEquals(1, h.alerts().size());
        }
    }

    @Test
    void aSeverityRiseGivesASecondAlert() {
        try (Harness h = new Harness(trustAddresses(""))) {
            // dbrown reports his laptop lost (C01, severity 4), then it is logged on to (lost device in use, 5)
            h.send(report("08:05", "dbrown", "WOH", ReportKind.lost_device, "WOH-LT-0004", false));
            h.send(logon("09:00", "woh-lt-0004", "10.20.1.40", "dbrown", 2, "0x7"));
            Incident lost = h.only(IncidentCategory.LOST_OR_STOLEN_DEVICE);
            assertEquals(5, lost.getSeverity());
            List<Alert> alerts = h.alerts().stream()
                    .filter(a -> a.getCategory() == IncidentCategory.LOST_OR_STOLEN_DEVICE)
                    .toList();
            assertEquals(
                    List.of("new", "severity_raised"),
                    alerts.stream().map(Alert::getReason).toList());
            assertEquals(List.of(4, 5), alerts.stream().map(Alert::getSeverity).toList());
            assertEquals(lost.getIncidentId(), alerts.get(1).getIncidentId());
            assertEquals("device:WOH-LT-0004", alerts.get(1).getSubject());
            assertEquals(
                    Set.of("headteacher:head@woh.sch.uk", "dpo:dpo@trust.example", "dpo:dpo-deputy@trust.example"),
                    addressesOf(alerts.get(1)));
            // a further use of the device at the same severity says nothing new
            h.send(logon("09:30", "woh-lt-0004", "10.20.1.40", "dbrown", 2, "0x8"));
            assertEquals(
                    2,
                    h.alerts().stream()
                            .filter(a -> a.getCategory() == IncidentCategory.LOST_OR_STOLEN_DEVICE)
                            .count());
        }
    }

    @Test
    void belowSeverityFourAlertsGoToTheDigest() {
        try (Harness h = new Harness(trustAddresses(""))) {
            h.send(bcc("10:00", "jsmith@woh.sch.uk", "outbound", "Cake sale", addresses("parent", 50, "example.com"))
                    .build());
            h.send(inbound(
                    "10:05", "Mark Jones", "mjones@woh.sch.uk", "x@mailer.example", "fail", "jsmith@woh.sch.uk"));
            List<Alert> alerts = h.alerts();
            assertEquals(2, alerts.size());
            assertEquals(IncidentCategory.MASS_EMAIL, alerts.get(0).getCategory());
            assertEquals(AlertDelivery.digest, alerts.get(0).getDelivery());
            assertEquals(Set.of("headteacher:head@woh.sch.uk"), addressesOf(alerts.get(0)));
            assertEquals(IncidentCategory.EMAIL_IMPERSONATION, alerts.get(1).getCategory());
            assertEquals(3, alerts.get(1).getSeverity());
            assertEquals(AlertDelivery.digest, alerts.get(1).getDelivery());
            assertEquals(Set.of("ict:ict@trust.example"), addressesOf(alerts.get(1)));
        }
    }

    @Test
    void theImmediateSeverityIsATrustSetting() {
        try (Harness h = new Harness(trustAddresses("  immediate_severity: 3\n"))) {
            h.send(inbound(
                    "10:05", "Mark Jones", "mjones@woh.sch.uk", "x@mailer.example", "fail", "jsmith@woh.sch.uk"));
            h.send(bcc("10:10", "jsmith@woh.sch.uk", "outbound", "Cake sale", addresses("parent", 50, "example.com"))
                    .build());
            List<Alert> alerts = h.alerts();
            assertEquals(AlertDelivery.immediate, alerts.get(0).getDelivery(), "severity 3");
            assertEquals(AlertDelivery.digest, alerts.get(1).getDelivery(), "severity 1");
        }
    }

    @Test
    void withoutTrustAddressesOnlyTheSchoolsAddressesAreUsed() {
        try (Harness h = new Harness()) {
            h.send(process("10:15", "woh-pc-0003", "22evanss0", "C:\\t\\mimikatz.exe"));
            assertEquals(
                    Set.of("headteacher:head@woh.sch.uk", "dsl:dsl@woh.sch.uk"),
                    addressesOf(h.alerts().get(0)));
        }
    }
}
