package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.trustwatch.streams.topology.Events.at;
import static org.trustwatch.streams.topology.Events.exemption;
import static org.trustwatch.streams.topology.EventsB.browsing;
import static org.trustwatch.streams.topology.EventsB.on;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.AlertDelivery;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;

/**
 * C15 EXCESSIVE_PERSONAL_USE: staff only; requests grouped into sessions with a 5-minute gap; a session's dwell is
 * last minus first request plus 1 min, clipped to 08:00-17:00 Europe/London; more than 60 min in a working day.
 * The demo day (23 November) is in GMT, so local time is UTC there.
 */
class PersonalUseTopologyTest {

    private static final IncidentCategory C15 = IncidentCategory.EXCESSIVE_PERSONAL_USE;
    private static final String IP = "10.20.1.10";

    @Test
    void sixtyFiveMinutesOfSocialMediaIsALowIncidentForTheWeeklyDigest() {
        try (Harness h = new Harness()) {
            // one session 09:00-10:04, dwell 64 + 1 = 65 min
            h.send(browsing("09:00", "10:04", 4, IP, "jsmith", "facebook.com", "social-networking"));
            Incident i = h.only(C15);
            assertEquals("jsmith", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(1, i.getSeverity());
            assertEquals(List.of(AlertRecipientRole.headteacher), i.getNotify());
            assertEquals(17, i.getEventCount(), "every request of the day");
            assertEquals(at("09:00"), i.getFirstSeen());
            assertEquals(at("10:04"), i.getLastSeen());
            assertEquals(1, h.alerts().size());
            assertEquals(AlertDelivery.digest, h.alerts().get(0).getDelivery());
        }
    }

    @Test
    void fiftyFiveMinutesIsANearMiss() {
        try (Harness h = new Harness()) {
            // 09:00-09:54, dwell 54 + 1 = 55 min
            h.send(browsing("09:00", "09:54", 3, IP, "jsmith", "youtube.com", "streaming"));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void sessionsOfTheDayAddUpAcrossCategories() {
        try (Harness h = new Harness()) {
            // 09:00-09:30 (31 min) + 13:00-13:30 (31 min) = 62 min
            h.send(browsing("09:00", "09:30", 3, IP, "jsmith", "facebook.com", "social-networking"));
            h.send(browsing("13:00", "13:30", 3, IP, "jsmith", "amazon.co.uk", "shopping"));
            Incident i = h.only(C15);
            assertEquals("jsmith", i.getSubject());
            assertEquals(22, i.getEventCount());
        }
    }

    @Test
    void aPauseOfFiveMinutesKeepsTheSessionALongerOneEndsIt() {
        try (Harness h = new Harness()) {
            // every 6 minutes: 21 sessions of 1 minute each = 21 min
            h.send(browsing("09:00", "11:00", 6, IP, "jsmith", "facebook.com", "social-networking"));
            assertEquals(List.of(), h.incidents());
        }
        try (Harness h = new Harness()) {
            // every 5 minutes: one session 09:00-10:00, 61 min
            h.send(browsing("09:00", "10:00", 5, IP, "jsmith", "facebook.com", "social-networking"));
            assertEquals(13, h.only(C15).getEventCount());
        }
    }

    @Test
    void onlyTheWorkingDayCounts() {
        try (Harness h = new Harness()) {
            // 07:30-08:27 counts from 08:00: 28 min; 16:30-17:30 counts until 17:00: 16:57 + 1 - 16:30 = 28 min; 56 min
            // in all
            h.send(browsing("07:30", "08:27", 3, IP, "jsmith", "facebook.com", "social-networking"));
            h.send(browsing("16:30", "17:30", 3, IP, "jsmith", "facebook.com", "social-networking"));
            h.send(browsing("18:00", "21:00", 3, IP, "jsmith", "netflix.com", "streaming"));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void theWorkingDayIsLondonTimeInSummerToo() {
        try (Harness h = new Harness()) {
            // 15 June, BST: 07:00-08:10 UTC is 08:00-09:10 local, 71 min of the working day
            h.send(browsing(
                    on("2026-06-15", "07:00"),
                    on("2026-06-15", "08:10"),
                    2,
                    IP,
                    "jsmith",
                    "facebook.com",
                    "social-networking"));
            assertEquals("jsmith", h.only(C15).getSubject());
        }
        try (Harness h = new Harness()) {
            // 16:00-17:10 UTC is 17:00-18:10 local: after work
            h.send(browsing(
                    on("2026-06-15", "16:00"),
                    on("2026-06-15", "17:10"),
                    2,
                    IP,
                    "jsmith",
                    "facebook.com",
                    "social-networking"));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void ictAccountsAreStaff() {
        try (Harness h = new Harness()) {
            h.send(browsing("09:00", "10:30", 3, "10.20.9.9", "ictadmin", "youtube.com", "streaming"));
            assertEquals("ictadmin", h.only(C15).getSubject());
        }
    }

    @Test
    void pupilsNeverRaiseIt() {
        try (Harness h = new Harness()) {
            h.send(browsing("09:00", "12:00", 2, "10.20.2.23", "22evanss0", "tiktok.com", "social-networking"));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void anExemptedSiteRaisesNothingAndIsMarked() {
        try (Harness h = new Harness()) {
            // the school's own Facebook page is run by jsmith
            h.reference(exemption("EX-TEST-015", "WOH", "jsmith", C15, "domain:facebook.com", "00:00", "23:59"));
            h.send(browsing("09:00", "11:00", 3, IP, "jsmith", "www.facebook.com", "social-networking"));
            assertEquals(List.of(), h.incidents());
            assertEquals(41, h.exemptionIds().size());
            assertEquals(
                    List.of("EX-TEST-015"), h.exemptionIds().stream().distinct().toList());
        }
    }
}
