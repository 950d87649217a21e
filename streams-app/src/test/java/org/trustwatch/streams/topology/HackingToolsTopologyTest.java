package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustwatch.streams.topology.Events.exemption;
import static org.trustwatch.streams.topology.Events.process;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.Role;

/** C10 HACKING_TOOLS through the whole topology: any tool run by an account whose role is not ict. */
class HackingToolsTopologyTest {

    private static final String TOOL_SHA256 = "9F3B1C0E5A7D2B4C6E8F0A1B3C5D7E9F1A2B3C4D5E6F708192A3B4C5D6E7F809";

    @Test
    void mimikatzRunByAPupilIsAnUrgentIncidentOfThePupil() {
        try (Harness h = new Harness()) {
            h.send(process(
                    "10:15", "woh-pc-0003", "TRUST\\22evanss0", "C:\\Users\\22evanss0\\Downloads\\mimikatz.exe"));
            Incident i = h.only(IncidentCategory.HACKING_TOOLS);
            assertEquals("22evanss0", i.getSubject());
            assertEquals(Role.pupil, i.getSubjectRole());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(4, i.getSeverity());
            assertEquals(1, i.getEventCount());
            assertFalse(i.getBreach());
            assertEquals(
                    List.of(AlertRecipientRole.headteacher, AlertRecipientRole.dsl, AlertRecipientRole.ict),
                    i.getNotify(),
                    "ICT and HT, and the DSL for a pupil");
            assertTrue(i.getEvidence().get(0).getSummary().contains("mimikatz.exe"));
        }
    }

    @Test
    void aToolRunByStaffIsAnIncidentOfTheStaffMember() {
        try (Harness h = new Harness()) {
            h.send(process("14:00", "gln-lt-0002", "lwilson1", "C:\\Tools\\Wireshark\\Wireshark.exe"));
            Incident i = h.only(IncidentCategory.HACKING_TOOLS);
            assertEquals("lwilson1", i.getSubject());
            assertEquals("GLN", i.getSchoolId());
            assertEquals(List.of(AlertRecipientRole.headteacher, AlertRecipientRole.ict), i.getNotify());
        }
    }

    @Test
    void lsassAccessByAPupilIsAnIncident() {
        try (Harness h = new Harness()) {
            h.send(EventsB.processAccess(
                    "10:20",
                    "htf-pc-0002",
                    "21taylorr2",
                    "C:\\Users\\21taylorr2\\a.exe",
                    "C:\\Windows\\System32\\lsass.exe"));
            Incident i = h.only(IncidentCategory.HACKING_TOOLS);
            assertEquals("21taylorr2", i.getSubject());
            assertEquals("HTF", i.getSchoolId());
            assertEquals(4, i.getSeverity());
        }
    }

    @Test
    void repeatedRunsOfToolsOnOneDayAreOneIncident() {
        try (Harness h = new Harness()) {
            h.send(
                    process("10:15", "woh-pc-0003", "22evanss0", "C:\\t\\mimikatz.exe"),
                    process("10:16", "woh-pc-0003", "22evanss0", "C:\\t\\hashcat64.exe"),
                    process("11:00", "woh-pc-0003", "22evanss0", "C:\\t\\nmap.exe"));
            Incident i = h.only(IncidentCategory.HACKING_TOOLS);
            assertEquals(3, i.getEventCount());
            assertEquals(Events.at("10:15"), i.getFirstSeen());
            assertEquals(Events.at("11:00"), i.getLastSeen());
        }
    }

    @Test
    void nmapRunByAnIctAccountRaisesNothing() {
        try (Harness h = new Harness()) {
            h.send(process("09:30", "gln-lt-0219", "ictsupport", "C:\\Program Files (x86)\\Nmap\\nmap.exe"));
            assertEquals(List.of(), h.incidents());
            assertEquals(List.of(), h.exemptionIds(), "not exempted: ict may run tools at all");
        }
    }

    @Test
    void aToolMatchedByItsSha256FromTheSettingsIsAnIncident() {
        var settings = Events.settings("categories:\n  HACKING_TOOLS:\n    tool_hashes: [\"" + TOOL_SHA256 + "\"]\n");
        try (Harness h = new Harness(settings)) {
            // a renamed tool: the name says nothing, the hash (written in lower case by Sysmon) does
            h.send(EventsB.process(
                    "12:00",
                    "woh-pc-0005",
                    "23hughese0",
                    "C:\\Users\\23hughese0\\notes.exe",
                    TOOL_SHA256.toLowerCase()));
            Incident i = h.only(IncidentCategory.HACKING_TOOLS);
            assertEquals("23hughese0", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(4, i.getSeverity());
        }
    }

    @Test
    void theSameRenamedProgramWithAnotherHashIsANearMiss() {
        var settings = Events.settings("categories:\n  HACKING_TOOLS:\n    tool_hashes: [\"" + TOOL_SHA256 + "\"]\n");
        try (Harness h = new Harness(settings)) {
            h.send(EventsB.process(
                    "12:00",
                    "woh-pc-0005",
                    "23hughese0",
                    "C:\\Users\\23hughese0\\notes.exe",
                    "0000000000000000000000000000000000000000000000000000000000000001"));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void johnMatchesJohnTheRipperButNotJohnsonExe() {
        try (Harness h = new Harness()) {
            h.send(process("13:00", "woh-pc-0001", "22evanss0", "C:\\Users\\22evanss0\\Documents\\johnson.exe"));
            h.send(process("13:05", "woh-pc-0001", "21smithj0", "C:\\Users\\21smithj0\\Documents\\johnny_cash.exe"));
            assertEquals(List.of(), h.incidents(), "a tool's name is not matched inside another word");
            h.send(process("13:10", "woh-pc-0001", "22evanss0", "C:\\Users\\22evanss0\\run\\john.exe"));
            assertEquals("22evanss0", h.only(IncidentCategory.HACKING_TOOLS).getSubject());
        }
    }

    @Test
    void anExemptedStaffMemberRaisesNothingAndTheEventIsMarked() {
        try (Harness h = new Harness()) {
            h.reference(
                    exemption("EX-TEST-010", "WOH", "dbrown", IncidentCategory.HACKING_TOOLS, null, "09:00", "12:00"));
            h.send(process("10:00", "woh-lt-0004", "dbrown", "C:\\Program Files\\Wireshark\\Wireshark.exe"));
            assertEquals(List.of(), h.incidents());
            assertEquals(List.of("EX-TEST-010"), h.exemptionIds());
            // outside the exemption's hours the same run is an incident
            h.send(process("12:30", "woh-lt-0004", "dbrown", "C:\\Program Files\\Wireshark\\Wireshark.exe"));
            assertEquals("dbrown", h.only(IncidentCategory.HACKING_TOOLS).getSubject());
            assertEquals(List.of("EX-TEST-010"), h.exemptionIds());
        }
    }

    @Test
    void theDemoTrustsNmapAuditExemptionCoversIctadminWhenIctMayNotRunTools() {
        // EX-2026-015 (WOH, ictadmin, HACKING_TOOLS): only matters once ict is no longer allowed by the settings
        var settings = Events.settings("categories:\n  HACKING_TOOLS:\n    allowed_roles: [governor]\n");
        try (Harness h = new Harness(settings)) {
            h.send(process("10:00", "woh-lt-0220", "ictadmin", "C:\\Program Files (x86)\\Nmap\\nmap.exe"));
            assertEquals(List.of(), h.incidents());
            assertEquals(List.of("EX-2026-015"), h.exemptionIds());
            h.send(process("10:05", "gln-lt-0219", "ictsupport", "C:\\Program Files (x86)\\Nmap\\nmap.exe"));
            Incident i = h.only(IncidentCategory.HACKING_TOOLS);
            assertEquals("ictsupport", i.getSubject());
            assertEquals("GLN", i.getSchoolId());
        }
    }
}
