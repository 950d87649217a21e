package org.trustwatch.ingest.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.schema.EndpointEvent;

class EvtxJsonParserTest {

    /** evtx_dump -o jsonl: a failed RDP logon to a school server. */
    static final String JSONL_4625 = WinlogbeatParserTest.line(
            """
            {"Event":{"#attributes":{"xmlns":"http://schemas.microsoft.com/win/2004/08/events/event"},
             "System":{"Provider":{"#attributes":{"Name":"Microsoft-Windows-Security-Auditing",
               "Guid":"{54849625-5478-4994-a5ba-3e3b0328c30d}"}},"EventID":4625,"Version":0,"Level":0,
               "Task":12544,"Opcode":0,"Keywords":"0x8010000000000000",
               "TimeCreated":{"#attributes":{"SystemTime":"2025-02-14T21:03:07.123456Z"}},"EventRecordID":99812,
               "Correlation":null,"Execution":{"#attributes":{"ProcessID":"760","ThreadID":"804"}},
               "Channel":"Security","Computer":"WOH-SRV-MIS.woh.sch.uk","Security":null},
             "EventData":{"SubjectUserSid":"S-1-0-0","SubjectUserName":"-","TargetUserName":"bursar",
               "TargetDomainName":"WOH","Status":"0xc000006d","SubStatus":"0xc000006a","LogonType":"10",
               "WorkstationName":"KALI","IpAddress":"185.220.101.4","IpPort":"0","ProcessName":"-"}}}
            """);

    /** evtx_dump -o json: "Record N" and a pretty-printed object (Sysmon 11 on a USB stick). */
    static final String[] PRETTY_SYSMON_11 = {
        "Record 14961",
        "{",
        "  \"Event\": {",
        "    \"#attributes\": {",
        "      \"xmlns\": \"http://schemas.microsoft.com/win/2004/08/events/event\"",
        "    },",
        "    \"System\": {",
        "      \"Provider\": {",
        "        \"#attributes\": {",
        "          \"Name\": \"Microsoft-Windows-Sysmon\",",
        "          \"Guid\": \"5770385F-C22A-43E0-BF4C-06F5698FFBD9\"",
        "        }",
        "      },",
        "      \"EventID\": 11,",
        "      \"TimeCreated\": {",
        "        \"#attributes\": {",
        "          \"SystemTime\": \"2025-03-10T14:22:05.640670Z\"",
        "        }",
        "      },",
        "      \"Channel\": \"Microsoft-Windows-Sysmon/Operational\",",
        "      \"Computer\": \"WOH-LT-0231.woh.sch.uk\",",
        "      \"Security\": {",
        "        \"#attributes\": {",
        "          \"UserID\": \"S-1-5-18\"",
        "        }",
        "      }",
        "    },",
        "    \"EventData\": {",
        "      \"RuleName\": \"-\",",
        "      \"UtcTime\": \"2025-03-10 14:22:05.634\",",
        "      \"ProcessId\": 7760,",
        "      \"Image\": \"C:\\\\Windows\\\\explorer.exe\",",
        "      \"TargetFilename\": \"E:\\\\Y6 SATs {draft} \\\"final\\\" }{.xlsx\",",
        "      \"User\": \"WOH\\\\jsmith\"",
        "    }",
        "  }",
        "}"
    };

    @Test
    void oneObjectALine() {
        EndpointEvent e = Collected.parse(new EvtxJsonParser(Collected.context()), JSONL_4625)
                .only(EndpointEvent.class);
        assertEquals(Instant.parse("2025-02-14T21:03:07.123456Z"), e.getTimestamp());
        assertEquals("evtx", e.getEventDataset());
        assertEquals("4625", e.getEventCode());
        assertEquals("logon-failed", e.getEventAction());
        assertEquals("failure", e.getEventOutcome());
        assertEquals("bursar", e.getUserName());
        assertEquals(10, e.getWinlogLogonType());
        assertEquals("185.220.101.4", e.getSourceIp());
        assertEquals("kali", e.getSourceHostname());
        assertEquals("woh-srv-mis.woh.sch.uk", e.getHostName());
    }

    @Test
    void prettyPrintedObjectsAreAccumulatedAndLocatedByTheirFirstLine() {
        List<String> lines = new ArrayList<>(List.of(PRETTY_SYSMON_11));
        lines.add("Record 14962");
        lines.addAll(List.of(PRETTY_SYSMON_11).subList(1, PRETTY_SYSMON_11.length));
        Collected c = Collected.parse(new EvtxJsonParser(Collected.context()), lines.toArray(String[]::new));
        assertTrue(c.rejects.isEmpty(), c.rejects::toString);
        assertEquals(2, c.events.size());
        EndpointEvent first = (EndpointEvent) c.events.get(0).record();
        assertEquals(2L, first.getLogLine(), "the object's first line");
        assertEquals(PRETTY_SYSMON_11.length, c.events.get(0).completedBy().lineNumber(), "completed by its last");
        EndpointEvent second = (EndpointEvent) c.events.get(1).record();
        assertEquals(PRETTY_SYSMON_11.length + 2L, second.getLogLine());
        assertEquals(2 * PRETTY_SYSMON_11.length, c.events.get(1).completedBy().lineNumber());
        assertEquals(
                String.join("\n", List.of(PRETTY_SYSMON_11).subList(1, PRETTY_SYSMON_11.length)),
                first.getEventOriginal());

        assertEquals("file-created", first.getEventAction());
        assertEquals("E:\\Y6 SATs {draft} \"final\" }{.xlsx", first.getFilePath(), "braces in strings do not count");
        assertEquals("E", first.getFileDriveLetter());
        assertEquals("WriteData", first.getFileAccess());
        assertEquals("jsmith", first.getUserName());
        assertEquals("explorer.exe", first.getProcessName());
    }

    @Test
    void aStringSplitAcrossLinesStaysOneValue() {
        // A tool wrote a raw line break inside a string, and the next line starts with a brace.
        String[] lines = {
            "{\"Event\":{\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"Microsoft-Windows-Security-Auditing\"}},",
            "\"EventID\":4663,\"TimeCreated\":{\"#attributes\":{\"SystemTime\":\"2025-03-10T14:30:00Z\"}},",
            "\"Computer\":\"WOH-LT-0231\",\"Keywords\":\"0x8020000000000000\"},\"EventData\":{\"ObjectType\":\"File\",",
            "\"ObjectName\":\"E:\\\\Pupil data {SEN",
            "} export.csv\",\"AccessMask\":\"0x6\",\"SubjectUserName\":\"jsmith\",",
            "\"ProcessName\":\"C:\\\\Program Files\\\\Microsoft Office\\\\root\\\\Office16\\\\EXCEL.EXE\"}}}"
        };
        Collected c = Collected.parse(new EvtxJsonParser(Collected.context()), lines);
        EndpointEvent e = c.only(EndpointEvent.class);
        assertEquals("E:\\Pupil data {SEN } export.csv", e.getFilePath(), "the raw line break became a space");
        assertEquals("E", e.getFileDriveLetter());
        assertEquals("WriteData", e.getFileAccess());
        assertEquals("object-accessed", e.getEventAction());
        assertEquals("success", e.getEventOutcome());
        assertEquals("excel.exe", e.getProcessName());
        assertEquals(6, c.events.get(0).completedBy().lineNumber());
    }

    @Test
    void objectStillOpenAtEndOfInputIsRejectedByFlush() {
        EvtxJsonParser parser = new EvtxJsonParser(Collected.context());
        Collected sink = new Collected();
        long position = 0;
        for (int i = 0; i < 20; i++) {
            parser.parse(new RawLine(PRETTY_SYSMON_11[i], "x.json", i + 1, position), sink);
            if (i == 1) {
                assertEquals(OptionalLong.of(position), parser.earliestPendingPosition(), "the object's first line");
            }
            position += PRETTY_SYSMON_11[i].length() + 1;
        }
        assertEquals(OptionalLong.of("Record 14961\n".length()), parser.earliestPendingPosition());
        assertTrue(sink.events.isEmpty());
        assertTrue(sink.rejects.isEmpty());
        parser.flush(sink);
        assertEquals(1, sink.rejects.size());
        assertEquals(2, sink.rejects.get(0).line().lineNumber());
        assertEquals(
                "JSON object starting at line 2 is not closed at the end of the input (truncated?)",
                sink.rejects.get(0).reason());
        assertEquals(OptionalLong.empty(), parser.earliestPendingPosition());
    }

    @Test
    void nothingIsPendingBetweenObjects() {
        EvtxJsonParser parser = new EvtxJsonParser(Collected.context());
        Collected sink = new Collected();
        parser.parse(new RawLine(JSONL_4625, "x.jsonl", 1, 0), sink);
        assertEquals(OptionalLong.empty(), parser.earliestPendingPosition());
        assertEquals(1, sink.events.size());
    }

    @Test
    void aCutShortLineDoesNotSwallowTheNextEvent() {
        String cut = JSONL_4625.substring(0, 300);
        Collected c = Collected.parse(new EvtxJsonParser(Collected.context()), cut, JSONL_4625, JSONL_4625);
        assertEquals(2, c.events.size());
        assertEquals(1, c.rejects.size());
        assertEquals(
                "JSON object starting at line 1 is not closed before the next object starts at line 2 (truncated?)",
                c.rejects.get(0).reason());
        assertEquals(2L, ((EndpointEvent) c.events.get(0).record()).getLogLine());
    }

    @Test
    void objectLongerThanOneMebibyteIsRejectedAndReadingResumes() {
        List<String> lines = new ArrayList<>();
        lines.add("{");
        lines.add("  \"Event\": {");
        lines.add("    \"EventData\": {");
        String filler = "      \"Padding\": \"" + "A".repeat(64 * 1024) + "\",";
        for (int i = 0; i < 20; i++) {
            lines.add(filler);
        }
        lines.add("      \"Last\": 1");
        lines.add("    }");
        lines.add("  }");
        lines.add("}");
        lines.add(JSONL_4625);
        Collected c = Collected.parse(new EvtxJsonParser(Collected.context()), lines.toArray(String[]::new));
        assertEquals(1, c.rejects.size());
        assertEquals(1, c.rejects.get(0).line().lineNumber());
        assertEquals(
                "JSON object starting at line 1 is longer than 1 MiB: rejected, reading resumes at the next line"
                        + " starting with '{'",
                c.rejects.get(0).reason());
        EndpointEvent e = c.only(EndpointEvent.class);
        assertEquals("4625", e.getEventCode());
        assertEquals((long) lines.size(), e.getLogLine());
    }

    @Test
    void aJsonArrayOfEventsIsRead() {
        Collected c =
                Collected.parse(new EvtxJsonParser(Collected.context()), "[", JSONL_4625 + ",", "  " + JSONL_4625, "]");
        assertEquals(2, c.events.size());
        assertTrue(c.rejects.isEmpty());
    }

    @Test
    void twoObjectsOnOneLineAreTwoEvents() {
        Collected c = Collected.parse(new EvtxJsonParser(Collected.context()), JSONL_4625 + JSONL_4625);
        assertEquals(2, c.events.size());
    }

    @Test
    void otherShapesOfTheSameXml() {
        // --separate-json-attributes, EventID with Qualifiers, unnamed Data strings (MsiInstaller)
        String separate = WinlogbeatParserTest.line(
                """
                {"Event":{"System":{"Provider_attributes":{"Name":"MsiInstaller"},"Provider":"",
                  "EventID_attributes":{"Qualifiers":0},"EventID":11708,
                  "TimeCreated_attributes":{"SystemTime":"2025-03-12T10:00:00.000000Z"},"TimeCreated":"",
                  "Channel":"Application","Computer":"WOH-LT-0231.woh.sch.uk",
                  "Security_attributes":{"UserID":"S-1-5-21-1111-2222-3333-1104"}},
                 "EventData":{"Data":["Product: Epic Games Launcher -- Installation failed.","(NULL)","(NULL)"],
                  "Binary":"7B30"}}}
                """);
        // xmltodict (python-evtx) style: @-attributes and a list of named Data items
        String xmltodict = WinlogbeatParserTest.line(
                """
                {"Event":{"@xmlns":"http://schemas.microsoft.com/win/2004/08/events/event",
                 "System":{"Provider":{"@Name":"Microsoft-Windows-Security-Auditing"},
                  "EventID":{"@Qualifiers":"","#text":"4740"},"TimeCreated":{"@SystemTime":"2025-03-12 10:05:00.5"},
                  "Computer":"WOH-DC-01.woh.sch.uk","Channel":"Security"},
                 "EventData":{"Data":[{"@Name":"TargetUserName","#text":"jsmith"},
                  {"@Name":"TargetDomainName","#text":"WOH-LT-0198"},{"@Name":"SubjectUserName","#text":"WOH-DC-01$"}]}}}
                """);
        List<EndpointEvent> events = Collected.parse(new EvtxJsonParser(Collected.context()), separate, xmltodict)
                .all(EndpointEvent.class);
        assertEquals(2, events.size());
        EndpointEvent msi = events.get(0);
        assertEquals("11708", msi.getEventCode());
        assertEquals("MsiInstaller", msi.getEventProvider());
        assertEquals("package-install-failed", msi.getEventAction());
        assertEquals("failure", msi.getEventOutcome());
        assertEquals("Epic Games Launcher", msi.getPackageName());
        assertEquals("S-1-5-21-1111-2222-3333-1104", msi.getUserName(), "evtx_dump does not resolve SIDs");
        assertEquals(Instant.parse("2025-03-12T10:00:00Z"), msi.getTimestamp());
        EndpointEvent lockout = events.get(1);
        assertEquals("user-account-locked", lockout.getEventAction());
        assertEquals("jsmith", lockout.getUserName());
        assertEquals("woh-lt-0198", lockout.getSourceHostname());
        assertEquals(Instant.parse("2025-03-12T10:05:00.5Z"), lockout.getTimestamp(), "SystemTime is UTC");
    }

    @Test
    void recordHeadersBlankLinesAndCommentsAreSkipped() {
        Collected c = Collected.parse(new EvtxJsonParser(Collected.context()), "Record 1", "", "# Security.evtx");
        assertTrue(c.events.isEmpty());
        assertTrue(c.rejects.isEmpty());
    }

    @Test
    void objectsThatAreNotWindowsEventsAreRejected() {
        EvtxJsonParser parser = new EvtxJsonParser(Collected.context());
        assertEquals(
                "no \"Event\" object: not an evtx_dump Windows event",
                Collected.parse(parser, "{\"event\":{\"code\":4625}}").onlyReason());
        assertEquals(
                "no Event.System.EventID: not a Windows event",
                Collected.parse(parser, JSONL_4625.replace("\"EventID\":4625,", ""))
                        .onlyReason());
        assertEquals(
                "no Event.System.TimeCreated SystemTime: the event has no time",
                Collected.parse(parser, JSONL_4625.replace("\"SystemTime\":\"2025-02-14T21:03:07.123456Z\"", "\"X\":1"))
                        .onlyReason());
        assertEquals(
                "SystemTime 'last Tuesday' is not an ISO 8601 date-time",
                Collected.parse(parser, JSONL_4625.replace("2025-02-14T21:03:07.123456Z", "last Tuesday"))
                        .onlyReason());
        String outside = Collected.parse(parser, "Event 4625 at 21:03").onlyReason();
        assertEquals("text outside a JSON object: 'Event 4625 at 21:03' (expected evtx_dump JSON objects)", outside);
        String bad = Collected.parse(parser, "{", "  \"Event\": {", "    \"System\": nope", "  }", "}")
                .onlyReason();
        assertTrue(bad.startsWith("invalid JSON at line 3 column"), bad);
    }

    @Test
    void eventIdMustBeANumber() {
        assertFalse(Collected.parse(new EvtxJsonParser(Collected.context()), JSONL_4625.replace("4625,", "\"46x25\","))
                .rejects
                .isEmpty());
    }
}
