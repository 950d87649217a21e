package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustwatch.streams.topology.Events.exemption;
import static org.trustwatch.streams.topology.Events.mail;
import static org.trustwatch.streams.topology.EventsA.deadline;
import static org.trustwatch.streams.topology.EventsA.m365;
import static org.trustwatch.streams.topology.EventsA.mailWithoutTls;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.Alert;
import org.trustwatch.schema.AlertDelivery;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.MailEvent;
import org.trustwatch.streams.settings.Settings;

/** C04 INSECURE_TRANSFER through the whole topology. */
class InsecureTransferTopologyTest {

    private static final IncidentCategory C04 = IncidentCategory.INSECURE_TRANSFER;

    @Test
    void aMarkedMessageDeliveredOutsideWithoutTlsIsABreachOfTheSender() {
        try (Harness h = new Harness()) {
            h.send(mailWithoutTls(
                    "09:30",
                    "office.manager@glenmere.sch.uk",
                    "[OFFICIAL-SENSITIVE] November payroll",
                    "hr@payroll-bureau.co.uk"));
            Incident i = h.only(C04);
            assertEquals("office.manager", i.getSubject());
            assertEquals("GLN", i.getSchoolId());
            assertEquals(3, i.getSeverity());
            assertEquals(1, i.getEventCount());
            assertTrue(i.getBreach());
            assertEquals(deadline("09:30"), i.getIcoDeadline());
            assertEquals(List.of(AlertRecipientRole.dpo), i.getNotify());
        }
    }

    @Test
    void aMarkedMessageToPersonalWebmailCountsEvenOverTls() {
        try (Harness h = new Harness()) {
            // tevans1 forwarding a labelled document to his own gmail address (listed in the directory)
            MailEvent m = mail("16:45", "tevans1@glenmere.sch.uk", "outbound", "Fwd: reports", "tom.evans1@gmail.com")
                    .setEmailClassification("OFFICIAL-SENSITIVE")
                    .build();
            h.send(m);
            Incident i = h.only(C04);
            assertEquals("tevans1", i.getSubject());
            assertEquals("GLN", i.getSchoolId());
            assertTrue(i.getBreach());
            assertEquals(deadline("16:45"), i.getIcoDeadline());
        }
    }

    @Test
    void anM365TraceCannotShowTlsButTheWebmailClauseStillApplies() {
        try (Harness h = new Harness()) {
            h.send(
                    // TLS unknown, ordinary external recipient: cannot fire
                    m365("10:00", "kwalker2@huttoft.sch.uk", "CONFIDENTIAL: exam entries", "exams@board.example.org"),
                    // TLS unknown, personal webmail: fires
                    m365("10:05", "kwalker2@huttoft.sch.uk", "CONFIDENTIAL: exam entries", "kate.walker2@gmail.com"));
            Incident i = h.only(C04);
            assertEquals("kwalker2", i.getSubject());
            assertEquals("HTF", i.getSchoolId());
            assertEquals(1, i.getEventCount());
        }
    }

    @Test
    void unmarkedPlainTextMailOrMarkedMailOverTlsAreNearMisses() {
        try (Harness h = new Harness()) {
            h.send(
                    // marked, external, TLS
                    mail(
                                    "09:00",
                                    "office.manager@glenmere.sch.uk",
                                    "outbound",
                                    "[OFFICIAL-SENSITIVE] payroll",
                                    "hr@payroll-bureau.co.uk")
                            .build(),
                    // not marked, no TLS, even to webmail
                    mailWithoutTls("09:05", "office.manager@glenmere.sch.uk", "Lunch order", "someone@gmail.com"),
                    // marked, no TLS, but to another school of the trust
                    mailWithoutTls(
                            "09:15",
                            "office.manager@glenmere.sch.uk",
                            "[OFFICIAL-SENSITIVE] payroll",
                            "jsmith@woh.sch.uk"));
            List<Incident> found = h.incidents(C04);
            assertEquals(List.of(), found);
        }
    }

    @Test
    void officialIsNotASensitiveClassification() {
        try (Harness h = new Harness()) {
            MailEvent official =
                    mailWithoutTls("09:10", "office.manager@glenmere.sch.uk", "Minutes", "hr@payroll-bureau.co.uk");
            official.setEmailClassification("OFFICIAL");
            h.send(official);
            assertEquals(List.of(), h.incidents(C04));
        }
    }

    @Test
    void aSensitiveIncidentIsNotUrgentSoItsAlertGoesInTheDigestToTheDpo() {
        Settings settings = Events.settings(
                """
                trust:
                  dpo_addresses: [dpo@trust.example]
                """);
        try (Harness h = new Harness(settings)) {
            h.send(mailWithoutTls(
                    "09:30",
                    "office.manager@glenmere.sch.uk",
                    "[OFFICIAL-SENSITIVE] payroll",
                    "hr@payroll-bureau.co.uk"));
            List<Alert> alerts = h.alerts();
            assertEquals(1, alerts.size());
            assertEquals(
                    List.of("dpo@trust.example"),
                    EventsA.addressesOf(alerts.get(0).getRecipients()));
            assertEquals(AlertDelivery.digest, alerts.get(0).getDelivery());
            assertTrue(
                    alerts.get(0).getSummary().contains("ICO decision due"),
                    alerts.get(0).getSummary());
        }
    }

    @Test
    void anExemptedDestinationRaisesNothingAndIsMarked() {
        try (Harness h = new Harness()) {
            // the payroll bureau's server cannot do TLS; the DPO accepted it until a new contract
            h.reference(exemption(
                    "EX-T-C04", "GLN", "office.manager", C04, "domain:payroll-bureau.co.uk", "08:00", "18:00"));
            h.send(mailWithoutTls(
                    "09:30",
                    "office.manager@glenmere.sch.uk",
                    "[OFFICIAL-SENSITIVE] payroll",
                    "hr@payroll-bureau.co.uk"));
            assertEquals(List.of(), h.incidents(C04));
            assertTrue(h.exemptionIds().contains("EX-T-C04"), h.exemptionIds().toString());
        }
    }

    @Test
    void aDomainExemptionDoesNotCoverAMessageThatAlsoWentElsewhereWithoutTls() {
        try (Harness h = new Harness()) {
            h.reference(exemption(
                    "EX-T-C04", "GLN", "office.manager", C04, "domain:payroll-bureau.co.uk", "08:00", "18:00"));
            h.send(mailWithoutTls(
                    "09:30",
                    "office.manager@glenmere.sch.uk",
                    "[OFFICIAL-SENSITIVE] payroll",
                    "hr@payroll-bureau.co.uk",
                    "accounts@pension-fund.example"));
            assertEquals("office.manager", h.only(C04).getSubject());
            assertEquals(List.of(), h.exemptionIds());
        }
    }

    @Test
    void aSenderExemptionCoversEveryDestination() {
        try (Harness h = new Harness()) {
            h.reference(exemption("EX-T-C04S", "HTF", "kwalker2", C04, null, "08:00", "18:00"));
            h.send(m365("10:05", "kwalker2@huttoft.sch.uk", "CONFIDENTIAL: exam entries", "kate.walker2@gmail.com"));
            assertEquals(List.of(), h.incidents(C04));
            assertEquals(List.of("EX-T-C04S"), h.exemptionIds());
        }
    }
}
