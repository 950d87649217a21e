package org.trustwatch.ingest.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.EndpointEvent;

class WinlogbeatParserTest {

    /** JSON written over several lines of a text block, joined into one log line. */
    static String line(String block) {
        return block.lines().map(String::strip).collect(Collectors.joining());
    }

    /** A raw Winlogbeat 8.15 event (file output, add_host_metadata on) from a school laptop. */
    static final String FAILED_LOGON = line(
            """
            {"@timestamp":"2025-03-10T08:41:12.345Z",
             "@metadata":{"beat":"winlogbeat","type":"_doc","version":"8.15.0"},
             "host":{"name":"woh-lt-0231","hostname":"woh-lt-0231","architecture":"x86_64",
               "os":{"platform":"windows","family":"windows","name":"Windows 11 Education","build":"22631.3155"},
               "id":"3f2b7c1e-8d4a-4f1b-9c2e-5a6b7c8d9e0f",
               "ip":["fe80::1c2d:3e4f:5a6b:7c8d","10.20.31.45"],"mac":["00-15-5D-01-02-03"]},
             "agent":{"type":"winlogbeat","version":"8.15.0","name":"WOH-LT-0231",
               "id":"b1c2d3e4-0000-4000-8000-000000000001"},
             "winlog":{"channel":"Security","computer_name":"WOH-LT-0231.woh.sch.uk","event_id":"4625",
               "provider_name":"Microsoft-Windows-Security-Auditing",
               "provider_guid":"{54849625-5478-4994-a5ba-3e3b0328c30d}","record_id":88213,"api":"wineventlog",
               "keywords":["Audit Failure"],"opcode":"Info","task":"Logon",
               "process":{"pid":812,"thread":{"id":5432}},
               "event_data":{"SubjectUserSid":"S-1-0-0","SubjectUserName":"-","SubjectDomainName":"-",
                 "SubjectLogonId":"0x0","TargetUserSid":"S-1-0-0","TargetUserName":" 21smithj ",
                 "TargetDomainName":"WOH","Status":"0xc000006d","FailureReason":"%%2313",
                 "SubStatus":"0xc000006a","LogonType":"3","LogonProcessName":"NtLmSsp ",
                 "AuthenticationPackageName":"NTLM","WorkstationName":"WOH-LT-0198",
                 "TransmittedServices":"-","LmPackageName":"-","KeyLength":"0","ProcessId":"0x0",
                 "ProcessName":"-","IpAddress":"10.20.31.77","IpPort":"51544"}},
             "event":{"code":"4625","kind":"event","provider":"Microsoft-Windows-Security-Auditing",
               "action":"Logon","outcome":"failure","created":"2025-03-10T08:41:13.001Z"},
             "log":{"level":"information"},
             "message":"An account failed to log on.\\n\\nSubject:\\n\\tSecurity ID:\\t\\tS-1-0-0",
             "ecs":{"version":"8.0.0"}}
            """);

    @Test
    void failedNetworkLogonGivesAccountSourceLogonTypeAndHostAddresses() {
        Collected c = Collected.parse(new WinlogbeatParser(Collected.context()), FAILED_LOGON);
        EndpointEvent e = c.only(EndpointEvent.class);
        assertEquals(Instant.parse("2025-03-10T08:41:12.345Z"), e.getTimestamp());
        assertEquals(Collected.INGESTED, e.getEventIngested());
        assertEquals("winlogbeat", e.getEventDataset());
        assertEquals("WOH", e.getSchoolId());
        assertEquals("4625", e.getEventCode());
        assertEquals("Microsoft-Windows-Security-Auditing", e.getEventProvider());
        assertEquals("logon-failed", e.getEventAction());
        assertEquals("authentication", e.getEventCategory());
        assertEquals("failure", e.getEventOutcome());
        assertEquals("woh-lt-0231.woh.sch.uk", e.getHostName());
        // the laptop's own addresses, so the proxy's client IP can be tied to it
        assertEquals(List.of("fe80::1c2d:3e4f:5a6b:7c8d", "10.20.31.45"), e.getHostIp());
        assertEquals("21smithj", e.getUserName());
        assertEquals("woh", e.getUserDomain());
        assertEquals(3, e.getWinlogLogonType());
        assertEquals("10.20.31.77", e.getSourceIp());
        assertEquals("woh-lt-0198", e.getSourceHostname());
        assertNull(e.getProcessName());
        assertEquals("woh-lt-0231", e.getObserverHostname());
        assertEquals("test.log", e.getLogFilePath());
        assertEquals(1L, e.getLogLine());
        assertEquals(64, e.getEventHash().length());
        assertEquals(FAILED_LOGON, e.getEventOriginal());
        assertTrue(c.rejects.isEmpty());
    }

    @Test
    void forwardedEventDoesNotTakeTheCollectorsAddresses() {
        // Winlogbeat on the WEC server reading ForwardedEvents: host.* is the server, not the laptop.
        String forwarded = FAILED_LOGON
                .replace("\"name\":\"woh-lt-0231\",\"hostname\":\"woh-lt-0231\"", "\"name\":\"woh-wec-01\"")
                .replace("\"name\":\"WOH-LT-0231\"", "\"name\":\"WOH-WEC-01\"");
        EndpointEvent e = Collected.parse(new WinlogbeatParser(Collected.context()), forwarded)
                .only(EndpointEvent.class);
        assertEquals("woh-lt-0231.woh.sch.uk", e.getHostName());
        assertEquals(List.of(), e.getHostIp());
        assertEquals("woh-wec-01", e.getObserverHostname());
    }

    @Test
    void interactiveLogonAndLogoffPairByLogonId() {
        String logon = line(
                """
                {"@timestamp":"2025-03-10T08:45:00.100Z","host":{"name":"woh-lt-0231","ip":["10.20.31.45"]},
                 "winlog":{"channel":"Security","computer_name":"WOH-LT-0231.woh.sch.uk","event_id":4624,
                   "provider_name":"Microsoft-Windows-Security-Auditing","keywords":["Audit Success"],
                   "event_data":{"SubjectUserName":"WOH-LT-0231$","SubjectDomainName":"WOH",
                     "TargetUserName":"jsmith","TargetDomainName":"WOH","TargetLogonId":"0x1A2B3C",
                     "LogonType":"2","WorkstationName":"WOH-LT-0231","IpAddress":"127.0.0.1",
                     "ProcessName":"C:\\\\Windows\\\\System32\\\\svchost.exe"}},
                 "event":{"code":"4624","outcome":"success"}}
                """);
        String logoff = line(
                """
                {"@timestamp":"2025-03-10T15:30:00Z","host":{"name":"woh-lt-0231"},
                 "winlog":{"channel":"Security","computer_name":"WOH-LT-0231.woh.sch.uk","event_id":"4647",
                   "provider_name":"Microsoft-Windows-Security-Auditing",
                   "event_data":{"TargetUserName":"jsmith","TargetDomainName":"WOH","TargetLogonId":"0x1a2b3c"}}}
                """);
        List<EndpointEvent> events = Collected.parse(new WinlogbeatParser(Collected.context()), logon, logoff)
                .all(EndpointEvent.class);
        assertEquals(2, events.size());
        EndpointEvent in = events.get(0);
        assertEquals("logged-in", in.getEventAction());
        assertEquals("success", in.getEventOutcome());
        assertEquals(2, in.getWinlogLogonType());
        assertEquals("0x1a2b3c", in.getWinlogLogonId());
        assertNull(in.getSourceIp(), "loopback is not a source");
        assertEquals("svchost.exe", in.getProcessName());
        EndpointEvent out = events.get(1);
        assertEquals("logged-out", out.getEventAction());
        assertEquals("session", out.getEventCategory());
        assertEquals(in.getWinlogLogonId(), out.getWinlogLogonId());
        assertEquals("jsmith", out.getUserName());
    }

    @Test
    void elasticsearchExportFillsWhatEventDataLacks() {
        // A document exported from Elasticsearch after the ingest pipeline: ECS fields, no event_data account.
        String doc = line(
                """
                {"@timestamp":"2025-03-11T10:02:03.000Z","host":{"name":"woh-dc-01"},
                 "winlog":{"channel":"Security","computer_name":"WOH-DC-01.woh.sch.uk","event_id":"4771",
                   "provider_name":"Microsoft-Windows-Security-Auditing","event_data":{"Status":"0x18"}},
                 "user":{"name":"WOH\\\\jsmith"},"source":{"ip":"::ffff:10.20.31.80"},
                 "event":{"code":"4771","outcome":"failure"}}
                """);
        EndpointEvent e =
                Collected.parse(new WinlogbeatParser(Collected.context()), doc).only(EndpointEvent.class);
        assertEquals("kerberos-preauth-failed", e.getEventAction());
        assertEquals("jsmith", e.getUserName());
        assertEquals("woh", e.getUserDomain());
        assertEquals("10.20.31.80", e.getSourceIp());
        assertEquals("failure", e.getEventOutcome());
    }

    @Test
    void msiInstallTakesProductFromParamsAndUserFromWinlogUser() {
        String install = line(
                """
                {"@timestamp":"2025-03-12T13:14:15.000Z","host":{"name":"woh-lt-0231"},
                 "winlog":{"channel":"Application","computer_name":"WOH-LT-0231.woh.sch.uk","event_id":"1033",
                   "provider_name":"MsiInstaller",
                   "user":{"identifier":"S-1-5-21-1111-2222-3333-1104","name":"jsmith","domain":"WOH","type":"User"},
                   "event_data":{"param1":"Steam","param2":"2.10.91.91","param3":"1033","param4":"0",
                     "param5":"Valve Corporation","param6":"(NULL)","Binary":"7B46"}},
                 "message":"Windows Installer installed the product. Product Name: Steam."}
                """);
        EndpointEvent e = Collected.parse(new WinlogbeatParser(Collected.context()), install)
                .only(EndpointEvent.class);
        assertEquals("package-installed", e.getEventAction());
        assertEquals("package", e.getEventCategory());
        assertEquals("success", e.getEventOutcome());
        assertEquals("Steam", e.getPackageName());
        assertEquals("2.10.91.91", e.getPackageVersion());
        assertEquals("jsmith", e.getUserName());
        assertEquals("woh", e.getUserDomain());
    }

    @Test
    void msiInstallWithoutDataStringsIsReadFromTheMessage() {
        String install = line(
                """
                {"@timestamp":"2025-03-12T13:14:16.000Z","host":{"name":"woh-lt-0231"},
                 "winlog":{"channel":"Application","computer_name":"WOH-LT-0231","event_id":"11707",
                   "provider_name":"MsiInstaller","user":{"identifier":"S-1-5-18"}},
                 "message":"Product: Roblox Player -- Installation completed successfully."}
                """);
        EndpointEvent e = Collected.parse(new WinlogbeatParser(Collected.context()), install)
                .only(EndpointEvent.class);
        assertEquals("package-installed", e.getEventAction());
        assertEquals("Roblox Player", e.getPackageName());
        // a deployment tool's install: the rules ignore SYSTEM
        assertEquals("SYSTEM", e.getUserName());
        assertEquals("nt authority", e.getUserDomain());
    }

    @Test
    void unknownEventIsKeptWithCodeProviderHostAndAccount() {
        String other = line(
                """
                {"@timestamp":"2025-03-12T09:00:00Z","host":{"name":"woh-lt-0231"},
                 "winlog":{"channel":"Security","computer_name":"WOH-LT-0231","event_id":"4672",
                   "provider_name":"Microsoft-Windows-Security-Auditing","keywords":["Audit Success"],
                   "event_data":{"SubjectUserName":"jsmith","SubjectDomainName":"WOH","PrivilegeList":"SeDebugPrivilege"}}}
                """);
        EndpointEvent e = Collected.parse(new WinlogbeatParser(Collected.context()), other)
                .only(EndpointEvent.class);
        assertEquals("4672", e.getEventCode());
        assertEquals("windows-event", e.getEventAction());
        assertEquals("jsmith", e.getUserName());
        assertEquals("success", e.getEventOutcome());
        assertEquals("woh-lt-0231", e.getHostName());
    }

    @Test
    void timestampWithoutOffsetIsInTheSchoolsZone() {
        String local = FAILED_LOGON.replace("2025-03-10T08:41:12.345Z", "2025-07-10T08:41:12");
        EndpointEvent e = Collected.parse(new WinlogbeatParser(Collected.context()), local)
                .only(EndpointEvent.class);
        assertEquals(Instant.parse("2025-07-10T07:41:12Z"), e.getTimestamp(), "BST is UTC+1");
    }

    @Test
    void blankAndCommentLinesAreSkipped() {
        Collected c = Collected.parse(new WinlogbeatParser(Collected.context()), "", "   ", "# exported 2025-03-10");
        assertTrue(c.events.isEmpty());
        assertTrue(c.rejects.isEmpty());
    }

    @Test
    void linesThatAreNotWinlogbeatEventsAreRejectedWithTheProblemNamed() {
        WinlogbeatParser parser = new WinlogbeatParser(Collected.context());
        assertTrue(Collected.parse(parser, "Mar 10 08:41:12 woh-lt-0231 sshd[1]: hello")
                .onlyReason()
                .startsWith("not a JSON object"));
        assertEquals(
                "no winlog.event_id or event.code: not a Winlogbeat Windows event",
                Collected.parse(parser, "{\"@timestamp\":\"2025-03-10T08:41:12Z\",\"message\":\"hi\"}")
                        .onlyReason());
        assertEquals(
                "no @timestamp: not a Winlogbeat event",
                Collected.parse(parser, "{\"winlog\":{\"event_id\":\"4625\"}}").onlyReason());
        assertEquals(
                "@timestamp 'yesterday' is not an ISO 8601 date-time",
                Collected.parse(parser, FAILED_LOGON.replace("2025-03-10T08:41:12.345Z", "yesterday"))
                        .onlyReason());
        assertEquals(
                "event id 'DROP TABLE' is not a number",
                Collected.parse(parser, FAILED_LOGON.replace("\"event_id\":\"4625\"", "\"event_id\":\"DROP TABLE\""))
                        .onlyReason());
        assertEquals(
                "more than one JSON value on the line: expected one Winlogbeat event a line",
                Collected.parse(parser, FAILED_LOGON + " {}").onlyReason());
    }

    @Test
    void truncatedLineIsRejectedAsTruncated() {
        String cut = FAILED_LOGON.substring(0, FAILED_LOGON.length() / 2);
        String reason =
                Collected.parse(new WinlogbeatParser(Collected.context()), cut).onlyReason();
        assertTrue(reason.startsWith("JSON ends before the object is closed"), reason);
    }
}
