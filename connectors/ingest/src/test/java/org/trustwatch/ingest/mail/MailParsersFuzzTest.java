package org.trustwatch.ingest.mail;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.ingest.category.WebCategories;
import org.trustwatch.schema.MailEvent;

/**
 * Mutated lines (cut short, characters replaced, inserted and removed, with quotes, brackets, NULs, escapes and
 * U+FFFD) never make the parsers throw, every reason stays short, and the emitted events are complete records.
 */
class MailParsersFuzzTest {

    private static final String ALPHABET = "<>[]:;,= \"()\\?@/\u0000\u001b\uFFFD-_zZ09aF\n";

    @Test
    void mutatedLinesNeverBreakTheParsers() {
        List<String> seeds = new ArrayList<>(List.of(PostfixParserTest.OUTBOUND));
        seeds.add("Nov 23 07:47:48 mx1 postfix/smtpd[8738]: NOQUEUE: reject: RCPT from unknown[203.0.113.9]: 554 5.7.1"
                + " <a@woh.sch.uk>: Recipient address rejected; from=<x@y.example> to=<a@woh.sch.uk> proto=ESMTP"
                + " helo=<y>");
        seeds.add("<22>1 2026-11-23T09:15:02.5Z mail postfix/smtpd 8 - [meta x=\"]\"] 4F2A31C0E12: client=x[1.2.3.4]");
        seeds.add("2026-11-23T09:15:02.123456+00:00 mail opendmarc[1]: 4F2A31C0E12: woh.sch.uk fail");
        seeds.add("\"<m@woh.sch.uk>\",\"23/11/2026 09:15:02\",\"a@woh.sch.uk\",\"b@woh.sch.uk\",\"Hi, \"\"you\"\"\","
                + "\"Delivered\",\"1.2.3.4\",\"5.6.7.8\",\"100\",\"t\"");
        Random random = new Random(20261123);
        ParseContext context = new ParseContext(
                "WOH",
                ZoneId.of("Europe/London"),
                WebCategories.none(),
                true,
                Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));
        long[] counts = new long[2];
        ParseSink sink = new ParseSink() {
            @Override
            public void event(SpecificRecord event, RawLine completedBy) {
                counts[0]++;
                MailEvent e = (MailEvent) event;
                assertTrue(e.getEmailRecipients() != null && e.getEventHash().length() == 64, e.toString());
            }

            @Override
            public void reject(RawLine line, String reason) {
                counts[1]++;
                assertTrue(reason.length() < 250 && reason.indexOf('\n') < 0, reason);
            }
        };
        for (int round = 0; round < 3; round++) {
            LogParser postfix = new PostfixParser(context, 50, 200, 3_600_000);
            LogParser m365 = new M365TraceParser(context);
            m365.parse(
                    RawLine.of(
                            "MessageId,Received,SenderAddress,RecipientAddress,Subject,Status,ToIP,FromIP,Size,"
                                    + "MessageTraceId",
                            "f",
                            1),
                    sink);
            for (int i = 0; i < 5_000; i++) {
                StringBuilder b = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
                int mutations = random.nextInt(6);
                for (int k = 0; k < mutations && b.length() > 0; k++) {
                    int pos = random.nextInt(b.length());
                    char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                    switch (random.nextInt(4)) {
                        case 0 -> b.setLength(pos);
                        case 1 -> b.setCharAt(pos, c);
                        case 2 -> b.insert(pos, c);
                        default -> b.deleteCharAt(pos);
                    }
                }
                String line = b.toString();
                postfix.parse(new RawLine(line, "f", i + 2, i * 100L), sink);
                postfix.earliestPendingPosition();
                m365.parse(new RawLine(line, "f", i + 2, i * 100L), sink);
                m365.earliestPendingPosition();
            }
            postfix.flush(sink);
            m365.flush(sink);
            assertTrue(postfix.earliestPendingPosition().isEmpty()
                    && m365.earliestPendingPosition().isEmpty());
        }
        assertTrue(counts[0] > 100 && counts[1] > 100, "both events and rejects: " + counts[0] + " " + counts[1]);
    }
}
