package org.trustwatch.ingest.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.schema.EndpointEvent;

/** The one Windows mapping, fed directly (as the three readers do) and from Wazuh's eventchannel shape. */
class WindowsEventMapperTest {

    private static final String SECURITY = "Microsoft-Windows-Security-Auditing";

    private static EndpointEvent map(String provider, String channel, String id, Map<String, String> data) {
        return map(provider, channel, id, data, null);
    }

    private static EndpointEvent map(
            String provider, String channel, String id, Map<String, String> data, String keywords) {
        WindowsEvent w = new WindowsEvent();
        w.time = Instant.parse("2025-03-10T10:00:00Z");
        w.provider = provider;
        w.channel = channel;
        w.eventId = id;
        w.computer = "WOH-LT-0231.woh.sch.uk";
        w.keywords(keywords);
        data.forEach(w::putData);
        return new WindowsEventMapper().map(w, "evtx", new RawLine("{}", "t", 1, 0), "{}", Collected.context());
    }

    @Test
    void usbStickRecognised() {
        EndpointEvent e = map(
                SECURITY,
                "Security",
                "6416",
                Map.of(
                        "SubjectUserName", "WOH-LT-0231$",
                        "DeviceId", "USBSTOR\\Disk&Ven_SanDisk&Prod_Ultra&Rev_1.00\\4C530001230815117423&0",
                        "DeviceDescription", "Disk drive",
                        "ClassName", "DiskDrive",
                        "FriendlyName", "SanDisk Ultra USB Device"));
        assertEquals("external-device-recognized", e.getEventAction());
        assertEquals("DiskDrive", e.getExternalDeviceClass());
        assertEquals("USBSTOR\\Disk&Ven_SanDisk&Prod_Ultra&Rev_1.00\\4C530001230815117423&0", e.getExternalDeviceId());
        assertEquals("SanDisk Ultra USB Device", e.getExternalDeviceName());
    }

    @Test
    void fileWrittenToRemovableDrive() {
        EndpointEvent e = map(
                SECURITY,
                "Security",
                "4663",
                Map.of(
                        "SubjectUserName", "jsmith",
                        "SubjectDomainName", "WOH",
                        "ObjectType", "File",
                        "ObjectName", "E:\\SIMS exports\\Y7 medical.xlsx",
                        "AccessList", "%%4417\n\t\t\t\t",
                        "AccessMask", "0x2",
                        "ProcessName", "C:\\Windows\\explorer.exe"),
                "0x8020000000000000");
        assertEquals("object-accessed", e.getEventAction());
        assertEquals("file", e.getEventCategory());
        assertEquals("success", e.getEventOutcome());
        assertEquals("E:\\SIMS exports\\Y7 medical.xlsx", e.getFilePath());
        assertEquals("E", e.getFileDriveLetter());
        assertEquals("WriteData", e.getFileAccess());
        assertEquals("jsmith", e.getUserName());
        assertEquals("explorer.exe", e.getProcessName());
    }

    @Test
    void fileAccessIsReadFromTheListOrTheMask() {
        assertEquals("WriteData", WindowsEventMapper.fileAccess(null, "0x6"));
        assertEquals("AppendData", WindowsEventMapper.fileAccess("%%4418", null));
        assertEquals("DELETE", WindowsEventMapper.fileAccess("%%1537", "0x10000"));
        assertEquals("ReadData", WindowsEventMapper.fileAccess("%%4416\n\t", "0x1"));
        assertNull(WindowsEventMapper.fileAccess("%%4423", "0x80"));
    }

    @Test
    void objectHandleRefusedIsAFailure() {
        EndpointEvent e = map(
                SECURITY,
                "Security",
                "4656",
                Map.of("SubjectUserName", "21smithj", "ObjectType", "File", "ObjectName", "\\\\woh-fs-01\\SLT$"),
                "0x8010000000000000");
        assertEquals("object-handle-requested", e.getEventAction());
        assertEquals("failure", e.getEventOutcome());
        assertNull(e.getFileDriveLetter());
    }

    @Test
    void defenderDetection() {
        EndpointEvent e = map(
                "Microsoft-Windows-Windows Defender",
                "Microsoft-Windows-Windows Defender/Operational",
                "1116",
                Map.of(
                        "Threat Name", "Trojan:Win32/AgentTesla!ml",
                        "Detection User", "WOH\\jsmith",
                        "Path", "file:_C:\\Users\\jsmith\\Downloads\\invoice.pdf.exe; process:_pid:4412,ProcessStart:1",
                        "Process Name", "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
                        "Action Name", "Not Applicable"));
        assertEquals("malware-detected", e.getEventAction());
        assertEquals("malware", e.getEventCategory());
        assertEquals("Trojan:Win32/AgentTesla!ml", e.getThreatName());
        assertEquals("jsmith", e.getUserName());
        assertEquals("woh", e.getUserDomain());
        assertEquals("C:\\Users\\jsmith\\Downloads\\invoice.pdf.exe", e.getFilePath());
        assertEquals("chrome.exe", e.getProcessName());
        assertNull(e.getMessage());
        assertEquals(
                "malware-action-taken",
                map("Microsoft-Windows-Windows Defender", null, "1117", Map.of("Action Name", "Quarantine"))
                        .getEventAction());
    }

    @Test
    void msiInstallerFromDataStringsAndFromTheMessage() {
        WindowsEvent w = new WindowsEvent();
        w.time = Instant.parse("2025-03-10T10:00:00Z");
        w.provider = "MsiInstaller";
        w.eventId = "1033";
        w.dataStrings.addAll(List.of("Discord", "1.0.9", "1033", "1603", "Discord Inc."));
        w.userSid = "S-1-5-21-1111-2222-3333-1104";
        w.userName = "jsmith";
        EndpointEvent failed =
                new WindowsEventMapper().map(w, "nxlog", new RawLine("{}", "t", 1, 0), "{}", Collected.context());
        assertEquals("package-install-failed", failed.getEventAction());
        assertEquals("failure", failed.getEventOutcome());
        assertEquals("Discord", failed.getPackageName());
        assertEquals("1.0.9", failed.getPackageVersion());
        assertEquals("jsmith", failed.getUserName());

        w.clear();
        w.time = Instant.parse("2025-03-10T10:00:00Z");
        w.provider = "MsiInstaller";
        w.eventId = "1033";
        w.message = "Windows Installer installed the product. Product Name: Microsoft Visual C++ 2015-2022"
                + " Redistributable (x64) - 14.38.33130. Product Version: 14.38.33130. Product Language: 1033."
                + " Manufacturer: Microsoft Corporation. Installation success or error status: 0.";
        EndpointEvent ok =
                new WindowsEventMapper().map(w, "nxlog", new RawLine("{}", "t", 1, 0), "{}", Collected.context());
        assertEquals("package-installed", ok.getEventAction());
        assertEquals("success", ok.getEventOutcome());
        assertEquals("Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.38.33130", ok.getPackageName());
        assertEquals("14.38.33130", ok.getPackageVersion());
    }

    @Test
    void lockUnlockAndGroupMembership() {
        EndpointEvent lock = map(
                SECURITY,
                "Security",
                "4800",
                Map.of("TargetUserName", "jsmith", "TargetLogonId", "0x00000000001A2B3C"));
        assertEquals("workstation-locked", lock.getEventAction());
        assertEquals("0x1a2b3c", lock.getWinlogLogonId());
        assertEquals(
                "workstation-unlocked",
                map(SECURITY, "Security", "4801", Map.of("TargetUserName", "jsmith"))
                        .getEventAction());
        EndpointEvent group = map(
                SECURITY,
                "Security",
                "4732",
                Map.of(
                        "SubjectUserName", "itadmin",
                        "MemberName", "CN=Jo Smith,OU=Staff,DC=woh,DC=sch,DC=uk",
                        "TargetUserName", "Administrators",
                        "TargetDomainName", "Builtin"));
        assertEquals("group-member-added", group.getEventAction());
        assertEquals("itadmin", group.getUserName());
        assertEquals(
                "member CN=Jo Smith,OU=Staff,DC=woh,DC=sch,DC=uk added to group Builtin\\Administrators",
                group.getMessage());
    }

    @Test
    void ntlmValidationAndKerberosTicketOutcomesComeFromTheStatus() {
        EndpointEvent ok = map(SECURITY, "Security", "4776", Map.of("TargetUserName", "jsmith", "Status", "0x0"));
        assertEquals("success", ok.getEventOutcome());
        EndpointEvent bad =
                map(SECURITY, "Security", "4776", Map.of("TargetUserName", "jsmith", "Status", "0xc000006a"));
        assertEquals("failure", bad.getEventOutcome());
        EndpointEvent tgt = map(
                SECURITY,
                "Security",
                "4768",
                Map.of("TargetUserName", "jsmith", "Status", "0x0", "IpAddress", "::ffff:10.20.31.45"));
        assertEquals("success", tgt.getEventOutcome());
        assertEquals("10.20.31.45", tgt.getSourceIp());
    }

    @Test
    void processStartOfAMachineAccountOnAUsersBehalfNamesTheUser() {
        EndpointEvent e = map(
                SECURITY,
                "Security",
                "4688",
                Map.of(
                        "SubjectUserName", "WOH-LT-0231$",
                        "TargetUserName", "21smithj",
                        "TargetDomainName", "WOH",
                        "NewProcessName", "C:\\Users\\21smithj\\AppData\\Local\\Temp\\Tor Browser\\firefox.exe",
                        "ParentProcessName", "C:\\Windows\\explorer.exe"));
        assertEquals("21smithj", e.getUserName());
        assertEquals("firefox.exe", e.getProcessName());
        assertEquals("explorer.exe", e.getProcessParentName());
    }

    @Test
    void sysmonProcessAccessToLsass() {
        EndpointEvent e = map(
                "Microsoft-Windows-Sysmon",
                "Microsoft-Windows-Sysmon/Operational",
                "10",
                Map.of(
                        "SourceImage", "C:\\Users\\jsmith\\Downloads\\procdump64.exe",
                        "TargetImage", "C:\\Windows\\system32\\lsass.exe",
                        "SourceUser", "WOH\\jsmith"));
        assertEquals("process-accessed", e.getEventAction());
        assertEquals("procdump64.exe", e.getProcessName());
        assertEquals("lsass.exe", e.getTargetProcessName());
        assertEquals("jsmith", e.getUserName());
    }

    @Test
    void sameIdFromAnotherProviderIsNotSysmon() {
        // System log event 10 is not Sysmon process access
        EndpointEvent e = map("Microsoft-Windows-Kernel-General", "System", "10", Map.of("Image", "x.exe"));
        assertEquals("windows-event", e.getEventAction());
        assertNull(e.getProcessName());
    }

    @Test
    void sha256IsTakenFromSysmonHashes() {
        assertEquals(
                "683574ebc203c630af98256516d7cbc50e270e7c5a56e1d46cb9ca671b3d9f32",
                WindowsEventMapper.sha256("SHA1=9D31,MD5=66D3,"
                        + "SHA256=683574EBC203C630AF98256516D7CBC50E270E7C5A56E1D46CB9CA671B3D9F32,IMPHASH=EEC7"));
        assertNull(WindowsEventMapper.sha256("SHA256=683574EB"), "too short");
        assertNull(WindowsEventMapper.sha256("MD5=66D34277F992DB4CA8561FD1A5C483E4"));
    }

    @Test
    void accountNamesAreTrimmedAndSplit() {
        EndpointEvent e = new EndpointEvent();
        assertTrue(WindowsEventMapper.user(e, "  WOH\\jsmith ", "ignored"));
        assertEquals("jsmith", e.getUserName());
        assertEquals("woh", e.getUserDomain());
        assertTrue(WindowsEventMapper.user(e, "jsmith@WOH.SCH.UK", ""));
        assertEquals("jsmith", e.getUserName());
        assertEquals("woh.sch.uk", e.getUserDomain());
        assertTrue(WindowsEventMapper.user(e, "JSmith", "WOH"));
        assertEquals("JSmith", e.getUserName(), "as written: the streams app lower-cases for lookup");
        assertTrue(!WindowsEventMapper.user(e, "-", "-"));
    }

    /** Wazuh's eventchannel JSON, a fourth shape of the same events: the mapping reads it too. */
    @Test
    void wazuhEventchannelTestCases() throws IOException {
        Path tests = Path.of(System.getProperty("trustwatch.realLogs", "missing"), "wazuh-ruleset-tests", "tests");
        Assumptions.assumeTrue(Files.isDirectory(tests), "real logs not available");
        List<EndpointEvent> events = new ArrayList<>();
        int logs = 0;
        for (String name :
                List.of("win_event_channel.ini", "win_security.ini", "windows_baseline_intrusion_detection.ini")) {
            for (String text : Files.readAllLines(tests.resolve(name), StandardCharsets.UTF_8)) {
                int at = text.indexOf(" pass = {");
                if (!text.startsWith("log ") || at < 0) {
                    continue;
                }
                logs++;
                JsonNode win =
                        JsonSupport.TREE_READER.readTree(text.substring(at + 8)).get("win");
                JsonNode system = win.get("system");
                WindowsEvent w = new WindowsEvent();
                w.time = IsoTime.parse(system.path("systemTime").asText(), null);
                w.eventId = system.path("eventID").asText();
                w.provider = system.path("providerName").asText(null);
                w.channel = system.path("channel").asText(null);
                w.computer = system.path("computer").asText(null);
                w.keywords(system.path("keywords").asText(null));
                JsonNode data = win.path("eventdata");
                for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    String key = Character.toUpperCase(f.getKey().charAt(0))
                            + f.getKey().substring(1);
                    w.putData(key, f.getValue().asText());
                }
                events.add(new WindowsEventMapper()
                        .map(w, "wazuh", new RawLine(text, name, 1, 0), text, Collected.context()));
            }
        }
        assertEquals(logs, events.size());
        assertTrue(logs >= 40, "test cases found: " + logs);
        EndpointEvent usb = find(events, "6416");
        assertEquals("WPD", usb.getExternalDeviceClass());
        assertEquals("Apple iPhone", usb.getExternalDeviceName());
        assertTrue(usb.getExternalDeviceId().startsWith("USB"));
        EndpointEvent service = find(events, "7045");
        assertEquals("service-installed", service.getEventAction());
        assertEquals("uxoN", service.getServiceName());
        EndpointEvent rdp = events.stream()
                .filter(e ->
                        "4624".equals(e.getEventCode()) && Integer.valueOf(10).equals(e.getWinlogLogonType()))
                .filter(e -> "atomicred".equalsIgnoreCase(e.getUserName()))
                .findFirst()
                .orElseThrow();
        assertEquals("192.168.0.57", rdp.getSourceIp());
        assertEquals("hrmanager", rdp.getSourceHostname());
        assertEquals("success", rdp.getEventOutcome());
        EndpointEvent logoff = find(events, "4647");
        assertEquals("logged-out", logoff.getEventAction());
        assertEquals("0xa197f3", logoff.getWinlogLogonId());
    }

    private static EndpointEvent find(List<EndpointEvent> events, String code) {
        return events.stream()
                .filter(e -> code.equals(e.getEventCode()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no event " + code));
    }
}
