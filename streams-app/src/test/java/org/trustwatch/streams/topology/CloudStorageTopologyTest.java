package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.trustwatch.streams.topology.Events.at;
import static org.trustwatch.streams.topology.Events.exemption;
import static org.trustwatch.streams.topology.Events.logon;
import static org.trustwatch.streams.topology.Events.upload;
import static org.trustwatch.streams.topology.EventsB.uploads;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.ProxyEvent;

/** C12 UNAPPROVED_CLOUD_STORAGE: >= 5,000,000 bytes in 1 h per subject to file-sharing domains not approved. */
class CloudStorageTopologyTest {

    private static final IncidentCategory C12 = IncidentCategory.UNAPPROVED_CLOUD_STORAGE;

    @Test
    void fiveMegabytesToFileSharingInAnHourAreAnIncidentOfTheUser() {
        try (Harness h = new Harness()) {
            // 5 x 1,000,000 = 5,000,000 bytes (decimal MB), the last one 40 minutes after the first
            h.send(uploads(5, "10:00", 10, "10.20.1.10", "jsmith", "wetransfer.com", "file-sharing", 1_000_000L));
            Incident i = h.only(C12);
            assertEquals("jsmith", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(3, i.getSeverity());
            assertEquals(5, i.getEventCount());
            assertEquals(at("10:00"), i.getFirstSeen());
            assertEquals(at("10:40"), i.getLastSeen());
            assertEquals(List.of(AlertRecipientRole.headteacher, AlertRecipientRole.dpo), i.getNotify());
            assertEquals("5000000", i.getRuleThresholds().get("upload_bytes"));
        }
    }

    @Test
    void uploadsOfADeviceWithoutProxyLoginAreTheUserLoggedOnAtThatAddress() {
        try (Harness h = new Harness()) {
            h.send(logon("09:55", "gln-lt-0002", "10.30.1.22", "lwilson1", 2, "0x9"));
            for (ProxyEvent e : uploads(3, "10:00", 5, "10.30.1.22", null, "mega.nz", "file-sharing", 2_000_000L)) {
                h.send(e);
            }
            Incident i = h.only(C12);
            assertEquals("lwilson1", i.getSubject());
            assertEquals("GLN", i.getSchoolId());
            assertEquals(3, i.getEventCount());
        }
    }

    @Test
    void fourPointNineMegabytesIsANearMiss() {
        try (Harness h = new Harness()) {
            h.send(uploads(7, "10:00", 5, "10.20.1.10", "jsmith", "wetransfer.com", "file-sharing", 700_000L));
            assertEquals(List.of(), h.incidents(), "7 x 700,000 = 4,900,000 bytes");
        }
    }

    @Test
    void fiveMegabytesSpreadOverMoreThanAnHourIsANearMiss() {
        try (Harness h = new Harness()) {
            h.send(
                    upload("10:00", "10.20.1.10", "jsmith", "dropbox.com", "file-sharing", 2_500_000L),
                    upload("11:00:01", "10.20.1.10", "jsmith", "dropbox.com", "file-sharing", 2_500_000L));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void requestsBelowTheUploadSizeDoNotCount() {
        try (Harness h = new Harness()) {
            // 600 x 9,000 = 5,400,000 bytes, but none of them is an upload (min_request_bytes 10,000)
            h.send(uploads(600, "10:00", 0, "10.20.1.10", "jsmith", "wetransfer.com", "file-sharing", 9_000L));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void anApprovedDomainAndItsSubdomainsRaiseNothing() {
        var settings =
                Events.settings("categories:\n  UNAPPROVED_CLOUD_STORAGE:\n    approved_domains: [dropbox.com]\n");
        try (Harness h = new Harness(settings)) {
            h.send(uploads(3, "10:00", 5, "10.20.1.10", "jsmith", "content.dropbox.com", "file-sharing", 3_000_000L));
            assertEquals(List.of(), h.incidents());
            h.send(upload("10:20", "10.20.1.10", "jsmith", "wetransfer.com", "file-sharing", 3_000_000L));
            assertEquals(List.of(), h.incidents(), "the approved 9,000,000 bytes do not count towards the limit");
            h.send(upload("10:25", "10.20.1.10", "jsmith", "wetransfer.com", "file-sharing", 3_000_000L));
            Incident i = h.only(C12);
            assertEquals(2, i.getEventCount(), "only the unapproved uploads are the incident");
        }
    }

    @Test
    void anApprovalForOneSchoolDoesNotApplyToAnother() {
        var settings =
                Events.settings("schools:\n  GLN:\n    UNAPPROVED_CLOUD_STORAGE:\n      approved_domains: [mega.nz]\n");
        try (Harness h = new Harness(settings)) {
            h.send(uploads(2, "10:00", 5, "10.30.1.22", "lwilson1", "mega.nz", "file-sharing", 3_000_000L));
            assertEquals(List.of(), h.incidents());
            h.send(uploads(2, "10:00", 5, "10.20.1.10", "jsmith", "mega.nz", "file-sharing", 3_000_000L));
            assertEquals("jsmith", h.only(C12).getSubject());
        }
    }

    @Test
    void anExemptedDomainRaisesNothingAndIsMarked() {
        try (Harness h = new Harness()) {
            h.reference(exemption("EX-TEST-012", "WOH", "*", C12, "domain:wetransfer.com", "08:00", "17:00"));
            h.send(uploads(3, "10:00", 5, "10.20.1.10", "jsmith", "we.wetransfer.com", "file-sharing", 2_000_000L));
            assertFalse(h.incidents().stream().anyMatch(i -> i.getCategory() == C12));
            assertEquals(List.of("EX-TEST-012", "EX-TEST-012", "EX-TEST-012"), h.exemptionIds());
            assertEquals(List.of(), h.incidents());
        }
    }
}
