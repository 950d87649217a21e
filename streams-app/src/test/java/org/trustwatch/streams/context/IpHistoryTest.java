package org.trustwatch.streams.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class IpHistoryTest {

    private static Instant t(String hhmm) {
        return Instant.parse("2026-11-23T" + hhmm + ":00Z");
    }

    private static Optional<String> who(IpHistory history, String hhmm) {
        return history.at(t(hhmm)).map(IpHistory.Session::account);
    }

    @Test
    void aRequestBelongsToWhoeverWasLoggedOnAtItsOwnTime() {
        IpHistory history = new IpHistory(16);
        history.logon(t("08:05"), "jsmith", "woh-pc-0001", "0x1");
        history.logoff(t("09:55"), "jsmith", "0x1");
        history.logon(t("10:02"), "21brownk0", "woh-pc-0001", "0x2");

        assertEquals(Optional.empty(), who(history, "08:00"), "before anyone logged on");
        assertEquals(Optional.of("jsmith"), who(history, "09:30"));
        assertEquals(Optional.empty(), who(history, "09:58"), "between the two sessions");
        assertEquals(Optional.of("21brownk0"), who(history, "10:30"));
        assertEquals(Optional.of("jsmith"), who(history, "09:30"), "a later logon does not rewrite the past");
    }

    @Test
    void aLogonEndsTheSessionBeforeItThatNeverLoggedOff() {
        IpHistory history = new IpHistory(16);
        history.logon(t("09:00"), "ann", "suite-pc", "0xa");
        history.logon(t("10:00"), "bob", "suite-pc", "0xb");
        history.logoff(t("11:00"), "bob", "0xb");

        assertEquals(Optional.of("ann"), who(history, "09:59"));
        assertEquals(Optional.of("bob"), who(history, "10:59"));
        assertEquals(Optional.empty(), who(history, "11:30"), "ann was no longer logged on after bob's logon");
    }

    @Test
    void eventsInAnyOrderGiveTheSameAnswers() {
        List<Consumer<IpHistory>> events = new ArrayList<>(List.of(
                h -> h.logon(t("08:00"), "ann", "pc", "0x1"),
                h -> h.logoff(t("09:00"), "ann", "0x1"),
                h -> h.logon(t("09:30"), "bob", "pc", "0x2"),
                h -> h.logoff(t("12:00"), "bob", "0x2"),
                h -> h.logon(t("13:00"), "cat", "pc", "0x3")));
        IpHistory ordered = new IpHistory(16);
        events.forEach(event -> event.accept(ordered));

        Random random = new Random(7);
        int kept = 0;
        int before = 0;
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(events, random);
            IpHistory shuffled = new IpHistory(16);
            events.forEach(event -> event.accept(shuffled));
            for (String at : List.of("07:59", "08:30", "09:10", "10:00", "12:30", "13:30")) {
                assertEquals(who(ordered, at), who(shuffled, at), "at " + at + " in round " + round);
            }
        }
    }

    @Test
    void remembersABoundedNumberOfSessionsAndForgetsEndedOnes() {
        IpHistory history = new IpHistory(2);
        history.logon(t("08:00"), "ann", "pc", "0x1");
        history.logoff(t("08:30"), "ann", "0x1");
        history.logon(t("09:00"), "bob", "pc", "0x2");
        history.logon(t("10:00"), "cat", "pc", "0x3");

        assertEquals(
                List.of("bob", "cat"),
                history.sessions().stream().map(IpHistory.Session::account).toList());

        history.logoff(t("09:30"), "bob", "0x2");
        history.forgetBefore(t("09:45"));
        assertEquals(
                List.of("cat"),
                history.sessions().stream().map(IpHistory.Session::account).toList());
    }

    @Test
    void forgettingKeepsTheSessionStillOpenAtTheHorizonAndDropsTheOnesItSupersedes() {
        IpHistory history = new IpHistory(64);
        history.logon(t("08:00"), "ann", "pc", "0x1"); // never logs off: bob's logon ends it
        history.logon(t("09:00"), "bob", "pc", "0x2"); // still on at the horizon
        history.logon(t("11:00"), "cat", "pc", "0x3");

        history.forgetBefore(t("10:00"));

        assertEquals(
                List.of("bob", "cat"),
                history.sessions().stream().map(IpHistory.Session::account).toList());
        assertEquals(Optional.of("bob"), who(history, "10:30"));
    }

    @Test
    void afterForgettingEveryMomentFromTheHorizonOnHasTheSameAnswer() {
        Random random = new Random(7);
        int kept = 0;
        int before = 0;
        for (int round = 0; round < 200; round++) {
            IpHistory full = new IpHistory(1_000);
            IpHistory pruned = new IpHistory(1_000);
            int minute = 0;
            for (int i = 0; i < 30; i++) {
                minute += 1 + random.nextInt(40);
                Instant at = t("00:00").plusSeconds(60L * minute);
                String account = "user" + random.nextInt(5);
                String logonId = "0x" + i;
                if (random.nextInt(3) == 0) {
                    full.logoff(at, account, "0x" + (i - 1));
                    pruned.logoff(at, account, "0x" + (i - 1));
                } else {
                    full.logon(at, account, "pc", logonId);
                    pruned.logon(at, account, "pc", logonId);
                }
            }
            Instant horizon = t("00:00").plusSeconds(60L * random.nextInt(Math.max(1, minute)));
            pruned.forgetBefore(horizon);
            for (int m = 0; m <= 60 * 24; m++) {
                Instant at = horizon.plusSeconds(60L * m);
                assertEquals(full.at(at), pruned.at(at), "at " + at + ", horizon " + horizon + ", round " + round);
            }
            kept += pruned.sessions().size();
            before += full.sessions().size();
        }
        assertTrue(
                kept < before * 3 / 4,
                "forgetting must drop the past before a random horizon: kept " + kept + " of " + before);
    }
}
