package org.trustwatch.ingest.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.EndpointEvent;

class NxlogParserTest {

    /** NXLog im_msvistalog + to_json() on a school domain controller, shipped through Logstash. */
    static final String KERBEROS_FAILURE = WinlogbeatParserTest.line(
            """
            {"EventTime":"2025-01-20 08:05:31","Hostname":"WOH-DC-01.woh.sch.uk","Keywords":-9218868437227405312,
             "EventType":"AUDIT_FAILURE","SeverityValue":4,"Severity":"ERROR","EventID":4771,
             "SourceName":"Microsoft-Windows-Security-Auditing",
             "ProviderGuid":"{54849625-5478-4994-A5BA-3E3B0328C30D}","Version":0,"Task":14339,"OpcodeValue":0,
             "RecordNumber":8812231,"ExecutionProcessID":712,"ExecutionThreadID":4120,"Channel":"Security",
             "Message":"Kerberos pre-authentication failed.\\r\\n\\r\\nAccount Information:\\r\\n\\tSecurity ID:\\t\\tWOH\\\\21smithj",
             "Category":"Kerberos Authentication Service","Opcode":"Info","TargetUserName":"21smithj",
             "TargetSid":"S-1-5-21-1111-2222-3333-4455","ServiceName":"krbtgt/WOH.SCH.UK",
             "TicketOptions":"0x40810010","Status":"0x18","PreAuthType":"2","IpAddress":"::ffff:10.20.31.77",
             "IpPort":"51544","EventReceivedTime":"2025-01-20 08:05:32","SourceModuleName":"eventlog",
             "SourceModuleType":"im_msvistalog","host":"woh-logs-01","@timestamp":"2025-01-20T08:05:32.411Z",
             "tags":["windows"]}
            """);

    @Test
    void kerberosFailureGivesAccountSourceAndOutcome() {
        EndpointEvent e = Collected.parse(new NxlogParser(Collected.context()), KERBEROS_FAILURE)
                .only(EndpointEvent.class);
        assertEquals(Instant.parse("2025-01-20T08:05:31Z"), e.getTimestamp(), "GMT in January");
        assertEquals("nxlog", e.getEventDataset());
        assertEquals("4771", e.getEventCode());
        assertEquals("kerberos-preauth-failed", e.getEventAction());
        assertEquals("authentication", e.getEventCategory());
        assertEquals("failure", e.getEventOutcome());
        assertEquals("21smithj", e.getUserName());
        assertEquals("10.20.31.77", e.getSourceIp(), "the ::ffff: prefix is dropped");
        assertEquals("woh-dc-01.woh.sch.uk", e.getHostName());
        assertEquals("woh-logs-01", e.getObserverHostname());
        assertEquals(List.of(), e.getHostIp());
    }

    @Test
    void eventTimeIsReadInTheConnectorsZoneUnlessItHasAnOffset() {
        EndpointEvent summer = Collected.parse(
                        new NxlogParser(Collected.context()),
                        KERBEROS_FAILURE.replace("2025-01-20 08:05:31", "2025-06-20 08:05:31"))
                .only(EndpointEvent.class);
        assertEquals(Instant.parse("2025-06-20T07:05:31Z"), summer.getTimestamp(), "BST");
        EndpointEvent offset = Collected.parse(
                        new NxlogParser(Collected.context()),
                        KERBEROS_FAILURE.replace("2025-01-20 08:05:31", "2025-06-20T08:05:31.250000-04:00"))
                .only(EndpointEvent.class);
        assertEquals(Instant.parse("2025-06-20T12:05:31.25Z"), offset.getTimestamp());
    }

    @Test
    void reducedExportWithTimeCreatedAndSysmonUtcTime() {
        // Some exports keep a reduced field set; Sysmon's own UtcTime needs no zone and wins.
        String sysmon = WinlogbeatParserTest.line(
                """
                {"TimeCreated":"2025-02-03 09:12:45.118","SourceName":"Microsoft-Windows-Sysmon","EventID":1,
                 "Channel":"Microsoft-Windows-Sysmon/Operational","Task":"1","Hostname":"WOH-LT-0198",
                 "UtcTime":"2025-02-03 09:12:45.101","Image":"C:\\\\Users\\\\21smithj\\\\Downloads\\\\nmap.exe",
                 "CommandLine":"nmap -sS 10.20.31.0/24","User":"WOH\\\\21smithj",
                 "Hashes":"SHA1=0A1B,MD5=2C3D,SHA256=4F7A4DA1C3B5E6F708192A3B4C5D6E7F8091A2B3C4D5E6F708192A3B4C5D6E7F,IMPHASH=99",
                 "ParentImage":"C:\\\\Windows\\\\System32\\\\cmd.exe","ProcessId":"6772"}
                """);
        EndpointEvent e = Collected.parse(new NxlogParser(Collected.context(ZoneId.of("America/New_York"))), sysmon)
                .only(EndpointEvent.class);
        assertEquals(Instant.parse("2025-02-03T09:12:45.101Z"), e.getTimestamp());
        assertEquals("process-started", e.getEventAction());
        assertEquals("nmap.exe", e.getProcessName());
        assertEquals("C:\\Users\\21smithj\\Downloads\\nmap.exe", e.getProcessExecutable());
        assertEquals("4f7a4da1c3b5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f", e.getProcessHashSha256());
        assertEquals("cmd.exe", e.getProcessParentName());
        assertEquals("21smithj", e.getUserName());
        assertEquals("woh", e.getUserDomain());
        assertEquals("woh-lt-0198", e.getHostName());
        assertTrue(e.getEventOriginal().contains("nmap -sS"), "the original line is kept when configured");
    }

    @Test
    void shareAccessFailureUsesTheAuditKeywords() {
        String denied = WinlogbeatParserTest.line(
                """
                {"EventTime":"2025-01-20 10:00:00","Hostname":"WOH-FS-01.woh.sch.uk","Keywords":"0x8010000000000000",
                 "EventID":5145,"SourceName":"Microsoft-Windows-Security-Auditing","Channel":"Security",
                 "SubjectUserName":"21smithj","SubjectDomainName":"WOH","ObjectType":"File",
                 "IpAddress":"10.20.31.77","ShareName":"\\\\\\\\*\\\\Staff$","ShareLocalPath":null,
                 "RelativeTargetName":"SLT\\\\Safeguarding","AccessMask":"0x1","AccessList":"%%4416\\r\\n\\t\\t\\t\\t"}
                """);
        EndpointEvent e =
                Collected.parse(new NxlogParser(Collected.context()), denied).only(EndpointEvent.class);
        assertEquals("share-object-checked", e.getEventAction());
        assertEquals("failure", e.getEventOutcome());
        assertEquals("\\\\*\\Staff$", e.getShareName());
        assertEquals("SLT\\Safeguarding", e.getFilePath());
        assertEquals("ReadData", e.getFileAccess());
        assertEquals("10.20.31.77", e.getSourceIp());
        assertEquals("21smithj", e.getUserName());
    }

    @Test
    void malformedLinesAreRejected() {
        NxlogParser parser = new NxlogParser(Collected.context());
        assertEquals(
                "no EventID: not an NXLog im_msvistalog event",
                Collected.parse(parser, "{\"EventTime\":\"2025-01-20 10:00:00\",\"Hostname\":\"X\"}")
                        .onlyReason());
        assertEquals(
                "no EventTime: not an NXLog im_msvistalog event",
                Collected.parse(parser, "{\"EventID\":4624,\"Hostname\":\"X\"}").onlyReason());
        assertEquals(
                "EventTime '20/01/2025 10:00' is not a date-time",
                Collected.parse(parser, "{\"EventID\":4624,\"EventTime\":\"20/01/2025 10:00\"}")
                        .onlyReason());
        String reason = Collected.parse(parser, "{\"EventID\":4624,\"EventTime\":\"2025-01-20 10:00:00\",}")
                .onlyReason();
        assertTrue(reason.startsWith("invalid JSON at column"), reason);
        assertTrue(Collected.parse(parser, "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">")
                .onlyReason()
                .startsWith("not a JSON object"));
    }
}
