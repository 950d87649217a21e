package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustwatch.streams.topology.Events.at;
import static org.trustwatch.streams.topology.Events.exemption;
import static org.trustwatch.streams.topology.EventsA.deadline;
import static org.trustwatch.streams.topology.EventsA.deviceRecognised;
import static org.trustwatch.streams.topology.EventsA.fileCreated;
import static org.trustwatch.streams.topology.EventsA.objectAccess;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.DeviceRecord;
import org.trustwatch.schema.DeviceType;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;

/** C02 REMOVABLE_MEDIA through the whole topology. */
class RemovableMediaTopologyTest {

    private static final IncidentCategory C02 = IncidentCategory.REMOVABLE_MEDIA;
    /** A stick nobody registered. */
    private static final String PERSONAL_STICK = "USBSTOR\\DISK&VEN_SANDISK&PROD_CRUZER_BLADE&REV_1.00\\4C530001&0";
    /** USB-WOH-01: the school-issued encrypted stick (devices.csv, serial = the full instance id). */
    private static final String SCHOOL_STICK = "USBSTOR\\DISK&VEN_KINGSTON&PROD_IKD300&REV_PMAP\\WOH0001&0";

    @Test
    void aFileWrittenToAnUnregisteredStickIsAnIncidentOfTheWriter() {
        try (Harness h = new Harness()) {
            h.send(
                    deviceRecognised("10:00", "woh-lt-0001", PERSONAL_STICK, "DiskDrive", "SanDisk Cruzer Blade"),
                    fileCreated("10:05", "woh-lt-0001", "jsmith", "E", "E:\\holiday\\beach.jpg"));
            Incident i = h.only(C02);
            assertEquals("jsmith", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(3, i.getSeverity());
            assertEquals(1, i.getEventCount());
            assertFalse(i.getBreach(), "not a breach unless a sensitive file was written");
            assertNull(i.getIcoDeadline());
            assertEquals(List.of(AlertRecipientRole.headteacher, AlertRecipientRole.dpo), i.getNotify());
        }
    }

    @Test
    void aSensitiveFileNameMakesItUrgentAndABreach() {
        try (Harness h = new Harness()) {
            h.send(
                    deviceRecognised("10:00", "woh-lt-0002", PERSONAL_STICK, "DiskDrive", "SanDisk Cruzer Blade"),
                    fileCreated("10:05", "woh-lt-0002", "TRUST\\mjones", "E", "E:\\work\\lesson-plan.docx"),
                    fileCreated("10:06", "woh-lt-0002", "TRUST\\mjones", "E", "E:\\exports\\Year6_PUPIL_list.docx"),
                    objectAccess("10:07", "woh-lt-0002", "mjones", "E", "E:\\exports\\marks.xlsx", "WriteData"));
            Incident i = h.only(C02);
            assertEquals("mjones", i.getSubject());
            assertEquals(4, i.getSeverity(), "\"PUPIL\" matches the pattern pupil case-insensitively");
            assertEquals(3, i.getEventCount());
            assertTrue(i.getBreach());
            assertEquals(at("10:06"), i.getAwareAt(), "aware at the first sensitive write");
            assertEquals(deadline("10:06"), i.getIcoDeadline());
        }
    }

    @Test
    void aPhoneAsPortableStorageCountsToo() {
        try (Harness h = new Harness()) {
            h.send(
                    deviceRecognised("10:00", "woh-lt-0003", "SWD\\WPDBUSENUM\\{PHONE-1}", "WPD", "Galaxy S24"),
                    fileCreated("10:01", "woh-lt-0003", "staylor", "F", "F:\\DCIM\\safeguarding-notes.pdf"));
            Incident i = h.only(C02);
            assertEquals("staylor", i.getSubject());
            assertEquals(4, i.getSeverity());
            assertTrue(i.getBreach());
        }
    }

    @Test
    void aRegisteredButUnencryptedStickStillCounts() {
        try (Harness h = new Harness()) {
            String id = "USBSTOR\\DISK&VEN_GENERIC&PROD_FLASH&REV_1.00\\WOH0099&0";
            h.reference(DeviceRecord.newBuilder()
                    .setDeviceId("USB-WOH-99")
                    .setSchoolId("WOH")
                    .setType(DeviceType.usb_storage)
                    .setEncrypted(false)
                    .setHoldsPersonalData(false)
                    .setSerial(id)
                    .build());
            h.send(
                    deviceRecognised("10:00", "woh-lt-0001", id, "DiskDrive", "Generic Flash"),
                    fileCreated("10:05", "woh-lt-0001", "jsmith", "E", "E:\\notes.txt"));
            assertEquals(3, h.only(C02).getSeverity());
        }
    }

    @Test
    void theSchoolIssuedEncryptedStickIsANearMiss() {
        try (Harness h = new Harness()) {
            h.send(
                    deviceRecognised("10:00", "woh-lt-0001", SCHOOL_STICK, "DiskDrive", "Kingston IronKey"),
                    fileCreated("10:05", "woh-lt-0001", "jsmith", "E", "E:\\exports\\pupil_list.csv"));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void theMostRecentStickOnTheHostOwnsTheDriveLetter() {
        try (Harness h = new Harness()) {
            h.send(
                    deviceRecognised("09:00", "woh-lt-0001", PERSONAL_STICK, "DiskDrive", "SanDisk Cruzer Blade"),
                    deviceRecognised("10:00", "woh-lt-0001", SCHOOL_STICK, "DiskDrive", "Kingston IronKey"),
                    fileCreated("10:05", "woh-lt-0001", "jsmith", "E", "E:\\exports\\pupil_list.csv"));
            assertEquals(List.of(), h.incidents(), "after the school stick was plugged in, E: is the school stick");
        }
    }

    @Test
    void readsWritesToTheSystemDriveAndWritesWithoutAStickAreNearMisses() {
        try (Harness h = new Harness()) {
            h.send(
                    // no removable device recognised on this host yet
                    fileCreated("09:55", "woh-lt-0002", "mjones", "E", "E:\\pupil.csv"),
                    deviceRecognised("10:00", "woh-lt-0002", PERSONAL_STICK, "DiskDrive", "SanDisk Cruzer Blade"),
                    objectAccess("10:01", "woh-lt-0002", "mjones", "E", "E:\\pupil.csv", "ReadData"),
                    fileCreated("10:02", "woh-lt-0002", "mjones", "C", "C:\\Users\\mjones\\pupil.csv"),
                    // a stick recognised on another host does not make this one's E: removable
                    fileCreated("10:03", "woh-lt-0005", "ewilson", "E", "E:\\pupil.csv"));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void anExemptedWriterRaisesNothingAndIsMarked() {
        try (Harness h = new Harness()) {
            // photos for the school website, carried on a camera card
            h.reference(exemption("EX-T-C02", "WOH", "troberts", C02, null, "09:00", "12:00"));
            h.send(
                    deviceRecognised("10:00", "woh-lt-0008", PERSONAL_STICK, "DiskDrive", "Camera card"),
                    fileCreated("10:05", "woh-lt-0008", "troberts", "E", "E:\\web\\sports-day.jpg"));
            assertEquals(List.of(), h.incidents());
            assertEquals(List.of("EX-T-C02"), h.exemptionIds());
        }
    }

    @Test
    void theExemptionEndsOnTime() {
        try (Harness h = new Harness()) {
            h.reference(exemption("EX-T-C02", "WOH", "troberts", C02, null, "09:00", "12:00"));
            h.send(
                    deviceRecognised("11:50", "woh-lt-0008", PERSONAL_STICK, "DiskDrive", "Camera card"),
                    fileCreated("12:00", "woh-lt-0008", "troberts", "E", "E:\\web\\sports-day.jpg"));
            assertEquals("troberts", h.only(C02).getSubject());
            assertEquals(List.of(), h.exemptionIds());
        }
    }
}
