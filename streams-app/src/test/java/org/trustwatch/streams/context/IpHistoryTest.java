package org.trustwatch.streams.context;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        history.forgetEndedBefore(t("09:45"));
        assertEquals(
                List.of("cat"),
                history.sessions().stream().map(IpHistory.Session::account).toList());
    }
}
