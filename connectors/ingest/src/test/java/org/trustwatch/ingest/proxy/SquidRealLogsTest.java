package org.trustwatch.ingest.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.ingest.category.WebCategories;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.WebAction;

/**
 * The public Squid logs of shared/data/real-logs, read where they are (never copied into the repository): at least
 * 98% of their event lines must be accepted, with the fields the rules need.
 */
class SquidRealLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path realLogs(String relative) {
        String root = System.getProperty("trustwatch.realLogs");
        Assumptions.assumeTrue(root != null, "trustwatch.realLogs is not set");
        Path path = Path.of(root).resolve(relative);
        Assumptions.assumeTrue(Files.exists(path), () -> path + " is absent (no shared/ on this machine)");
        return path;
    }

    /** Parses every line of a file; event lines are those neither blank nor {@code #}. */
    private static Result parseFile(Path file, List<String> lines) {
        RecordingSink sink = new RecordingSink();
        SquidParser parser = new SquidParser(RecordingSink.context(WebCategories.none()));
        int eventLines = 0;
        long number = 0;
        for (String line : lines) {
            number++;
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                eventLines++;
            }
            parser.parse(new RawLine(line, file.toString(), number, -1), sink);
        }
        return new Result(eventLines, sink);
    }

    private record Result(int eventLines, RecordingSink sink) {
        void assertAcceptance() {
            assertTrue(eventLines > 0, "the file has event lines");
            assertEquals(eventLines, sink.events.size() + sink.rejects.size(), "every event line is accounted for");
            double accepted = sink.events.size() / (double) eventLines;
            assertTrue(
                    accepted >= 0.98, () -> "accepted " + sink.events.size() + "/" + eventLines + ": " + sink.rejects);
            for (ProxyEvent event : sink.events) {
                assertNotNull(event.getTimestamp());
                assertNotNull(event.getSourceIp(), "source IP");
                assertNotNull(event.getHttpRequestMethod(), "method");
                assertNotNull(event.getProxyResultCode(), "result code");
                assertNotNull(event.getWebAction());
            }
        }
    }

    @Test
    void fail2banSquidLog() throws IOException {
        Path file = realLogs("fail2ban/logs/squid");
        Result result = parseFile(file, Files.readAllLines(file, StandardCharsets.UTF_8));
        result.assertAcceptance();

        // the labels the fail2ban tests give each line: its time and host; fail2ban's test suite writes times in
        // Europe/Zurich (it sets TZ=CET-01CEST-02,M3.5.0,M10.5.0), Squid's epoch times need no zone
        List<JsonNode> labels = labels(realLogs("fail2ban/labels/squid.labels.jsonl"));
        assertEquals(labels.size(), result.sink.events.size());
        for (int i = 0; i < labels.size(); i++) {
            JsonNode expected = labels.get(i).get("failJSON");
            ProxyEvent event = result.sink.events.get(i);
            assertEquals(expected.get("host").asText(), event.getSourceIp());
            Instant time = LocalDateTime.parse(expected.get("time").asText())
                    .atZone(ZoneId.of("Europe/Zurich"))
                    .toInstant();
            assertEquals(time, event.getTimestamp());
            assertEquals(
                    WebAction.blocked.equals(event.getWebAction()),
                    event.getProxyResultCode().contains("DENIED") || event.getHttpResponseStatusCode() == 403);
        }
        ProxyEvent denied = result.sink.events.get(0);
        assertEquals("TCP_DENIED", denied.getProxyResultCode());
        assertEquals(403, denied.getHttpResponseStatusCode());
        assertEquals(WebAction.blocked, denied.getWebAction());
        assertEquals("www.proxy-listen.de", denied.getUrlDomain());
        assertEquals("/azenv.php", denied.getUrlPath());
        assertEquals("php", denied.getUrlExtension());

        ProxyEvent connectError = result.sink.events.get(1);
        assertEquals("NONE", connectError.getProxyResultCode());
        assertEquals("CONNECT", connectError.getHttpRequestMethod());
        assertEquals(405, connectError.getHttpResponseStatusCode());
        assertNull(connectError.getUrlDomain(), "error:method-not-allowed names no host");
    }

    @Test
    void metronSquidExampleAgainstItsParsedOutput() throws IOException {
        Path file = realLogs("metron/squid/raw/SquidExampleOutput");
        Result result = parseFile(file, Files.readAllLines(file, StandardCharsets.UTF_8));
        result.assertAcceptance();

        List<JsonNode> expected = labels(realLogs("metron/squid/parsed/SquidExampleParsed"));
        assertEquals(expected.size(), result.sink.events.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode parsed = expected.get(i);
            ProxyEvent event = result.sink.events.get(i);
            assertEquals(parsed.get("timestamp").asLong(), event.getTimestamp().toEpochMilli());
            assertEquals(parsed.get("ip_src_addr").asText(), event.getSourceIp());
            assertEquals(parsed.get("method").asText(), event.getHttpRequestMethod());
            assertEquals(parsed.get("code").asInt(), event.getHttpResponseStatusCode());
            assertEquals(parsed.get("bytes").asLong(), event.getHttpResponseBytes());
            assertEquals(parsed.get("action").asText(), event.getProxyResultCode());
            assertEquals(parsed.get("full_hostname").asText(), event.getUrlDomain());
            assertEquals("/", event.getUrlPath());
            assertEquals("text/html", event.getHttpResponseMimeType());
            assertEquals(WebAction.allowed, event.getWebAction());
        }
    }

    @Test
    void wazuhSquidRuleTests() throws IOException {
        Path file = realLogs("wazuh-ruleset-tests/tests/squid_rules.ini");
        // the .ini test format holds each log line as "log N pass = <line>"
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int equals = line.indexOf(" = ");
            if (line.startsWith("log ") && equals > 0) {
                lines.add(line.substring(equals + 3));
            }
        }
        Result result = parseFile(file, lines);
        result.assertAcceptance();
        assertEquals(2, result.sink.events.size());

        ProxyEvent badRequest = result.sink.events.get(0);
        assertEquals("192.168.1.201", badRequest.getSourceIp());
        assertEquals(400, badRequest.getHttpResponseStatusCode());
        assertEquals("TCP_DENIED", badRequest.getProxyResultCode());
        assertNull(badRequest.getUrlDomain(), "'ahmet' is not a URL");
        assertEquals(Instant.parse("2006-02-23T13:24:04.525Z"), badRequest.getTimestamp());

        ProxyEvent authentication = result.sink.events.get(1);
        assertEquals(407, authentication.getHttpResponseStatusCode());
        assertEquals("oahmet", authentication.getUserName());
        assertEquals("www.ossec.net", authentication.getUrlDomain());
        assertNull(authentication.getUrlPath());
        assertEquals(1785L, authentication.getHttpResponseBytes());
    }

    private static List<JsonNode> labels(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }
}
