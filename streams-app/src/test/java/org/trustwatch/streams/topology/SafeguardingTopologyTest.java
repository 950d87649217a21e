package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.trustwatch.streams.topology.Events.exemption;
import static org.trustwatch.streams.topology.Events.mail;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.Role;

/**
 * C14 SAFEGUARDING_CONTACT: a message between a member of staff and a pupil where either address is not a school
 * address. Demo trust: staylor (WOH staff) has the personal address sarah.taylor0@gmail.com, pupil 24brownl0 has
 * lucybrown099@hotmail.co.uk.
 */
class SafeguardingTopologyTest {

    private static final IncidentCategory C14 = IncidentCategory.SAFEGUARDING_CONTACT;

    @Test
    void staffWritingToAPupilsPersonalAddressIsAnUrgentIncidentOfTheStaffMember() {
        try (Harness h = new Harness()) {
            h.send(mail("19:30", "staylor@woh.sch.uk", "outbound", "your homework", "lucybrown099@hotmail.co.uk")
                    .build());
            Incident i = h.only(C14);
            assertEquals("staylor", i.getSubject());
            assertEquals(Role.staff, i.getSubjectRole());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(4, i.getSeverity());
            assertEquals(1, i.getEventCount());
            assertFalse(i.getBreach());
            assertEquals(List.of(AlertRecipientRole.headteacher, AlertRecipientRole.dsl), i.getNotify());
        }
    }

    @Test
    void staffWritingFromTheirPersonalAddressToAPupilsSchoolAddressIsAnIncident() {
        try (Harness h = new Harness()) {
            h.send(mail("20:00", "sarah.taylor0@gmail.com", "inbound", "hi", "22evanss0@woh.sch.uk")
                    .build());
            Incident i = h.only(C14);
            assertEquals("staylor", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
        }
    }

    @Test
    void aPupilWritingFromAPersonalAddressToStaffIsAnIncidentOfTheStaffMember() {
        try (Harness h = new Harness()) {
            h.send(mail("21:00", "lucybrown099@hotmail.co.uk", "inbound", "question", "tevans1@glenmere.sch.uk")
                    .build());
            Incident i = h.only(C14);
            assertEquals("tevans1", i.getSubject());
            assertEquals("GLN", i.getSchoolId(), "the staff member's school, not the pupil's");
        }
    }

    @Test
    void aStaffMembersPersonalAddressFoundByAnM365TraceWithoutDirectionIsAnIncident() {
        try (Harness h = new Harness()) {
            h.send(mail("18:00", "tom.evans1@gmail.com", null, "revision", "21taylorr2@huttoft.sch.uk")
                    .setEventDataset("m365")
                    .setEmailToAddress(null)
                    .setEmailCcAddress(null)
                    .build());
            Incident i = h.only(C14);
            assertEquals("tevans1", i.getSubject());
            assertEquals("GLN", i.getSchoolId());
        }
    }

    @Test
    void staffWritingToAPupilsSchoolAddressIsFine() {
        try (Harness h = new Harness()) {
            h.send(
                    mail("10:00", "jsmith@woh.sch.uk", "internal", "homework", "22evanss0@woh.sch.uk")
                            .build(),
                    mail("10:05", "22evanss0@woh.sch.uk", "internal", "re: homework", "jsmith@woh.sch.uk")
                            .build(),
                    // staff to staff personal addresses, and pupil to pupil, are no safeguarding concern
                    mail("10:10", "jsmith@woh.sch.uk", "outbound", "lunch", "sarah.taylor0@gmail.com")
                            .build(),
                    mail("10:15", "22evanss0@woh.sch.uk", "outbound", "game", "lucybrown099@hotmail.co.uk")
                            .build());
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void anExemptedStaffMemberRaisesNothingAndIsMarked() {
        try (Harness h = new Harness()) {
            // e.g. a member of staff who is also the pupil's parent
            h.reference(exemption("EX-TEST-014", "WOH", "staylor", C14, null, "00:00", "23:59"));
            h.send(mail("19:30", "sarah.taylor0@gmail.com", "outbound", "dinner", "lucybrown099@hotmail.co.uk")
                    .build());
            assertEquals(List.of(), h.incidents());
            assertEquals(List.of("EX-TEST-014"), h.exemptionIds());
        }
    }
}
