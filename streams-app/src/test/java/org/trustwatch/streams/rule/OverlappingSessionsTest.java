package org.trustwatch.streams.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.Evidence;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.Role;
import org.trustwatch.streams.context.ReferenceIndex;
import org.trustwatch.streams.settings.Settings;
import org.trustwatch.streams.signal.Rules;
import org.trustwatch.streams.signal.Signal;

/**
 * C08 when an account's logons and logoffs come from endpoint partitions that drain at different paces: a session
 * whose logoff has not arrived yet is open only as far as every partition has reached.
 */
class OverlappingSessionsTest {

    private final OverlappingSessions engine = new OverlappingSessions();

    private static long at(String time) {
        return Instant.parse("2026-11-23T" + time + ":00Z").toEpochMilli();
    }

    private static Entry session(String phase, String time, String device, String location, String logonId) {
        long t = at(time);
        Evidence evidence = Evidence.newBuilder()
                .setTimestamp(Instant.ofEpochMilli(t))
                .setSource("endpoint")
                .setEventHash(device + phase + time)
                .setSummary(phase + " on " + device)
                .build();
        return new Entry(
                new Signal(
                        Rules.SESSIONS,
                        "jsmith",
                        t,
                        IncidentCategory.ACCOUNT_SHARING,
                        "WOH",
                        "jsmith",
                        Role.staff,
                        device + "|" + location + "|WOH|" + logonId + "|jsmith",
                        0,
                        phase,
                        0,
                        false,
                        null,
                        evidence),
                false);
    }

    private List<Firing> evaluate(long knownUntil, Entry... entries) {
        RuleContext context = new RuleContext(
                Settings.defaults(), new ReferenceIndex(), IncidentCategory.ACCOUNT_SHARING, "WOH", knownUntil);
        return engine.evaluate(new ArrayList<>(List.of(entries)), context);
    }

    // jsmith logs on in the staffroom at 09:00 and off at 09:02 (partition 0, the slower one while a backlog drains),
    // and in the library at 09:01; the library logon's partition has already reached 10:00.
    private final Entry staffroomLogon = session(Rules.LOGON, "09:00", "WOH-DT-1", "staffroom", "0x1");
    private final Entry libraryLogon = session(Rules.LOGON, "09:01", "WOH-DT-2", "library", "0x2");
    private final Entry laterLibraryEvent = session(Rules.LOGOFF, "10:00", "WOH-DT-2", "library", "0x2");

    @Test
    void aSessionWhoseLogoffIsStillOnItsWayIsOpenOnlyAsFarAsEveryPartitionHasReached() {
        // the staffroom's partition has reached 09:01: its 09:02 logoff has not arrived
        assertTrue(
                evaluate(at("09:01"), staffroomLogon, libraryLogon, laterLibraryEvent)
                        .isEmpty(),
                "no overlap is known beyond 09:01");
    }

    @Test
    void withoutTheBoundTheSameEntriesReportAnOverlapThatOrderedInputWouldNot() {
        assertEquals(
                2,
                evaluate(Long.MAX_VALUE, staffroomLogon, libraryLogon, laterLibraryEvent)
                        .size(),
                "the staffroom session taken as open until 10:00: the defect the bound removes");
        Entry staffroomLogoff = session(Rules.LOGOFF, "09:02", "WOH-DT-1", "staffroom", "0x1");
        assertTrue(
                evaluate(Long.MAX_VALUE, staffroomLogon, libraryLogon, staffroomLogoff, laterLibraryEvent)
                        .isEmpty(),
                "in time order the logoff is there: one minute of overlap, within the allowed five");
    }

    @Test
    void anOverlapEveryPartitionHasPassedIsReported() {
        assertEquals(
                2,
                evaluate(at("10:00"), staffroomLogon, libraryLogon, laterLibraryEvent)
                        .size());
    }
}
