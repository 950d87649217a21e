package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.trustwatch.streams.topology.Events.exemption;
import static org.trustwatch.streams.topology.EventsB.inbound;
import static org.trustwatch.streams.topology.EventsB.outbound;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;

/**
 * C16 EMAIL_IMPERSONATION: inbound mail failing DMARC whose From display name or address matches a member of staff
 * (subject: the impersonated person); outbound mail whose From address belongs to someone other than the
 * authenticated sender (subject: the authenticated sender).
 */
class ImpersonationTopologyTest {

    private static final IncidentCategory C16 = IncidentCategory.EMAIL_IMPERSONATION;

    @Test
    void inboundMailFailingDmarcFromAStaffAddressIsAnIncidentOfThatStaffMember() {
        try (Harness h = new Harness()) {
            h.send(inbound(
                    "08:30", "Mark Jones", "mjones@woh.sch.uk", "bounce@mailer.example", "fail", "office@woh.sch.uk"));
            Incident i = h.only(C16);
            assertEquals("mjones", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(3, i.getSeverity());
            assertEquals(1, i.getEventCount());
            assertEquals(List.of(AlertRecipientRole.ict), i.getNotify());
        }
    }

    @Test
    void inboundMailFailingDmarcInAStaffDisplayNameIsAnIncident() {
        try (Harness h = new Harness()) {
            h.send(inbound(
                    "08:30",
                    "Headteacher WOH",
                    "headteacher.woh@gmail.com",
                    "headteacher.woh@gmail.com",
                    "fail",
                    "dbrown@woh.sch.uk"));
            Incident i = h.only(C16);
            assertEquals("head.woh", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
        }
    }

    @Test
    void aStaffNameSharedWithAPupilIsStillTheStaffMembersName() {
        // "Jane Smith" is jsmith (staff) and 21smithj0 (pupil): only staff can be impersonated, so it is jsmith
        try (Harness h = new Harness()) {
            h.send(inbound(
                    "08:30",
                    "Jane Smith",
                    "jane.smith.woh@gmail.com",
                    "jane.smith.woh@gmail.com",
                    "fail",
                    "dbrown@woh.sch.uk"));
            Incident i = h.only(C16);
            assertEquals("jsmith", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
        }
    }

    @Test
    void outboundMailFromSomeoneElsesAddressIsAnIncidentOfTheAuthenticatedSender() {
        try (Harness h = new Harness()) {
            h.send(outbound("11:00", "dbrown", "dbrown@woh.sch.uk", "head@woh.sch.uk", "parents@example.com"));
            Incident i = h.only(C16);
            assertEquals("dbrown", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(3, i.getSeverity());
            assertEquals(List.of(AlertRecipientRole.ict), i.getNotify());
        }
    }

    @Test
    void dmarcPassAndOwnAddressesAndAliasesRaiseNothing() {
        try (Harness h = new Harness()) {
            h.send(
                    inbound(
                            "08:30",
                            "Mark Jones",
                            "mjones@woh.sch.uk",
                            "mjones@woh.sch.uk",
                            "pass",
                            "office@woh.sch.uk"),
                    // failing DMARC in the name of a pupil or of nobody in the directory
                    inbound(
                            "08:31",
                            "Sarah Evans",
                            "22evanss0@woh.sch.uk",
                            "x@mailer.example",
                            "fail",
                            "jsmith@woh.sch.uk"),
                    inbound(
                            "08:32",
                            "Amazon",
                            "no-reply@amaz0n.example",
                            "no-reply@amaz0n.example",
                            "fail",
                            "jsmith@woh.sch.uk"),
                    // own address, own personal alias listed in the directory, an account written as a UPN
                    outbound("11:00", "dbrown", "dbrown@woh.sch.uk", "dbrown@woh.sch.uk", "parents@example.com"),
                    outbound(
                            "11:01", "staylor", "staylor@woh.sch.uk", "sarah.taylor0@gmail.com", "parents@example.com"),
                    outbound(
                            "11:02", "TRUST\\jsmith", "jsmith@woh.sch.uk", "JSmith@woh.sch.uk", "parents@example.com"));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void anExemptedPhishingExerciseRaisesNothingAndIsMarked() {
        try (Harness h = new Harness()) {
            h.reference(exemption("EX-TEST-016", "WOH", "mjones", C16, null, "08:00", "09:00"));
            h.send(inbound(
                    "08:30",
                    "Mark Jones",
                    "mjones@woh.sch.uk",
                    "bounce@phish-test.example",
                    "fail",
                    "office@woh.sch.uk"));
            assertEquals(List.of(), h.incidents());
            assertEquals(List.of("EX-TEST-016"), h.exemptionIds());
        }
    }
}
