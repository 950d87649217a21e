package org.trustwatch.ingest.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.ingest.category.WebCategories;
import org.trustwatch.schema.MailEvent;
import org.trustwatch.schema.MailRecipient;

/**
 * The parser on real public Postfix logs (read at test time from {@code trustwatch.realLogs}, never copied into
 * the repository): at least 98% of the Postfix lines accepted, and the fields the rules need extracted.
 */
class PostfixRealLogsTest {

    private static final ParseContext CONTEXT = new ParseContext(
            "WOH",
            ZoneId.of("Europe/London"),
            WebCategories.none(),
            false,
            Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));

    private static Path realLogs(String relative) {
        String root = System.getProperty("trustwatch.realLogs");
        assumeTrue(root != null, "trustwatch.realLogs not set");
        Path p = Path.of(root, relative);
        assumeTrue(Files.exists(p), "real logs not present: " + p);
        return p;
    }

    @Test
    void fail2banPostfixLog() throws IOException {
        Path file = realLogs("fail2ban/logs/postfix");
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        PostfixParser parser = new PostfixParser(CONTEXT);
        CollectingSink sink = new CollectingSink();
        int eventLines = 0;
        int rcptRejects = 0;
        for (int i = 0; i < all.size(); i++) {
            String text = all.get(i);
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            eventLines++;
            if (text.contains("NOQUEUE: reject: RCPT from") && text.contains("to=<") && !text.contains("to=<>")) {
                rcptRejects++;
            }
            parser.parse(new RawLine(text, file.toString(), i + 1, -1), sink);
        }
        parser.flush(sink);
        int accepted = eventLines - sink.rejected.size();
        System.out.printf(
                "postfix real log %s: %d/%d lines accepted, %d events%n",
                file.getFileName(), accepted, eventLines, sink.events.size());
        assertTrue(eventLines >= 50, "the file has its Postfix lines");
        assertTrue(
                accepted * 100 >= eventLines * 98, "accepted " + accepted + " of " + eventLines + ": " + sink.rejected);

        // Every RCPT reject that names its recipient (not "to=<>") is a message that never got a queue id: one event
        // each.
        List<MailEvent> noqueue =
                sink.events.stream().filter(e -> e.getEmailLocalId() == null).toList();
        assertEquals(rcptRejects, noqueue.size());
        for (MailEvent e : noqueue) {
            assertEquals(1, e.getEmailRecipients().size(), e.toString());
            assertEquals("rejected", e.getEmailRecipients().get(0).getStatus());
            assertNotNull(e.getSourceIp(), e.toString());
            assertEquals("postfix", e.getEventDataset());
            assertEquals("WOH", e.getSchoolId());
        }
        MailEvent relay = noqueue.stream()
                .filter(e ->
                        "smtp@example.org".equals(e.getEmailRecipients().get(0).getAddress()))
                .findFirst()
                .orElseThrow();
        assertEquals("john@example.com", relay.getEmailSenderAddress());
        assertEquals("1.2.3.4", relay.getSourceIp());
        assertEquals("inbound", relay.getEmailDirection());
        assertEquals("saturn", relay.getObserverHostname());

        // A reject with a queue id adds a rejected recipient to that message; a DATA/BDAT reject ends it.
        MailEvent partial = sink.byLocalId("00ADB3C0899");
        assertEquals(
                "rejected",
                CollectingSink.recipient(partial, "sales@server.com").getStatus());
        MailEvent milter = sink.byLocalId("1D8CC1CA0A7F");
        assertEquals(
                "rejected",
                CollectingSink.recipient(milter, "hostmaster@example.com").getStatus());
        assertEquals("192.0.2.151", milter.getSourceIp());
        MailEvent bdat = sink.byLocalId("44JCRG5tYPzCqt2");
        assertEquals(
                "rejected", CollectingSink.recipient(bdat, "some@example.com").getStatus());
    }

    @Test
    void wazuhPostfixCases() throws IOException {
        Path file = realLogs("wazuh-ruleset-tests/tests/postfix.ini");
        PostfixParser parser = new PostfixParser(CONTEXT);
        CollectingSink sink = new CollectingSink();
        int eventLines = 0;
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < all.size(); i++) {
            String text = all.get(i);
            int eq = text.indexOf(" = ");
            if (!text.startsWith("log ") || eq < 0) {
                continue;
            }
            eventLines++;
            parser.parse(new RawLine(text.substring(eq + 3), file.toString(), i + 1, -1), sink);
        }
        parser.flush(sink);
        int accepted = eventLines - sink.rejected.size();
        System.out.printf(
                "postfix real log postfix.ini: %d/%d lines accepted, %d events%n",
                accepted, eventLines, sink.events.size());
        assertTrue(eventLines >= 2);
        assertTrue(accepted * 100 >= eventLines * 98, sink.rejected.toString());
        // Both cases are postscreen RCPT rejects cut off before to=<...>: no recipient, so no message event.
        assertTrue(sink.events.isEmpty(), sink.events.toString());
    }

    /**
     * whyscream/postfix-grok-patterns: Postfix messages without the syslog prefix and the fields the grok patterns
     * expect. Each is fed with a syslog prefix for the program its pattern names (line breaks escaped as rsyslog
     * writes them, #012), followed by its qmgr "removed" line when it has a queue id. Entries of sub-patterns that
     * are not log lines (POSTFIX_TLS_FEATURES, POSTFIX_COMMAND_COUNTER_DATA, POSTFIX_DELAYS, POSTFIX_RELAY) are
     * not counted.
     */
    @Test
    void postfixGrokPatternMessages() throws IOException {
        Path file = realLogs("postfix-grok-patterns/postfix_grok_tests.jsonl");
        ObjectMapper json = new ObjectMapper();
        int eventLines = 0;
        int rejected = 0;
        List<String> rejects = new ArrayList<>();
        int deliveries = 0;
        int clients = 0;
        int senders = 0;
        int messageIds = 0;
        int noqueueRejects = 0;
        int subjects = 0;
        for (String jsonLine : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode test = json.readTree(jsonLine);
            String pattern = test.get("pattern").asText();
            String name = pattern.replace("^%{POSTFIX_", "").replace("}$", "").replace("}", "");
            if (name.equals("TLS_FEATURES")
                    || name.equals("COMMAND_COUNTER_DATA")
                    || name.equals("DELAYS")
                    || name.equals("RELAY")) {
                continue;
            }
            String program = name.toLowerCase(Locale.ROOT).replace('_', '-');
            String data = test.get("data").asText().replace("\n", "#012");
            JsonNode results = test.get("results");
            eventLines++;
            PostfixParser parser = new PostfixParser(CONTEXT);
            CollectingSink sink = new CollectingSink();
            parser.parse(new RawLine("Nov 23 09:15:02 mx1 postfix/" + program + "[4242]: " + data, "grok", 1, 0), sink);
            rejected += sink.rejected.size();
            sink.rejected.forEach(r -> rejects.add(r.reason() + " <- " + data));
            String qid = text(results, "postfix_queueid");
            if (qid != null && !qid.equals("NOQUEUE")) {
                parser.parse(
                        new RawLine("Nov 23 09:15:03 mx1 postfix/qmgr[77]: " + qid + ": removed", "grok", 2, 100),
                        sink);
            }
            parser.flush(sink);
            assertTrue(sink.rejected.size() <= 1);

            String kv = text(results, "postfix_keyvalue_data");
            String status = text(results, "postfix_status");
            if (qid != null && kv != null && kv.startsWith("to=") && status != null) {
                deliveries++;
                String to = kv.substring(3, kv.indexOf(','));
                to = to.replace("<", "").replace(">", "");
                MailRecipient r = CollectingSink.recipient(sink.byLocalId(qid), to);
                assertEquals(status, r.getStatus(), data);
                if (program.equals("smtp")) {
                    assertEquals(Boolean.FALSE, r.getTls(), "no TLS line before: " + data);
                } else {
                    assertEquals(null, r.getTls(), data);
                }
            }
            if (qid != null && kv != null && kv.startsWith("client=")) {
                clients++;
                String ip = kv.substring(kv.indexOf('[') + 1, kv.indexOf(']'));
                assertEquals(ip, sink.byLocalId(qid).getSourceIp());
            }
            if (qid != null && kv != null && kv.startsWith("from=<") && kv.contains("size=")) {
                senders++;
                MailEvent e = sink.byLocalId(qid);
                assertEquals(kv.substring(6, kv.indexOf('>')), e.getEmailSenderAddress());
                assertNotNull(e.getEmailSize());
            }
            if (qid != null && results.has("postfix_from") && "expired".equals(status)) {
                senders++;
                String from = text(results, "postfix_from");
                assertEquals(from.isEmpty() ? null : from, sink.byLocalId(qid).getEmailSenderAddress());
            }
            String messageId = text(results, "postfix_message-id");
            if (qid != null && messageId != null) {
                messageIds++;
                String got = sink.byLocalId(qid).getEmailMessageId();
                if (messageId.isEmpty()) {
                    assertEquals(null, got);
                } else if (messageId.startsWith("=?")) {
                    assertTrue(got != null && got.contains("@") && !got.contains("=?"), got);
                } else {
                    assertEquals(messageId, got);
                }
            }
            if ("NOQUEUE".equals(qid)
                    && "reject".equals(text(results, "postfix_action"))
                    && "RCPT".equals(text(results, "postfix_smtp_stage"))) {
                noqueueRejects++;
                MailEvent e = sink.only();
                assertEquals(text(results, "postfix_client_ip"), e.getSourceIp());
                assertEquals("rejected", e.getEmailRecipients().get(0).getStatus());
                assertNotNull(e.getEmailSenderAddress());
            }
            String message = text(results, "postfix_message");
            if (qid != null && message != null && message.startsWith("header Subject: ")) {
                subjects++;
                String subject = sink.byLocalId(qid).getEmailSubject();
                assertNotNull(subject, data);
                assertFalse(subject.contains("=?"), subject);
            }
        }
        int accepted = eventLines - rejected;
        System.out.printf("postfix real log postfix_grok_tests.jsonl: %d/%d lines accepted%n", accepted, eventLines);
        assertTrue(accepted * 100 >= eventLines * 98, "accepted " + accepted + " of " + eventLines + ": " + rejects);
        assertTrue(deliveries >= 15, "deliveries " + deliveries);
        assertTrue(
                clients >= 1 && senders >= 3 && messageIds >= 4 && noqueueRejects >= 5 && subjects >= 2,
                clients + " " + senders + " " + messageIds + " " + noqueueRejects + " " + subjects);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
