package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.trustwatch.streams.topology.Events.exemption;
import static org.trustwatch.streams.topology.EventsB.addresses;
import static org.trustwatch.streams.topology.EventsB.bcc;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;

/**
 * C13 MASS_EMAIL: one message to >= 50 recipients; one sender and subject to >= 50 distinct recipients in 1 h; a
 * message over 2 MiB (2,097,152 bytes).
 */
class MassEmailTopologyTest {

    private static final IncidentCategory C13 = IncidentCategory.MASS_EMAIL;

    @Test
    void oneMessageToFiftyRecipientsIsALowIncidentOfTheSender() {
        try (Harness h = new Harness()) {
            h.send(bcc("10:00", "jsmith@woh.sch.uk", "outbound", "Cake sale", addresses("parent", 50, "example.com"))
                    .build());
            Incident i = h.only(C13);
            assertEquals("jsmith", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(1, i.getSeverity());
            assertEquals(1, i.getEventCount());
            assertEquals(List.of(AlertRecipientRole.headteacher), i.getNotify());
            assertEquals(List.of(i), h.incidents(), "Bcc recipients are not visible: no misdirected mail");
        }
    }

    @Test
    void fortyNineRecipientsIsANearMiss() {
        try (Harness h = new Harness()) {
            h.send(bcc("10:00", "jsmith@woh.sch.uk", "outbound", "Cake sale", addresses("parent", 49, "example.com"))
                    .build());
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void aMessageOverTwoMebibytesIsAnIncidentAndExactlyTwoIsNot() {
        try (Harness h = new Harness()) {
            h.send(bcc("10:00", "lwilson1@glenmere.sch.uk", "outbound", "Photos", List.of("grandad@example.com"))
                    .setEmailSize(2_097_152L)
                    .build());
            assertEquals(List.of(), h.incidents(), "2 MiB exactly is within the limit");
            h.send(bcc("10:05", "lwilson1@glenmere.sch.uk", "outbound", "More photos", List.of("grandad@example.com"))
                    .setEmailSize(2_097_153L)
                    .build());
            Incident i = h.only(C13);
            assertEquals("lwilson1", i.getSubject());
            assertEquals("GLN", i.getSchoolId());
            assertEquals(1, i.getEventCount());
        }
    }

    @Test
    void oneSubjectToFiftyDistinctRecipientsOverSeveralMessagesInAnHour() {
        try (Harness h = new Harness()) {
            List<String> parents = addresses("parent", 50, "example.com");
            for (int m = 0; m < 5; m++) {
                String time = "10:" + m + "0";
                h.send(bcc(
                                time,
                                "dbrown@woh.sch.uk",
                                "outbound",
                                "Trip to the zoo",
                                parents.subList(m * 10, m * 10 + 10))
                        .build());
                if (m < 4) {
                    assertEquals(List.of(), h.incidents(), (m + 1) * 10 + " recipients so far");
                }
            }
            Incident i = h.only(C13);
            assertEquals("dbrown", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(5, i.getEventCount(), "the five messages");
            assertEquals(Events.at("10:00"), i.getFirstSeen());
            assertEquals(Events.at("10:40"), i.getLastSeen());
        }
    }

    @Test
    void aCampaignOfManySmallMessagesCountsMessagesNotDeliveries() {
        try (Harness h = new Harness()) {
            List<String> parents = addresses("parent", 50, "example.com");
            for (int m = 0; m < 25; m++) {
                h.send(bcc(
                                String.format("10:%02d", m),
                                "dbrown@woh.sch.uk",
                                "outbound",
                                "Trip to the zoo",
                                parents.subList(m * 2, m * 2 + 2))
                        .build());
            }
            Incident i = h.only(C13);
            assertEquals(25, i.getEventCount(), "25 messages, more than the 20 an incident keeps as evidence");
            assertEquals(20, i.getEvidence().size());
            assertEquals(5, i.getEvidenceDropped());
        }
    }

    @Test
    void theSameRecipientsAgainOrASubjectOverMoreThanAnHourAreNearMisses() {
        try (Harness h = new Harness()) {
            List<String> parents = addresses("parent", 49, "example.com");
            // 49 distinct recipients, twice: 98 deliveries, 49 distinct
            h.send(bcc("10:00", "dbrown@woh.sch.uk", "outbound", "Trip", parents.subList(0, 30))
                    .build());
            h.send(bcc("10:10", "dbrown@woh.sch.uk", "outbound", "Trip", parents)
                    .build());
            h.send(bcc("10:20", "dbrown@woh.sch.uk", "outbound", "Trip", parents.subList(30, 49))
                    .build());
            // 30 + 30 of another subject, more than an hour apart
            h.send(bcc("11:00", "dbrown@woh.sch.uk", "outbound", "Reminder", addresses("a", 30, "example.com"))
                    .build());
            h.send(bcc("12:01", "dbrown@woh.sch.uk", "outbound", "Reminder", addresses("b", 30, "example.com"))
                    .build());
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void anExemptedSenderRaisesNothingAndIsMarked() {
        try (Harness h = new Harness()) {
            h.reference(exemption("EX-TEST-013", "WOH", "head.woh", C13, null, "08:00", "18:00"));
            h.send(bcc("10:00", "head@woh.sch.uk", "outbound", "Newsletter", addresses("parent", 120, "example.com"))
                    .build());
            assertEquals(List.of(), h.incidents());
            assertEquals("EX-TEST-013", h.exemptionIds().get(0));
            assertEquals(
                    List.of("EX-TEST-013"), h.exemptionIds().stream().distinct().toList());
        }
    }
}
