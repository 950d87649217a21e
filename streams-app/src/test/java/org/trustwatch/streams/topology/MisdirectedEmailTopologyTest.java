package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustwatch.streams.topology.Events.at;
import static org.trustwatch.streams.topology.Events.exemption;
import static org.trustwatch.streams.topology.Events.mail;
import static org.trustwatch.streams.topology.EventsA.addresses;
import static org.trustwatch.streams.topology.EventsA.deadline;
import static org.trustwatch.streams.topology.EventsA.m365;
import static org.trustwatch.streams.topology.EventsA.mailWithCopies;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.MailEvent;
import org.trustwatch.streams.settings.Settings;

/** C03 MISDIRECTED_EMAIL through the whole topology: (a) look-alike domains, (b) recalls, (c) visible recipients. */
class MisdirectedEmailTopologyTest {

    private static final IncidentCategory C03 = IncidentCategory.MISDIRECTED_EMAIL;

    private static final String PARTNERS =
            """
            categories:
              MISDIRECTED_EMAIL:
                partner_domains: [westbrook.gov.uk, millbrook-academy.org.uk]
            """;

    private static MailEvent out(String time, String from, String subject, String... to) {
        return mail(time, from, "outbound", subject, to).build();
    }

    /** {@code n} messages from WOH staff to {@code address}, a minute apart, moved back by {@code ago}. */
    private static List<MailEvent> history(int n, String start, Duration ago, String address) {
        List<MailEvent> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MailEvent m = out(start, i % 2 == 0 ? "mjones@woh.sch.uk" : "dbrown@woh.sch.uk", "Newsletter", address);
            m.setTimestamp(at(start).minus(ago).plusSeconds(60L * i));
            m.setEventIngested(m.getTimestamp());
            sent.add(m);
        }
        return sent;
    }

    // ------------------------------------------------------------------ (a) look-alike domains

    @Test
    void aDomainOneEditFromAPartnerDomainIsABreachOfTheSender() {
        try (Harness h = new Harness(Events.settings(PARTNERS))) {
            h.send(out("10:00", "jsmith@woh.sch.uk", "SEN review", "sen.team@westbrok.gov.uk"));
            Incident i = h.only(C03);
            assertEquals("jsmith", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(3, i.getSeverity());
            assertEquals("C03.lookalike-domain", i.getRuleId());
            assertTrue(i.getRuleDescription().contains("westbrook.gov.uk"), i.getRuleDescription());
            assertTrue(i.getBreach());
            assertEquals(deadline("10:00"), i.getIcoDeadline());
            assertEquals(List.of(AlertRecipientRole.headteacher, AlertRecipientRole.dpo), i.getNotify());
            assertEquals(
                    "[\"westbrook.gov.uk\", \"millbrook-academy.org.uk\"]",
                    i.getRuleThresholds().get("partner_domains"));
        }
    }

    @Test
    void aHomoglyphSwapBeyondTheEditDistanceStillLooksAlike() {
        try (Harness h = new Harness(Events.settings(PARTNERS))) {
            // rn/m and 1/l: four edits from millbrook-academy.org.uk, identical once folded
            h.send(out("10:00", "pbrown1@glenmere.sch.uk", "Transfer file", "office@rni11brook-academy.org.uk"));
            Incident i = h.only(C03);
            assertEquals("pbrown1", i.getSubject());
            assertEquals("GLN", i.getSchoolId());
        }
    }

    @Test
    void thePartnerDomainItselfAndADomainThreeEditsAwayAreNearMisses() {
        try (Harness h = new Harness(Events.settings(PARTNERS))) {
            h.send(
                    out("10:00", "jsmith@woh.sch.uk", "SEN review", "sen.team@westbrook.gov.uk"),
                    out("10:01", "jsmith@woh.sch.uk", "Quote", "sales@eastbrock.gov.uk"));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void fiveEarlierMessagesMakeADomainKnown() {
        try (Harness h = new Harness()) {
            h.send(history(5, "08:00", Duration.ZERO, "info@parentmail.co.uk"));
            h.send(out("09:00", "jsmith@woh.sch.uk", "Trip letter", "info@parentmai1.co.uk"));
            Incident i = h.only(C03);
            assertEquals("jsmith", i.getSubject());
            assertEquals(1, i.getEventCount());
            assertTrue(i.getRuleDescription().contains("parentmail.co.uk"), i.getRuleDescription());
        }
    }

    @Test
    void fourEarlierMessagesAreANearMiss() {
        try (Harness h = new Harness()) {
            h.send(history(4, "08:00", Duration.ZERO, "info@parentmail.co.uk"));
            h.send(out("09:00", "jsmith@woh.sch.uk", "Trip letter", "info@parentmai1.co.uk"));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void messagesOlderThanThirtyDaysDoNotMakeADomainKnown() {
        try (Harness h = new Harness()) {
            h.send(history(5, "08:00", Duration.ofDays(31), "info@parentmail.co.uk"));
            h.send(out("09:00", "jsmith@woh.sch.uk", "Trip letter", "info@parentmai1.co.uk"));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void anotherSchoolsHistoryDoesNotMakeADomainKnownHere() {
        try (Harness h = new Harness()) {
            h.send(history(5, "08:00", Duration.ZERO, "info@parentmail.co.uk")); // WOH's history
            h.send(out("09:00", "pbrown1@glenmere.sch.uk", "Trip letter", "info@parentmai1.co.uk"));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void anExemptedDomainRaisesNothingAndIsMarked() {
        try (Harness h = new Harness(Events.settings(PARTNERS))) {
            // westbrok.gov.uk is a real supplier the school confirmed
            h.reference(exemption("EX-T-C03", "WOH", "*", C03, "domain:westbrok.gov.uk", "08:00", "18:00"));
            h.send(out("10:00", "jsmith@woh.sch.uk", "Order", "orders@westbrok.gov.uk"));
            assertEquals(List.of(), h.incidents());
            assertTrue(h.exemptionIds().contains("EX-T-C03"), h.exemptionIds().toString());
        }
    }

    // ------------------------------------------------------------------ (b) recalls and apologies

    @Test
    void aRecallWithinTheHourMakesBothMessagesAnIncident() {
        try (Harness h = new Harness()) {
            h.send(
                    out("10:00", "jsmith@woh.sch.uk", "Year 6 reports", "a.parent@example.com"),
                    out("10:40", "jsmith@woh.sch.uk", "Recall: Year 6 reports", "a.parent@example.com"));
            Incident i = h.only(C03);
            assertEquals("jsmith", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(3, i.getSeverity());
            assertEquals(2, i.getEventCount());
            assertEquals("C03.recall", i.getRuleId());
            assertTrue(i.getBreach());
            assertEquals(at("10:00"), i.getFirstSeen());
            assertEquals(deadline("10:00"), i.getIcoDeadline());
        }
    }

    @Test
    void anApologyToOneOfTheRecipientsCounts() {
        try (Harness h = new Harness()) {
            h.send(
                    out("10:00", "mjones@woh.sch.uk", "Class list", "a.parent@example.com", "b.parent@example.com"),
                    out("10:59", "mjones@woh.sch.uk", "Sent in error - please ignore", "b.parent@example.com"));
            Incident i = h.only(C03);
            assertEquals("mjones", i.getSubject());
            assertEquals(2, i.getEventCount());
        }
    }

    @Test
    void aRecallAfterMoreThanAnHourOrToSomeoneElseIsANearMiss() {
        try (Harness h = new Harness()) {
            MailEvent late = out("11:00", "jsmith@woh.sch.uk", "Recall: Year 6 reports", "a.parent@example.com");
            late.setTimestamp(at("11:00").plusSeconds(1));
            h.send(
                    out("10:00", "jsmith@woh.sch.uk", "Year 6 reports", "a.parent@example.com"),
                    late,
                    out("10:10", "mjones@woh.sch.uk", "Minutes", "c.parent@example.com"),
                    out("10:20", "mjones@woh.sch.uk", "Wrong recipient, please delete", "d.parent@example.com"));
            assertEquals(List.of(), h.incidents());
        }
    }

    // ------------------------------------------------------------------ (c) external addresses in To and Cc

    @Test
    void tenExternalAddressesInToAndCcAreAnIncident() {
        try (Harness h = new Harness()) {
            h.send(mailWithCopies(
                    "14:00",
                    "lwilson1@glenmere.sch.uk",
                    "Year 3 trip",
                    addresses("parent", "example.org", 6),
                    addresses("guardian", "example.net", 4),
                    List.of()));
            Incident i = h.only(C03);
            assertEquals("lwilson1", i.getSubject());
            assertEquals("GLN", i.getSchoolId());
            assertEquals(3, i.getSeverity());
            assertEquals("C03.visible-recipients", i.getRuleId());
            assertTrue(i.getBreach());
            assertEquals(deadline("14:00"), i.getIcoDeadline());
        }
    }

    @Test
    void bccAndSchoolAddressesDoNotCount() {
        try (Harness h = new Harness()) {
            List<String> to = new ArrayList<>(addresses("parent", "example.org", 9));
            to.addAll(List.of("pbrown1@glenmere.sch.uk", "tevans1@glenmere.sch.uk"));
            h.send(mailWithCopies(
                    "14:00",
                    "lwilson1@glenmere.sch.uk",
                    "Year 3 trip",
                    to,
                    List.of("athomas1@glenmere.sch.uk"),
                    addresses("guardian", "example.net", 20)));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void aSourceWithoutToAndCcCannotFireTheVisibleClause() {
        try (Harness h = new Harness()) {
            h.send(m365(
                    "14:00",
                    "lwilson1@glenmere.sch.uk",
                    "Year 3 trip",
                    addresses("parent", "example.org", 12).toArray(new String[0])));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void anExemptedSenderRaisesNothingAndIsMarked() {
        try (Harness h = new Harness()) {
            h.reference(exemption("EX-T-C03C", "GLN", "lwilson1", C03, null, "13:00", "15:00"));
            h.send(mailWithCopies(
                    "14:00",
                    "lwilson1@glenmere.sch.uk",
                    "Open evening (parents agreed to share addresses)",
                    addresses("parent", "example.org", 12),
                    List.of(),
                    List.of()));
            assertEquals(List.of(), h.incidents());
            assertTrue(h.exemptionIds().contains("EX-T-C03C"), h.exemptionIds().toString());
            assertTrue(h.exemptionIds().stream().allMatch("EX-T-C03C"::equals));
        }
    }

    @Test
    void aSchoolOverrideOfTheVisibleLimitAppliesOnlyThere() {
        Settings settings = Events.settings(
                """
                schools:
                  GLN:
                    MISDIRECTED_EMAIL:
                      max_visible_external: 5
                """);
        try (Harness h = new Harness(settings)) {
            h.send(
                    mailWithCopies(
                            "14:00",
                            "lwilson1@glenmere.sch.uk",
                            "Year 3 trip",
                            addresses("parent", "example.org", 5),
                            List.of(),
                            List.of()),
                    mailWithCopies(
                            "14:05",
                            "jsmith@woh.sch.uk",
                            "Year 3 trip",
                            addresses("parent", "example.org", 9),
                            List.of(),
                            List.of()));
            Incident i = h.only(C03);
            assertEquals("lwilson1", i.getSubject());
            assertEquals("5", i.getRuleThresholds().get("max_visible_external"));
        }
    }
}
