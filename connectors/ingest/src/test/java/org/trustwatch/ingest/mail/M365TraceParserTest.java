package org.trustwatch.ingest.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.trustwatch.ingest.LineDigest;
import org.trustwatch.ingest.LogFormat;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.ingest.category.WebCategories;
import org.trustwatch.schema.MailEvent;
import org.trustwatch.schema.MailRecipient;

class M365TraceParserTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String TYPE = "#TYPE Deserialized.Microsoft.Exchange.Management.FfoReporting.MessageTrace";
    /** The columns Export-Csv writes for Get-MessageTrace, in its order. */
    private static final String HEADER = "\"PSComputerName\",\"RunspaceId\",\"PSShowComputerName\",\"Organization\","
            + "\"MessageId\",\"Received\",\"SenderAddress\",\"RecipientAddress\",\"Subject\",\"Status\",\"ToIP\","
            + "\"FromIP\",\"Size\",\"MessageTraceId\",\"StartDate\",\"EndDate\",\"Index\"";

    private static ParseContext context(boolean keepOriginal) {
        return new ParseContext(
                "WOH",
                ZoneId.of("Europe/London"),
                WebCategories.none(),
                keepOriginal,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static String row(
            String messageId,
            String received,
            String sender,
            String recipient,
            String subject,
            String status,
            String toIp,
            String fromIp,
            String size,
            String traceId) {
        return String.join(
                ",",
                q("outlook.office365.com"),
                q("8b4f0c2e-1111-2222-3333-444455556666"),
                q("False"),
                q("woh.onmicrosoft.com"),
                q(messageId),
                q(received),
                q(sender),
                q(recipient),
                q(subject),
                q(status),
                q(toIp),
                q(fromIp),
                q(size),
                q(traceId),
                q("21/11/2026 00:00:00"),
                q("23/11/2026 12:00:00"),
                q("0"));
    }

    private static String q(String v) {
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static final class Feed {
        final M365TraceParser parser = new M365TraceParser(context(false));
        final CollectingSink sink = new CollectingSink();
        final List<RawLine> lines = new ArrayList<>();
        long position;

        Feed(String... texts) {
            add(texts);
        }

        Feed add(String... texts) {
            for (String t : texts) {
                RawLine line = new RawLine(t, "trace.csv", lines.size() + 1, position);
                position += t.getBytes(StandardCharsets.UTF_8).length + 2;
                lines.add(line);
                parser.parse(line, sink);
            }
            return this;
        }

        Feed flush() {
            parser.flush(sink);
            return this;
        }
    }

    @Test
    void oneMessageToTwelveRecipientsIsOneEvent() {
        List<String> lines = new ArrayList<>(List.of(TYPE, HEADER));
        for (int i = 1; i <= 12; i++) {
            lines.add(row(
                    "<CWLP123MB0001.GBRP123.PROD.OUTLOOK.COM@woh.sch.uk>",
                    "23/11/2026 09:15:0" + (i % 3),
                    "JSmith@woh.sch.uk",
                    "Parent" + i + "@Gmail.com",
                    "Year 6 trip, Friday \"bring a coat\"",
                    i == 7 ? "Failed" : "Delivered",
                    "142.250.27.26",
                    "81.2.69.160",
                    "48213",
                    "6f1c7a52-3b7e-4b8c-9e2a-0d2c3b4a5e6f"));
        }
        Feed f = new Feed(lines.toArray(String[]::new));
        assertTrue(f.sink.events.isEmpty(), "the message may have more rows");
        assertEquals(OptionalLong.of(f.lines.get(2).position()), f.parser.earliestPendingPosition());
        f.flush();
        assertTrue(f.sink.rejected.isEmpty(), f.sink.rejected.toString());
        MailEvent e = f.sink.only();
        assertEquals(12, e.getEmailRecipients().size());
        assertEquals("parent1@gmail.com", e.getEmailRecipients().get(0).getAddress());
        assertEquals("failed", CollectingSink.recipient(e, "parent7@gmail.com").getStatus());
        for (MailRecipient r : e.getEmailRecipients()) {
            assertNull(r.getTls(), "the trace cannot show TLS");
            assertEquals("142.250.27.26", r.getRelayHost());
        }
        assertEquals("delivered", e.getEmailRecipients().get(0).getStatus());
        assertEquals(Instant.parse("2026-11-23T09:15:00Z"), e.getTimestamp(), "the earliest row");
        assertEquals("m365.trace", e.getEventDataset());
        assertEquals("WOH", e.getSchoolId());
        assertEquals("trace.csv", e.getLogFilePath());
        assertEquals(3L, e.getLogLine());
        assertEquals("CWLP123MB0001.GBRP123.PROD.OUTLOOK.COM@woh.sch.uk", e.getEmailMessageId());
        assertEquals("6f1c7a52-3b7e-4b8c-9e2a-0d2c3b4a5e6f", e.getEmailLocalId());
        assertEquals("jsmith@woh.sch.uk", e.getEmailSenderAddress());
        assertEquals("Year 6 trip, Friday \"bring a coat\"", e.getEmailSubject());
        assertEquals(48213L, e.getEmailSize());
        assertEquals("81.2.69.160", e.getSourceIp());
        assertNull(e.getEmailToAddress(), "the trace does not say To");
        assertNull(e.getEmailCcAddress(), "the trace does not say Cc");
        assertNull(e.getEmailDirection());
        assertNull(e.getEmailFromAddress());
        assertEquals(LineDigest.sha256Hex(String.join("\n", lines.subList(2, 14))), e.getEventHash());
        assertEquals(f.lines.get(13), f.sink.completedBy.get(0));
        assertEquals(OptionalLong.empty(), f.parser.earliestPendingPosition());
    }

    @Test
    void aNewMessageIdCompletesTheOpenMessage() {
        Feed f = new Feed(
                HEADER,
                row(
                        "<a@woh.sch.uk>",
                        "2026-11-23T09:00:00Z",
                        "a@woh.sch.uk",
                        "x@woh.sch.uk",
                        "A",
                        "Delivered",
                        "",
                        "",
                        "100",
                        "t1"),
                row(
                        "<a@woh.sch.uk>",
                        "2026-11-23T09:00:00Z",
                        "a@woh.sch.uk",
                        "y@woh.sch.uk",
                        "A",
                        "Delivered",
                        "",
                        "",
                        "100",
                        "t1"),
                row(
                        "<b@woh.sch.uk>",
                        "2026-11-23T09:01:00Z",
                        "b@woh.sch.uk",
                        "z@woh.sch.uk",
                        "B",
                        "Pending",
                        "",
                        "",
                        "200",
                        "t2"));
        MailEvent a = f.sink.only();
        assertEquals("a@woh.sch.uk", a.getEmailMessageId());
        assertEquals(2, a.getEmailRecipients().size());
        assertEquals(f.lines.get(2), f.sink.completedBy.get(0), "completed by its own last row");
        assertEquals(OptionalLong.of(f.lines.get(3).position()), f.parser.earliestPendingPosition());
        f.flush();
        MailEvent b = f.sink.events.get(1);
        assertEquals("pending", b.getEmailRecipients().get(0).getStatus());
        assertNull(b.getSourceIp());
        assertNull(b.getEmailRecipients().get(0).getRelayHost());
    }

    @Test
    void theFormatNameMakesThisParser() {
        assertTrue(LogFormat.named("m365-trace").newParser(context(false)) instanceof M365TraceParser);
    }

    @Test
    void bothDateFormatsAreRead() {
        String[] received = {
            "23/11/2026 09:15:02",
            "2026-11-23T09:15:02",
            "2026-11-23T09:15:02Z",
            "2026-11-23T10:15:02+01:00",
            "2026-11-23T09:15:02.0000000Z",
            "2026-11-23 09:15:02",
            "3/7/2026 09:15:02"
        };
        Feed f = new Feed(HEADER);
        for (int i = 0; i < received.length; i++) {
            f.add(row(
                    "<m" + i + "@woh.sch.uk>",
                    received[i],
                    "a@woh.sch.uk",
                    "b@woh.sch.uk",
                    "s",
                    "Delivered",
                    "",
                    "",
                    "1",
                    "t" + i));
        }
        f.flush();
        assertTrue(f.sink.rejected.isEmpty(), f.sink.rejected.toString());
        for (int i = 0; i < received.length - 1; i++) {
            assertEquals(
                    Instant.parse("2026-11-23T09:15:02Z"), f.sink.events.get(i).getTimestamp(), received[i]);
        }
        assertEquals(
                Instant.parse("2026-07-03T09:15:02Z"),
                f.sink.events.get(6).getTimestamp(),
                "en-GB: day first, UTC even in summer");
    }

    @Test
    void unreadableDatesAreRejected() {
        Feed f = new Feed(
                HEADER,
                row(
                        "<m1@woh.sch.uk>",
                        "11/23/2026 9:15:02 AM",
                        "a@woh.sch.uk",
                        "b@woh.sch.uk",
                        "s",
                        "Delivered",
                        "",
                        "",
                        "1",
                        "t1"),
                row(
                        "<m2@woh.sch.uk>",
                        "11/23/2026 09:15:02",
                        "a@woh.sch.uk",
                        "b@woh.sch.uk",
                        "s",
                        "Delivered",
                        "",
                        "",
                        "1",
                        "t2"),
                row(
                        "<m3@woh.sch.uk>",
                        "yesterday",
                        "a@woh.sch.uk",
                        "b@woh.sch.uk",
                        "s",
                        "Delivered",
                        "",
                        "",
                        "1",
                        "t3"),
                row("<m4@woh.sch.uk>", "", "a@woh.sch.uk", "b@woh.sch.uk", "s", "Delivered", "", "", "1", "t4"));
        f.flush();
        assertTrue(f.sink.events.isEmpty());
        assertEquals(4, f.sink.rejected.size());
        assertTrue(
                f.sink.rejected.get(0).reason().contains("AM/PM"),
                f.sink.rejected.get(0).reason());
        assertTrue(
                f.sink.rejected.get(1).reason().contains("not a date"),
                f.sink.rejected.get(1).reason());
        assertTrue(
                f.sink.rejected.get(2).reason().contains("'yesterday'"),
                f.sink.rejected.get(2).reason());
        assertTrue(
                f.sink.rejected.get(3).reason().contains("empty Received"),
                f.sink.rejected.get(3).reason());
    }

    @Test
    void columnsInAnyOrderUnknownOnesIgnored() {
        Feed f = new Feed(
                "\uFEFFStatus,RecipientAddress,Colour,MessageId,SenderAddress,Received,Size",
                "Quarantined,pupil@woh.sch.uk,blue,<spam1@x.example>,win@x.example,2026-11-23T08:00:00Z,7000",
                "FilteredAsSpam,staff@woh.sch.uk,red,<spam1@x.example>,win@x.example,2026-11-23T08:00:00Z,7000");
        f.flush();
        assertTrue(f.sink.rejected.isEmpty(), f.sink.rejected.toString());
        MailEvent e = f.sink.only();
        assertEquals(
                "quarantined", CollectingSink.recipient(e, "pupil@woh.sch.uk").getStatus());
        assertEquals(
                "filteredasspam",
                CollectingSink.recipient(e, "staff@woh.sch.uk").getStatus());
        assertEquals(7000L, e.getEmailSize());
        assertNull(e.getEmailSubject());
        assertNull(e.getEmailLocalId());
    }

    @Test
    void aHeaderWithoutARequiredColumnRejectsEveryDataLine() {
        Feed f = new Feed(
                TYPE,
                "\"Received\",\"SenderAddress\",\"RecipientAddress\",\"Subject\",\"ToIP\",\"FromIP\",\"Size\","
                        + "\"MessageId\",\"MessageTraceId\"",
                "\"23/11/2026 09:15:02\",\"a@woh.sch.uk\",\"b@woh.sch.uk\",\"s\",\"\",\"\",\"1\",\"<m@x>\",\"t\"",
                "\"23/11/2026 09:15:03\",\"a@woh.sch.uk\",\"c@woh.sch.uk\",\"s\",\"\",\"\",\"1\",\"<m@x>\",\"t\"");
        f.flush();
        assertTrue(f.sink.events.isEmpty());
        assertEquals(3, f.sink.rejected.size(), "the header and both rows");
        for (CollectingSink.Rejected r : f.sink.rejected) {
            assertTrue(r.reason().contains("'Status'"), r.reason());
        }
        assertEquals(2L, f.sink.rejected.get(0).line().lineNumber());
    }

    @Test
    void rowsBeforeAnyHeaderAreRejected() {
        Feed f = new Feed("\"23/11/2026 09:15:02\",\"a@woh.sch.uk\",\"b@woh.sch.uk\"");
        assertEquals(1, f.sink.rejected.size());
        assertTrue(f.sink.rejected.get(0).reason().contains("no header row"));
    }

    @Test
    void csvInjectionIsKeptAsTextAndControlCharactersStripped() {
        Feed f = new Feed(
                HEADER,
                row(
                        "<m@woh.sch.uk>",
                        "2026-11-23T09:00:00Z",
                        "a@woh.sch.uk",
                        "b@woh.sch.uk",
                        "=cmd|' /C calc'!A0\u0007\u001b[2J",
                        "Delivered",
                        "",
                        "",
                        "1",
                        "t"),
                row(
                        "<n@woh.sch.uk>",
                        "2026-11-23T09:00:00Z",
                        "a@woh.sch.uk",
                        "b@woh.sch.uk",
                        "+SUM(1,2)",
                        "Delivered",
                        "",
                        "",
                        "1",
                        "t"),
                row(
                        "<o@woh.sch.uk>",
                        "2026-11-23T09:00:00Z",
                        "a@woh.sch.uk",
                        "b@woh.sch.uk",
                        "@IMPORTXML(x)",
                        "Delivered",
                        "",
                        "",
                        "1",
                        "t"),
                row(
                        "<p@woh.sch.uk>",
                        "2026-11-23T09:00:00Z",
                        "a@woh.sch.uk",
                        "b@woh.sch.uk",
                        "-2+3 ${jndi:ldap://x}",
                        "Delivered",
                        "",
                        "",
                        "1",
                        "t"));
        f.flush();
        assertEquals("=cmd|' /C calc'!A0  [2J", f.sink.events.get(0).getEmailSubject());
        assertEquals("+SUM(1,2)", f.sink.events.get(1).getEmailSubject());
        assertEquals("@IMPORTXML(x)", f.sink.events.get(2).getEmailSubject());
        assertEquals("-2+3 ${jndi:ldap://x}", f.sink.events.get(3).getEmailSubject());
    }

    @Test
    void aQuotedFieldMaySpanLines() {
        Feed f = new Feed(HEADER);
        String r = row(
                "<m@woh.sch.uk>",
                "2026-11-23T09:00:00Z",
                "a@woh.sch.uk",
                "b@woh.sch.uk",
                "first line\nsecond line",
                "Delivered",
                "",
                "",
                "1",
                "t");
        String[] parts = r.split("\n");
        f.add(parts[0]);
        assertEquals(OptionalLong.of(f.lines.get(1).position()), f.parser.earliestPendingPosition());
        f.add(parts[1]).flush();
        assertTrue(f.sink.rejected.isEmpty(), f.sink.rejected.toString());
        assertEquals("first line second line", f.sink.only().getEmailSubject());
        assertEquals(2L, f.sink.only().getLogLine());
    }

    @Test
    void anUnclosedQuoteIsRejectedAtTheEnd() {
        Feed f = new Feed(HEADER, "\"2026-11-23T09:00:00Z\",\"never closed").flush();
        assertEquals(1, f.sink.rejected.size());
        assertTrue(f.sink.rejected.get(0).reason().contains("not closed"));
        assertEquals(2L, f.sink.rejected.get(0).line().lineNumber());
    }

    @Test
    void malformedRowsAreRejected() {
        Feed f = new Feed(
                HEADER,
                "\"only\",\"three\",\"fields\"",
                row("<m@woh.sch.uk>", "2026-11-23T09:00:00Z", "a@woh.sch.uk", "", "s", "Delivered", "", "", "1", "t"),
                "\u0000\"\u0000R\u0000e\u0000c");
        assertEquals(3, f.sink.rejected.size());
        assertTrue(
                f.sink.rejected.get(0).reason().contains("3 fields"),
                f.sink.rejected.get(0).reason());
        assertTrue(
                f.sink.rejected.get(1).reason().contains("RecipientAddress"),
                f.sink.rejected.get(1).reason());
        assertTrue(
                f.sink.rejected.get(2).reason().contains("UTF-16"),
                f.sink.rejected.get(2).reason());
    }

    @Test
    void aRecipientListedTwiceKeepsItsLatestStatus() {
        Feed f = new Feed(
                HEADER,
                row(
                        "<m@woh.sch.uk>",
                        "2026-11-23T09:00:05Z",
                        "a@woh.sch.uk",
                        "b@woh.sch.uk",
                        "s",
                        "Delivered",
                        "",
                        "",
                        "1",
                        "t"),
                row(
                        "<m@woh.sch.uk>",
                        "2026-11-23T09:00:00Z",
                        "a@woh.sch.uk",
                        "b@woh.sch.uk",
                        "s",
                        "GettingStatus",
                        "",
                        "",
                        "1",
                        "t"),
                row(
                        "<m@woh.sch.uk>",
                        "2026-11-23T09:00:00Z",
                        "a@woh.sch.uk",
                        "staff-all@woh.sch.uk",
                        "s",
                        "Expanded",
                        "",
                        "",
                        "1",
                        "t"));
        f.flush();
        MailEvent e = f.sink.only();
        assertEquals(2, e.getEmailRecipients().size());
        assertEquals("delivered", CollectingSink.recipient(e, "b@woh.sch.uk").getStatus());
        assertEquals(
                "expanded", CollectingSink.recipient(e, "staff-all@woh.sch.uk").getStatus());
    }

    @Test
    void hostileLongLinesDoNotHang() {
        Feed f = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> new Feed(
                        HEADER,
                        row(
                                "<m@woh.sch.uk>",
                                "2026-11-23T09:00:00Z",
                                "a@woh.sch.uk",
                                "b@woh.sch.uk",
                                "x".repeat(1 << 20),
                                "Delivered",
                                "",
                                "",
                                "1",
                                "t"),
                        "\"" + "y".repeat(1 << 20))
                .flush());
        assertEquals(998, f.sink.only().getEmailSubject().length());
        assertEquals(1, f.sink.rejected.size());
    }

    @Test
    void keepsTheOriginalRowsWhenConfigured() {
        M365TraceParser parser = new M365TraceParser(context(true));
        CollectingSink sink = new CollectingSink();
        String r1 = row(
                "<m@woh.sch.uk>",
                "2026-11-23T09:00:00Z",
                "a@woh.sch.uk",
                "b@woh.sch.uk",
                "s",
                "Delivered",
                "",
                "",
                "1",
                "t");
        String r2 = r1.replace("b@woh.sch.uk", "c@woh.sch.uk");
        parser.parse(RawLine.of(HEADER, "t", 1), sink);
        parser.parse(RawLine.of(r1, "t", 2), sink);
        parser.parse(RawLine.of(r2, "t", 3), sink);
        parser.flush(sink);
        assertEquals(r1 + "\n" + r2, sink.only().getEventOriginal());
        assertEquals(OptionalLong.empty(), parser.earliestPendingPosition(), "lines without positions");
    }
}
