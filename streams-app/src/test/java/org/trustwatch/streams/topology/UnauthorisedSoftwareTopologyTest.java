package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.trustwatch.streams.topology.Events.exemption;
import static org.trustwatch.streams.topology.Events.logoff;
import static org.trustwatch.streams.topology.Events.logon;
import static org.trustwatch.streams.topology.EventsB.externalDevice;
import static org.trustwatch.streams.topology.EventsB.install;
import static org.trustwatch.streams.topology.EventsB.serviceInstall;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;

/**
 * C11 UNAUTHORISED_SOFTWARE_OR_HARDWARE through the whole topology: installs by non-ict accounts of software not on
 * the approved list, and external devices of a class that is not allowed, attributed to the account with an
 * interactive session on the host at the time.
 */
class UnauthorisedSoftwareTopologyTest {

    private static final IncidentCategory C11 = IncidentCategory.UNAUTHORISED_SOFTWARE_OR_HARDWARE;

    @Test
    void anInstallByStaffIsAnIncidentOfTheAccountForIct() {
        try (Harness h = new Harness()) {
            h.send(install("10:00", "woh-lt-0001", "TRUST\\jsmith", "Steam"));
            Incident i = h.only(C11);
            assertEquals("jsmith", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(2, i.getSeverity());
            assertEquals(1, i.getEventCount());
            assertEquals(List.of(AlertRecipientRole.ict), i.getNotify());
        }
    }

    @Test
    void aServiceInstalledByAPupilIsAnIncident() {
        try (Harness h = new Harness()) {
            h.send(serviceInstall("11:00", "htf-pc-0004", "21taylorr2", "RemoteUtilitiesHost"));
            Incident i = h.only(C11);
            assertEquals("21taylorr2", i.getSubject());
            assertEquals("HTF", i.getSchoolId());
            assertEquals(List.of(AlertRecipientRole.dsl, AlertRecipientRole.ict), i.getNotify());
        }
    }

    @Test
    void installsBySystemOrAnIctAccountRaiseNothing() {
        try (Harness h = new Harness()) {
            h.send(
                    install("10:00", "woh-lt-0001", "SYSTEM", "Microsoft Teams"),
                    install("10:01", "woh-lt-0002", "NT AUTHORITY\\SYSTEM", "Google Chrome"),
                    serviceInstall("10:02", "woh-lt-0003", "WOH-LT-0003$", "IntuneManagementExtension"),
                    install("10:03", "woh-lt-0004", "ictadmin", "Wireshark"));
            assertEquals(List.of(), h.incidents());
            assertEquals(List.of(), h.exemptionIds());
        }
    }

    @Test
    void softwareOnTheApprovedListRaisesNothingButOtherSoftwareDoes() {
        var settings = Events.settings(
                "categories:\n  UNAUTHORISED_SOFTWARE_OR_HARDWARE:\n    approved_software: [\"Google Chrome\", Audacity]\n");
        try (Harness h = new Harness(settings)) {
            h.send(
                    install("10:00", "woh-lt-0001", "jsmith", "Google Chrome 131.0.6778"),
                    install("10:05", "woh-lt-0001", "jsmith", "audacity 3.4"));
            assertEquals(List.of(), h.incidents());
            h.send(install("10:10", "woh-lt-0001", "jsmith", "Chromium"));
            assertEquals("jsmith", h.only(C11).getSubject());
        }
    }

    @Test
    void aBluetoothAdapterIsAttributedToTheAccountLoggedOnAtTheTime() {
        try (Harness h = new Harness()) {
            h.send(
                    logon("09:00", "woh-lt-0004", "10.20.1.40", "dbrown", 2, "0x1"),
                    externalDevice("09:30", "woh-lt-0004", "Bluetooth", "TP-Link UB500"));
            Incident i = h.only(C11);
            assertEquals("dbrown", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(2, i.getSeverity());
        }
    }

    @Test
    void aDevicePluggedInAfterTheLogoffIsTheHostsNotTheLastUsers() {
        try (Harness h = new Harness()) {
            h.send(
                    logon("09:00", "woh-pc-0002", "10.20.2.2", "22evanss0", 2, "0x2"),
                    logoff("09:40", "woh-pc-0002", "10.20.2.2", "22evanss0", "0x2"),
                    externalDevice("09:50", "woh-pc-0002", "Bluetooth", "Generic dongle"));
            Incident i = h.only(C11);
            assertEquals("device:WOH-PC-0002", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
        }
    }

    @Test
    void allowedDeviceClassesRaiseNothing() {
        try (Harness h = new Harness()) {
            h.send(
                    logon("09:00", "woh-lt-0004", "10.20.1.40", "dbrown", 2, "0x1"),
                    externalDevice("09:10", "woh-lt-0004", "Keyboard", "Logitech K120"),
                    externalDevice("09:11", "woh-lt-0004", "Mouse", "Logitech M90"),
                    externalDevice("09:12", "woh-lt-0004", "USB", "Generic USB Hub"),
                    // storage is REMOVABLE_MEDIA's, judged when files are written
                    externalDevice("09:13", "woh-lt-0004", "DiskDrive", "Kingston DataTraveler"));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void anExemptedInstallRaisesNothingAndIsMarked() {
        try (Harness h = new Harness()) {
            h.reference(exemption("EX-TEST-011", "GLN", "tevans1", C11, null, "08:00", "17:00"));
            h.send(install("10:00", "gln-lt-0003", "tevans1", "SMART Notebook"));
            assertEquals(List.of(), h.incidents());
            assertEquals(List.of("EX-TEST-011"), h.exemptionIds());
        }
    }

    @Test
    void anExemptionForTheDeviceCoversAnExternalDevicePluggedIntoIt() {
        try (Harness h = new Harness()) {
            h.reference(exemption("EX-TEST-012", "WOH", "device:WOH-LT-0004", C11, null, "00:00", "23:59"));
            h.send(
                    logon("09:00", "woh-lt-0004", "10.20.1.40", "dbrown", 2, "0x1"),
                    externalDevice("09:30", "woh-lt-0004", "Bluetooth", "TP-Link UB500"));
            assertEquals(List.of(), h.incidents());
            assertEquals(List.of("EX-TEST-012"), h.exemptionIds());
        }
    }
}
