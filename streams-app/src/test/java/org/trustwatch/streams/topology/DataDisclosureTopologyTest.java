package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustwatch.streams.topology.Events.at;
import static org.trustwatch.streams.topology.Events.exemption;
import static org.trustwatch.streams.topology.Events.upload;
import static org.trustwatch.streams.topology.EventsB.bcc;
import static org.trustwatch.streams.topology.EventsB.uploads;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;

/**
 * C17 DATA_DISCLOSURE: >= 20,000,000 bytes in 1 h per subject to any web category but education (and not a domain
 * exempted for the category); an external message >= 10,000,000 bytes marked sensitive. Always a personal-data
 * breach with an ICO deadline 72 h after the school became aware.
 */
class DataDisclosureTopologyTest {

    private static final IncidentCategory C17 = IncidentCategory.DATA_DISCLOSURE;
    private static final String IP = "10.40.1.5";

    @Test
    void twentyMegabytesOutsideEducationInAnHourAreABreachWithAnIcoDeadline() {
        try (Harness h = new Harness()) {
            h.send(uploads(4, "14:00", 15, IP, "rhughes2", "docs.google.com", "uncategorised", 5_000_000L));
            Incident i = h.only(C17);
            assertEquals("rhughes2", i.getSubject());
            assertEquals("HTF", i.getSchoolId());
            assertEquals(4, i.getSeverity());
            assertEquals(4, i.getEventCount());
            assertEquals(List.of(AlertRecipientRole.headteacher, AlertRecipientRole.dpo), i.getNotify());
            assertTrue(i.getBreach());
            // aware from the first event of the incident (the earliest, so the deadline is never late)
            assertEquals(at("14:00"), i.getAwareAt());
            assertEquals(i.getAwareAt().plus(Duration.ofHours(72)), i.getIcoDeadline());
            assertEquals(at("14:00").plus(Duration.ofHours(72)), i.getIcoDeadline());
        }
    }

    @Test
    void justUnderTwentyMegabytesIsANearMiss() {
        try (Harness h = new Harness()) {
            h.send(uploads(3, "14:00", 15, IP, "rhughes2", "docs.google.com", "uncategorised", 5_000_000L));
            h.send(upload("14:45", IP, "rhughes2", "docs.google.com", "uncategorised", 4_999_999L));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void uploadsToEducationDoNotCount() {
        try (Harness h = new Harness()) {
            h.send(uploads(3, "14:00", 5, IP, "rhughes2", "oak.org.uk", "education", 10_000_000L));
            h.send(uploads(3, "14:20", 5, IP, "rhughes2", "docs.google.com", "uncategorised", 5_000_000L));
            assertEquals(List.of(), h.incidents(), "30 MB to education and 15 MB elsewhere");
            h.send(upload("14:40", IP, "rhughes2", "docs.google.com", "uncategorised", 5_000_000L));
            assertEquals(4, h.only(C17).getEventCount(), "only the uploads outside education are the incident");
        }
    }

    @Test
    void uploadsOfAnUnknownCategoryCount() {
        try (Harness h = new Harness()) {
            h.send(uploads(2, "14:00", 5, IP, "rhughes2", "203.0.113.9", null, 10_000_000L));
            assertEquals("rhughes2", h.only(C17).getSubject());
        }
    }

    @Test
    void aLargeSensitiveExternalMessageIsABreach() {
        try (Harness h = new Harness()) {
            h.send(bcc(
                            "15:00",
                            "office.manager@glenmere.sch.uk",
                            "outbound",
                            "Staff list",
                            List.of("hr@agency.example"))
                    .setEmailClassification("OFFICIAL-SENSITIVE")
                    .setEmailSize(10_000_000L)
                    .build());
            Incident i = h.only(C17);
            assertEquals("office.manager", i.getSubject());
            assertEquals("GLN", i.getSchoolId());
            assertEquals(4, i.getSeverity());
            assertTrue(i.getBreach());
            assertEquals(at("15:00").plus(Duration.ofHours(72)), i.getIcoDeadline());
            // the same message is also over the mass-mail size limit
            assertEquals(1, h.incidents(IncidentCategory.MASS_EMAIL).size());
        }
    }

    @Test
    void smallerUnmarkedOrInternalMessagesAreNearMisses() {
        try (Harness h = new Harness()) {
            h.send(
                    bcc(
                                    "15:00",
                                    "office.manager@glenmere.sch.uk",
                                    "outbound",
                                    "Staff list",
                                    List.of("hr@agency.example"))
                            .setEmailClassification("OFFICIAL-SENSITIVE")
                            .setEmailSize(9_999_999L)
                            .build(),
                    bcc("15:01", "office.manager@glenmere.sch.uk", "outbound", "Photos", List.of("hr@agency.example"))
                            .setEmailSize(15_000_000L)
                            .build(),
                    bcc(
                                    "15:02",
                                    "office.manager@glenmere.sch.uk",
                                    "internal",
                                    "Staff list",
                                    List.of("pbrown1@glenmere.sch.uk"))
                            .setEmailClassification("OFFICIAL-SENSITIVE")
                            .setEmailSize(15_000_000L)
                            .build());
            assertEquals(List.of(), h.incidents(C17));
        }
    }

    @Test
    void aDomainExemptedForTheCategoryRaisesNothingAndIsMarked() {
        try (Harness h = new Harness()) {
            // the census return goes to the DfE's collection service (and its subdomains)
            h.reference(exemption("EX-TEST-017", "HTF", "*", C17, "domain:collect.example.org", "00:00", "23:59"));
            h.send(uploads(3, "14:00", 5, IP, "rhughes2", "upload.collect.example.org", "uncategorised", 10_000_000L));
            assertEquals(List.of(), h.incidents());
            assertEquals(List.of("EX-TEST-017", "EX-TEST-017", "EX-TEST-017"), h.exemptionIds());
        }
    }
}
