package org.trustwatch.connect.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.trustwatch.ingest.LogFormat;
import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.ingest.category.WebCategories;
import org.trustwatch.schema.MailEvent;
import org.trustwatch.schema.ProxyEvent;

class SyslogFramesTest {

    private static final String SQUID =
            "1795421282.884    783 10.20.2.19 TCP_MISS/200 74837 GET https://www.youtube.com/watch 25wrightd0"
                    + " HIER_DIRECT/157.226.14.76 text/html";

    @Test
    void dropsThePriorityOfABsdMessageAndKeepsItsHeaderForMail() {
        assertEquals(
                "Nov 23 07:55:39 mail01 postfix/qmgr[1122]: 4F2D1E3085A: removed",
                SyslogFrames.toLogLine("<22>Nov 23 07:55:39 mail01 postfix/qmgr[1122]: 4F2D1E3085A: removed", true));
        assertEquals(
                "Nov 23 07:55:39 mail01 postfix/qmgr[1122]: 4F2D1E3085A: removed",
                SyslogFrames.toLogLine("Nov 23 07:55:39 mail01 postfix/qmgr[1122]: 4F2D1E3085A: removed", true),
                "a message without priority is kept as it is");
    }

    @Test
    void rewritesAnRfc5424HeaderInTheFileStyle() {
        assertEquals(
                "2026-11-23T07:55:39.120Z mail01 postfix/qmgr[1122]: 4F2D1E3085A: removed",
                SyslogFrames.toLogLine(
                        "<22>1 2026-11-23T07:55:39.120Z mail01 postfix/qmgr 1122 - - 4F2D1E3085A: removed", true));
    }

    @Test
    void dropsRfc5424StructuredData() {
        assertEquals(
                "2026-11-23T07:55:39Z mail01 postfix/qmgr[1122]: 4F2D1E3085A: removed",
                SyslogFrames.toLogLine(
                        "<22>1 2026-11-23T07:55:39Z mail01 postfix/qmgr 1122 ID47"
                                + " [exampleSDID@32473 iut=\"3\" eventSource=\"Application\"][origin ip=\"10.0.0.1\"]"
                                + " 4F2D1E3085A: removed",
                        true));
    }

    @Test
    void leavesOutANilProcessId() {
        assertEquals(
                "2026-11-23T07:55:39Z proxy01 squid: " + SQUID,
                SyslogFrames.toLogLine("<134>1 2026-11-23T07:55:39Z proxy01 squid - - - " + SQUID, true));
    }

    @Test
    void anRfc5424MessageWithoutTextGivesAnEmptyMessage() {
        assertEquals(
                "2026-11-23T07:55:39Z proxy01 squid[7]: ",
                SyslogFrames.toLogLine("<134>1 2026-11-23T07:55:39Z proxy01 squid 7 - -", true));
    }

    @Test
    void dropsTheByteOrderMarkAnRfc5424MessageMayStartWith() {
        assertEquals(
                "2026-11-23T07:55:39Z proxy01 squid[7]: " + SQUID,
                SyslogFrames.toLogLine("<134>1 2026-11-23T07:55:39Z proxy01 squid 7 - - \uFEFF" + SQUID, true));
        assertEquals(
                parse(LogFormat.SQUID, SQUID),
                parse(
                        LogFormat.SQUID,
                        SyslogFrames.toLogLine(
                                "<134>1 2026-11-23T07:55:39Z proxy01 squid 7 - - \uFEFF" + SQUID, false)));
    }

    @Test
    void keepsOnlyTheMessageForFormatsWhoseFilesHaveNoSyslogHeader() {
        assertEquals(SQUID, SyslogFrames.toLogLine("<134>Nov 23 07:55:39 proxy01 squid[7]: " + SQUID, false));
        assertEquals(SQUID, SyslogFrames.toLogLine("<134>1 2026-11-23T07:55:39Z proxy01 squid 7 - - " + SQUID, false));
        assertEquals(SQUID, SyslogFrames.toLogLine("<134>1 2026-11-23T07:55:39Z proxy01 squid - - - " + SQUID, false));
        assertEquals(SQUID, SyslogFrames.toLogLine(SQUID, false), "a bare line is kept as it is");
    }

    @Test
    void aSquidLineReceivedOverSyslogParsesLikeOneFromTheFile() {
        List<Object> fromFile = parse(LogFormat.SQUID, SQUID);
        List<Object> bsd = parse(
                LogFormat.SQUID, SyslogFrames.toLogLine("<134>Nov 23 07:55:39 proxy01 squid[7]: " + SQUID, false));
        List<Object> ietf = parse(
                LogFormat.SQUID,
                SyslogFrames.toLogLine("<134>1 2026-11-23T07:55:39Z proxy01 squid 7 - [a@1 b=\"c\"] " + SQUID, false));

        assertInstanceOf(ProxyEvent.class, fromFile.get(0));
        assertEquals(fromFile, bsd);
        assertEquals(fromFile, ietf);
    }

    @Test
    void postfixMessagesReceivedAsRfc5424BecomeAMailEvent() {
        List<Object> results = parse(
                LogFormat.POSTFIX,
                SyslogFrames.toLogLine(
                        "<22>1 2026-11-23T07:55:36Z mail01 postfix/smtpd 5350 - - 4F2D1E3085A: client=unknown[10.30.1.13],"
                                + " sasl_method=LOGIN, sasl_username=athomas1",
                        true),
                SyslogFrames.toLogLine(
                        "<22>1 2026-11-23T07:55:36Z mail01 postfix/cleanup 5351 - - 4F2D1E3085A:"
                                + " message-id=<2700b4b43ccd4a46@glenmere.sch.uk>",
                        true),
                SyslogFrames.toLogLine(
                        "<22>1 2026-11-23T07:55:37Z mail01 postfix/qmgr 1122 - - 4F2D1E3085A:"
                                + " from=<athomas1@glenmere.sch.uk>, size=24000, nrcpt=1 (queue active)",
                        true),
                SyslogFrames.toLogLine(
                        "<22>1 2026-11-23T07:55:38Z mail01 postfix/lmtp 5352 - - 4F2D1E3085A:"
                                + " to=<iwright1@glenmere.sch.uk>, relay=mail01[private/dovecot-lmtp], delay=0.4,"
                                + " delays=0.1/0/0.1/0.2, dsn=2.0.0, status=sent (250 2.0.0 Saved)",
                        true),
                SyslogFrames.toLogLine(
                        "<22>1 2026-11-23T07:55:39Z mail01 postfix/qmgr 1122 - - 4F2D1E3085A: removed", true));

        assertEquals(1, results.size(), results.toString());
        MailEvent mail = assertInstanceOf(MailEvent.class, results.get(0));
        assertEquals("2700b4b43ccd4a46@glenmere.sch.uk", mail.getEmailMessageId());
        assertEquals("athomas1@glenmere.sch.uk", mail.getEmailSenderAddress());
    }

    /** Events, and "rejected: reason" for rejects, in order. */
    private static List<Object> parse(LogFormat format, String... lines) {
        LogParser parser = format.newParser(new ParseContext(
                null,
                ParseContext.DEFAULT_ZONE,
                WebCategories.none(),
                false,
                Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC)));
        List<Object> results = new ArrayList<>();
        ParseSink sink = new ParseSink() {
            @Override
            public void event(SpecificRecord event, RawLine completedBy) {
                results.add(event);
            }

            @Override
            public void reject(RawLine line, String reason) {
                results.add("rejected: " + reason);
            }
        };
        for (int i = 0; i < lines.length; i++) {
            parser.parse(RawLine.of(lines[i], "syslog:tcp:127.0.0.1", i + 1), sink);
        }
        return results;
    }
}
