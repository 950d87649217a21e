package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustwatch.streams.topology.Events.at;
import static org.trustwatch.streams.topology.Events.logoff;
import static org.trustwatch.streams.topology.Events.logon;
import static org.trustwatch.streams.topology.Events.request;
import static org.trustwatch.streams.topology.Events.webBurst;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.WebAction;

/** Cross-cutting: who used an address when, late and duplicated events, and bad records. */
class TimeAndIdentityTopologyTest {

    private static final String IP = "10.20.1.13"; // woh-lt-0004
    private static final String OTHER_IP = "10.20.1.19";

    private static ProxyEvent anonymous(String time) {
        return request(time, IP, "pornhub.com", "adult", WebAction.blocked).build();
    }

    @Test
    void aRequestIsTheUserLoggedOnAtItsOwnTimeEvenWhenALaterLogonArrivesFirst() {
        try (Harness h = new Harness()) {
            h.send(logon("09:00", "woh-lt-0004.trust.local", IP, "dbrown", 2, "0x1"));
            h.send(logoff("10:00", "woh-lt-0004.trust.local", IP, "dbrown", "0x1"));
            h.send(logon("10:01", "woh-lt-0004.trust.local", IP, "22evanss0", 2, "0x2"));
            // dbrown's requests at 09:30 arrive only now, after the pupil's logon: they are still dbrown's
            fiveAnonymous(h, "09:3");
            Incident i = h.only(IncidentCategory.INAPPROPRIATE_CONTENT);
            assertEquals("dbrown", i.getSubject());
            assertEquals(5, i.getEventCount());
            fiveAnonymous(h, "10:1");
            assertEquals(
                    List.of("dbrown", "22evanss0"),
                    h.incidents().stream().map(Incident::getSubject).toList());
        }
    }

    @Test
    void anAddressKeepsOnlyTheSessionsThatRequestsWithinTheGraceCanNeed() {
        try (Harness h = new Harness()) {
            // a shared desktop's day: a new user every ten minutes from 08:00 to 15:50
            for (int n = 0; n < 48; n++) {
                String time = String.format("%02d:%02d", 8 + n / 6, n % 6 * 10);
                String logonId = "0x" + Integer.toHexString(100 + n);
                h.send(logon(time, "woh-lt-0004.trust.local", IP, n % 2 == 0 ? "dbrown" : "22evanss0", 2, logonId));
                h.send(request(time, IP, "bbc.co.uk", "news", WebAction.allowed).build());
            }
            int kept = org.trustwatch.streams.context.ContextCodec.decodeIpHistory(h.stored(IpStage.STORE, IP))
                    .sessions()
                    .size();
            // the grace is 1 h: the last logon (15:50) came after the 15:40 request, so the sessions from 13:40 on
            // stay (14: two hours of them and the one still open at the horizon); the 34 before are gone
            assertEquals(14, kept, "kept " + kept + " of 48 sessions");
            // and a request still within the grace is still resolved to whoever was logged on
            fiveAnonymous(h, "15:3");
            assertEquals(
                    "22evanss0", h.only(IncidentCategory.INAPPROPRIATE_CONTENT).getSubject());
        }
    }

    @Test
    void aRequestWaitsForALogonThatArrivesLateWithinHalfTheGrace() {
        try (Harness h = new Harness()) {
            fiveAnonymous(h, "11:0");
            h.send(logon("10:55", "woh-lt-0004.trust.local", IP, "22evanss0", 2, "0x9"));
            assertEquals(
                    "22evanss0", h.only(IncidentCategory.INAPPROPRIATE_CONTENT).getSubject());
        }
    }

    /**
     * Live, the logons reach the address stage through a repartition, after the requests of the same moment: while a
     * backlog drains, the requests run ahead of them. A request waits for its logon while the logons are still coming,
     * however far the requests have run, and is not late to the rules for the requests that went on meanwhile.
     */
    @Test
    void whileTheLogonsLagBehindTheRequestsAHeldRequestWaitsForItsLogonAndIsNotLate() {
        try (Harness h = Harness.live()) {
            h.send(logon("08:00", "woh-lt-0009.trust.local", OTHER_IP, "someone", 2, "0x1"));
            fiveAnonymous(h, "09:0");
            // the requests run 100 minutes ahead (a named user's request moves the rules' lane of web requests)
            for (int i = 0; i < 5; i++) {
                h.send(request("10:4" + i, OTHER_IP, "pornhub.com", "adult", WebAction.blocked)
                        .setUserName("dbrown")
                        .build());
            }
            assertEquals(List.of("dbrown"), subjects(h), "the anonymous requests wait for their logon");
            h.send(logon("08:59", "woh-lt-0004.trust.local", IP, "22evanss0", 2, "0x9"));

            assertEquals(List.of("dbrown", "22evanss0"), subjects(h));
            assertEquals(
                    5,
                    h.incidents(IncidentCategory.INAPPROPRIATE_CONTENT).get(1).getEventCount());
            assertEquals(List.of(), h.late(), "released 100 minutes behind the requests, and not late");
        }
    }

    @Test
    void onceTheLogonsGoQuietAHeldRequestGoesOnToItsAddressWhenTheRequestsHavePassedIt() {
        try (Harness h = Harness.live()) {
            h.send(logon("08:00", "woh-lt-0009.trust.local", OTHER_IP, "someone", 2, "0x1"));
            fiveAnonymousThenTheRequestsPassThem(h);
            assertEquals(List.of(), subjects(h), "the logons are still coming: the requests wait");

            h.wallClockPasses(java.time.Duration.ofSeconds(6));
            assertEquals(List.of("ip:" + IP), subjects(h), "no logon for 6 s: the requests went on at once");
        }
    }

    /**
     * A task that starts has heard from no logon lane yet, and the logons come back through the repartition only after
     * its first commit, while its requests are read at once: every lane counts as still coming from the start, and a
     * request waits for a logon that arrives after the requests have passed it.
     */
    @Test
    void atAStartARequestWaitsForALogonThatComesAfterTheRequestsHavePassedIt() {
        try (Harness h = Harness.live()) {
            fiveAnonymousThenTheRequestsPassThem(h);
            assertEquals(List.of(), subjects(h), "no logon lane has been heard from: the requests wait");
            h.send(logon("08:59", "woh-lt-0004.trust.local", IP, "22evanss0", 2, "0x9"));
            assertEquals(List.of("22evanss0"), subjects(h));
        }
    }

    /** A lane that sends nothing after a start is quiet after 5 s, and the held requests go on to their address. */
    @Test
    void atAStartHeldRequestsGoOnToTheirAddressOnceTheLogonLanesStayQuiet() {
        try (Harness h = Harness.live()) {
            fiveAnonymousThenTheRequestsPassThem(h);
            assertEquals(List.of(), subjects(h));
            h.wallClockPasses(java.time.Duration.ofSeconds(6));
            assertEquals(List.of("ip:" + IP), subjects(h));
        }
    }

    /** Five anonymous requests from 09:00, then one of another address at 09:40: half the grace past them. */
    private static void fiveAnonymousThenTheRequestsPassThem(Harness h) {
        fiveAnonymous(h, "09:0");
        h.send(request("09:40", OTHER_IP, "bbc.co.uk", "news", WebAction.allowed)
                .build());
    }

    /** Five blocked requests from the laptop's address without a user, a minute apart from {@code tenMinutes}0. */
    private static void fiveAnonymous(Harness h, String tenMinutes) {
        for (int i = 0; i < 5; i++) {
            h.send(anonymous(tenMinutes + i));
        }
    }

    private static List<String> subjects(Harness h) {
        return h.incidents(IncidentCategory.INAPPROPRIATE_CONTENT).stream()
                .map(Incident::getSubject)
                .toList();
    }

    @Test
    void withoutAnyLogonTheAddressIsTheSubjectOnceTheGraceHasPassed() {
        try (Harness h = new Harness()) {
            fiveAnonymous(h, "11:0");
            assertEquals(List.of(), h.incidents(), "still waiting for a logon");
            h.endOfInput(at("11:04"));
            Incident i = h.only(IncidentCategory.INAPPROPRIATE_CONTENT);
            assertEquals("ip:" + IP, i.getSubject());
            assertEquals("WOH", i.getSchoolId(), "placed by the school's network");
        }
    }

    @Test
    void anEventLaterThanTheGraceIsRecordedAndNotCorrelated() {
        try (Harness h = new Harness()) {
            h.send(webBurst(4, "09:00", 60, IP, "22evanss0", "pornhub.com", "adult", WebAction.blocked));
            h.send(Events.web("12:00", IP, "22evanss0", "bbc.co.uk", "adult", WebAction.blocked)); // stream time 12:00
            // the fifth request of the 09:00 burst arrives three hours late: beyond the 1 h grace
            h.send(Events.web("09:04", IP, "22evanss0", "pornhub.com", "adult", WebAction.blocked));
            assertEquals(List.of(), h.incidents());
            assertEquals(1, h.late().size());
            assertEquals(
                    "late",
                    new String(
                            h.late()
                                    .get(0)
                                    .headers()
                                    .lastHeader("trustwatch.reason")
                                    .value(),
                            StandardCharsets.UTF_8));
            // what it was late against, for whoever reads the late topic: its lane was at 12:00, 3 h 56 min ahead
            String why = new String(
                    h.late().get(0).headers().lastHeader("trustwatch.late").value(), StandardCharsets.UTF_8);
            assertTrue(why.startsWith("proxy from partition 0 at "), why);
            assertTrue(why.contains(" is 10560 s behind its lane's newest signal ("), why);
            assertTrue(why.endsWith("; its rule allows 3600 s"), why);
        }
    }

    @Test
    void aLateEventWithinTheGraceCompletesTheWindow() {
        try (Harness h = new Harness()) {
            h.send(webBurst(4, "09:00", 60, IP, "22evanss0", "pornhub.com", "adult", WebAction.blocked));
            h.send(Events.web("09:50", IP, "22evanss0", "bbc.co.uk", "news", WebAction.allowed));
            h.send(Events.web("09:04", IP, "22evanss0", "pornhub.com", "adult", WebAction.blocked)); // 46 min late
            assertEquals(5, h.only(IncidentCategory.INAPPROPRIATE_CONTENT).getEventCount());
            assertEquals(0, h.late().size());
        }
    }

    @Test
    void aDuplicatedEventIsCountedOnce() {
        try (Harness h = new Harness()) {
            List<ProxyEvent> burst =
                    webBurst(5, "11:00", 60, IP, "22evanss0", "pornhub.com", "adult", WebAction.blocked);
            h.send(burst);
            h.send(burst);
            assertEquals(5, h.only(IncidentCategory.INAPPROPRIATE_CONTENT).getEventCount());
            assertEquals(1, h.alerts().size(), "no second alert for the replay");
        }
    }

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicAndTheAppCarriesOn() {
        try (Harness h = new Harness()) {
            h.sendBytes("events.proxy", IP, "not avro at all".getBytes(StandardCharsets.UTF_8), at("11:00"));
            h.send(webBurst(5, "11:00", 60, IP, "22evanss0", "pornhub.com", "adult", WebAction.blocked));
            List<byte[]> reasons = h.deadLetters();
            assertEquals(1, reasons.size());
            assertTrue(new String(reasons.get(0), StandardCharsets.UTF_8).contains("Exception"));
            assertEquals(1, h.incidents().size(), "the app went on with the next records");
        }
    }
}
