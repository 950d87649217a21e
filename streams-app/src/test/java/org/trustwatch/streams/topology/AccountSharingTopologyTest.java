package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustwatch.streams.topology.Events.at;
import static org.trustwatch.streams.topology.Events.exemption;
import static org.trustwatch.streams.topology.Events.logoff;
import static org.trustwatch.streams.topology.Events.logon;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;

/** C08 ACCOUNT_SHARING through the whole topology. */
class AccountSharingTopologyTest {

    private static final IncidentCategory C08 = IncidentCategory.ACCOUNT_SHARING;

    // ------------------------------------------------------------------ case 1: one account, two places at once

    @Test
    void oneAccountOnTwoDevicesAtDifferentLocationsForTwentyMinutesIsSharing() {
        try (Harness h = new Harness()) {
            h.send(
                    // WOH/staffroom
                    logon("09:00", "woh-lt-0001", "10.20.3.1", "jsmith", 2, "0xa1"),
                    // WOH/IT-suite-1
                    logon("09:10", "woh-pc-0001", "10.20.1.1", "jsmith", 2, "0xb1"),
                    logoff("09:30", "woh-pc-0001", "10.20.1.1", "jsmith", "0xb1"),
                    logoff("09:45", "woh-lt-0001", "10.20.3.1", "jsmith", "0xa1"));
            Incident i = h.only(C08);
            assertEquals("jsmith", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(2, i.getSeverity());
            assertEquals(2, i.getEventCount(), "both logons are the evidence");
            assertEquals(at("09:00"), i.getFirstSeen());
            assertEquals(at("09:10"), i.getLastSeen());
            assertFalse(i.getBreach());
            assertEquals(List.of(AlertRecipientRole.headteacher), i.getNotify());
            List<String> to = EventsA.addressesOf(h.alerts().get(0).getRecipients());
            assertEquals(List.of("head@woh.sch.uk"), to);
        }
    }

    @Test
    void devicesAtDifferentSchoolsAreApartAndTheHomeSchoolsHeadIsTold() {
        try (Harness h = new Harness()) {
            h.send(
                    logon("09:00", "gln-pc-0002", "10.30.1.2", "pbrown1", 2, "0xa2"),
                    logon("09:05", "htf-pc-0001", "10.40.1.1", "pbrown1", 10, "0xb2"),
                    logoff("09:40", "htf-pc-0001", "10.40.1.1", "pbrown1", "0xb2"));
            Incident i = h.only(C08);
            assertEquals("pbrown1", i.getSubject());
            assertEquals("GLN", i.getSchoolId());
            assertEquals(
                    List.of("head@glenmere.sch.uk"),
                    EventsA.addressesOf(h.alerts().get(0).getRecipients()));
        }
    }

    @Test
    void anOverlapOfFiveMinutesOrLessIsANearMiss() {
        try (Harness h = new Harness()) {
            h.send(
                    logon("09:00", "woh-lt-0001", "10.20.3.1", "jsmith", 2, "0xa1"),
                    logon("09:10", "woh-pc-0001", "10.20.1.1", "jsmith", 2, "0xb1"),
                    // the laptop session ends exactly 5 minutes into the overlap
                    logoff("09:15", "woh-lt-0001", "10.20.3.1", "jsmith", "0xa1"),
                    logoff("10:00", "woh-pc-0001", "10.20.1.1", "jsmith", "0xb1"));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void twoDevicesAtTheSameLocationAreANearMiss() {
        try (Harness h = new Harness()) {
            // WOH-PC-0001 and WOH-PC-0003 are both in WOH/IT-suite-1
            h.send(
                    logon("09:00", "woh-pc-0001", "10.20.1.1", "mjones", 2, "0xa3"),
                    logon("09:01", "woh-pc-0003", "10.20.1.3", "mjones", 2, "0xb3"),
                    logoff("10:00", "woh-pc-0003", "10.20.1.3", "mjones", "0xb3"),
                    logoff("10:00", "woh-pc-0001", "10.20.1.1", "mjones", "0xa3"));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void networkAndServiceLogonsOpenNoSession() {
        try (Harness h = new Harness()) {
            h.send(
                    logon("09:00", "woh-lt-0001", "10.20.3.1", "jsmith", 2, "0xa1"),
                    // a file-share (type 3) logon on the server is not a session
                    EventsA.remoteLogon("09:05", "woh-srv-0001", "jsmith", "10.20.3.1", 3, "0xc1"),
                    logoff("10:00", "woh-lt-0001", "10.20.3.1", "jsmith", "0xa1"));
            assertEquals(List.of(), h.incidents());
        }
    }

    // ------------------------------------------------------------------ case 2: someone else on an assigned device

    @Test
    void anotherAccountOnTheAssignedLaptopWhileItsOwnerIsLoggedOnElsewhereIsSharing() {
        try (Harness h = new Harness()) {
            h.send(
                    // mjones (assigned WOH-LT-0002) teaches in the IT suite
                    logon("09:00", "woh-pc-0002", "10.20.1.2", "mjones", 2, "0xa4"),
                    // jsmith uses mjones's laptop meanwhile
                    logon("09:10", "woh-lt-0002", "10.20.3.2", "jsmith", 2, "0xb4"),
                    logoff("09:40", "woh-pc-0002", "10.20.1.2", "mjones", "0xa4"));
            Incident i = h.only(C08);
            assertEquals("jsmith", i.getSubject(), "case 2: the account that used the device");
            assertEquals("WOH", i.getSchoolId());
            assertEquals(2, i.getSeverity());
            assertEquals(1, i.getEventCount());
            assertEquals("C08.sessions-assigned-device", i.getRuleId());
            assertEquals(at("09:10"), i.getFirstSeen());
        }
    }

    @Test
    void theOwnersOpenSessionCountsAtTheMomentOfTheForeignLogon() {
        try (Harness h = new Harness()) {
            // mjones never logs off (yet): the foreign logon alone shows the sharing
            h.send(
                    logon("09:00", "woh-pc-0002", "10.20.1.2", "mjones", 2, "0xa4"),
                    logon("09:10", "woh-lt-0002", "10.20.3.2", "jsmith", 2, "0xb4"));
            Incident i = h.only(C08);
            assertEquals("jsmith", i.getSubject());
        }
    }

    @Test
    void usingAnAssignedLaptopWhileItsOwnerIsNotLoggedOnIsANearMiss() {
        try (Harness h = new Harness()) {
            h.send(
                    logon("08:00", "woh-pc-0002", "10.20.1.2", "mjones", 2, "0xa4"),
                    logoff("09:00", "woh-pc-0002", "10.20.1.2", "mjones", "0xa4"),
                    logon("09:10", "woh-lt-0002", "10.20.3.2", "jsmith", 2, "0xb4"),
                    logoff("09:40", "woh-lt-0002", "10.20.3.2", "jsmith", "0xb4"),
                    logon("10:00", "woh-pc-0002", "10.20.1.2", "mjones", 2, "0xa5"),
                    logoff("10:30", "woh-pc-0002", "10.20.1.2", "mjones", "0xa5"));
            assertEquals(List.of(), h.incidents());
        }
    }

    // ------------------------------------------------------------------ exemptions

    @Test
    void anExemptedAccountRaisesNothingAndIsMarked() {
        try (Harness h = new Harness()) {
            // a shared exam-invigilation account approved for the morning
            h.reference(exemption("EX-T-C08", "WOH", "jsmith", C08, null, "08:00", "12:00"));
            h.send(
                    logon("09:00", "woh-lt-0001", "10.20.3.1", "jsmith", 2, "0xa1"),
                    logon("09:10", "woh-pc-0001", "10.20.1.1", "jsmith", 2, "0xb1"),
                    logoff("09:30", "woh-pc-0001", "10.20.1.1", "jsmith", "0xb1"),
                    logoff("09:45", "woh-lt-0001", "10.20.3.1", "jsmith", "0xa1"));
            assertEquals(List.of(), h.incidents(C08));
            assertEquals(4, h.exemptionIds().size(), "each logon and logoff is recorded as exempted");
            assertTrue(h.exemptionIds().stream().allMatch("EX-T-C08"::equals));
        }
    }
}
