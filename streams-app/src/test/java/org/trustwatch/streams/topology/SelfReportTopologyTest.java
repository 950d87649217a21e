package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustwatch.streams.topology.Events.at;
import static org.trustwatch.streams.topology.Events.exemption;
import static org.trustwatch.streams.topology.EventsB.report;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.IncidentReport;
import org.trustwatch.schema.ReportKind;

/**
 * C18 SELF_REPORTED: every report is an incident of the reporter, a breach when it says personal data was involved;
 * a lost-device report naming a device also opens C01 for that device.
 */
class SelfReportTopologyTest {

    private static final IncidentCategory C18 = IncidentCategory.SELF_REPORTED;

    @Test
    void aReportIsAnIncidentOfTheReporter() {
        try (Harness h = new Harness()) {
            h.send(report("09:15", "jsmith", "WOH", ReportKind.paper_records, null, false));
            Incident i = h.only(C18);
            assertEquals("jsmith", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(3, i.getSeverity());
            assertEquals(1, i.getEventCount());
            assertFalse(i.getBreach());
            assertNull(i.getIcoDeadline());
            assertEquals(List.of(AlertRecipientRole.headteacher, AlertRecipientRole.dpo), i.getNotify());
            assertEquals(List.of(i), h.incidents());
        }
    }

    @Test
    void aReportWithPersonalDataIsABreachDueSeventyTwoHoursLater() {
        try (Harness h = new Harness()) {
            h.send(report("09:15", "lwilson1", null, ReportKind.misdirected_email, null, true));
            Incident i = h.only(C18);
            assertEquals("lwilson1", i.getSubject());
            assertEquals("GLN", i.getSchoolId(), "the reporter's school when the report names none");
            assertTrue(i.getBreach());
            assertEquals(at("09:15"), i.getAwareAt());
            assertEquals(at("09:15").plus(Duration.ofHours(72)), i.getIcoDeadline());
        }
    }

    @Test
    void aLostDeviceReportAlsoOpensALostDeviceIncidentForTheDevice() {
        try (Harness h = new Harness()) {
            // WOH-LT-0004 is dbrown's laptop, not encrypted
            h.send(report("08:05", "dbrown", "WOH", ReportKind.lost_device, "WOH-LT-0004", false));
            Incident self = h.only(C18);
            assertEquals("dbrown", self.getSubject());
            Incident lost = h.only(IncidentCategory.LOST_OR_STOLEN_DEVICE);
            assertEquals("device:WOH-LT-0004", lost.getSubject());
            assertEquals("WOH", lost.getSchoolId());
            assertEquals(4, lost.getSeverity());
            assertTrue(lost.getBreach(), "the register says encrypted=false");
            assertEquals(at("08:05").plus(Duration.ofHours(72)), lost.getIcoDeadline());
            assertEquals(2, h.incidents().size());
        }
    }

    @Test
    void aLostDeviceReportNamingTheHostNameFindsTheRegisteredDevice() {
        try (Harness h = new Harness()) {
            h.send(report("08:05", "tevans1", "GLN", ReportKind.lost_device, "gln-lt-0003", false));
            assertEquals(
                    "device:GLN-LT-0003",
                    h.only(IncidentCategory.LOST_OR_STOLEN_DEVICE).getSubject());
        }
    }

    @Test
    void otherReportsOrALostDeviceWithoutADeviceOpenNoLostDeviceIncident() {
        try (Harness h = new Harness()) {
            h.send(
                    report("08:05", "dbrown", "WOH", ReportKind.lost_media, "WOH-LT-0004", false),
                    report("08:10", "mjones", "WOH", ReportKind.lost_device, null, false));
            assertEquals(List.of(), h.incidents(IncidentCategory.LOST_OR_STOLEN_DEVICE));
            assertEquals(2, h.incidents(C18).size());
        }
    }

    @Test
    void theSameReportTwiceIsOneIncidentWithOneAlert() {
        try (Harness h = new Harness()) {
            IncidentReport r = report("09:15", "jsmith", "WOH", ReportKind.other, null, false);
            h.send(r, r);
            assertEquals(1, h.only(C18).getEventCount());
            assertEquals(1, h.alerts().size());
        }
    }

    @Test
    void anExemptedReporterRaisesNothingAndIsMarked() {
        try (Harness h = new Harness()) {
            // a breach-reporting drill
            h.reference(exemption("EX-TEST-018", "WOH", "jsmith", C18, null, "09:00", "10:00"));
            h.send(report("09:15", "jsmith", "WOH", ReportKind.other, null, false));
            assertEquals(List.of(), h.incidents());
            assertEquals(List.of("EX-TEST-018"), h.exemptionIds());
        }
    }
}
