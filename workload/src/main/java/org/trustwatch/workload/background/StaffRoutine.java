package org.trustwatch.workload.background;

import org.trustwatch.workload.activity.Browsing;
import org.trustwatch.workload.activity.SchoolDay;
import org.trustwatch.workload.activity.Sessions;
import org.trustwatch.workload.logs.WebRequest;
import org.trustwatch.workload.time.Day;
import org.trustwatch.workload.time.Timetable;
import org.trustwatch.workload.trust.Device;
import org.trustwatch.workload.trust.Person;
import org.trustwatch.workload.web.Sites;

/**
 * A member of staff's day at their laptop: signing in on arrival, work browsing all day, the screen locked when they
 * go to teach, a little personal browsing in the break, at lunch and after school, and signing out when they leave.
 * Planted incidents use the quiet version (no personal browsing) for the people they involve.
 */
public final class StaffRoutine {

    private StaffRoutine() {}

    /**
     * A normal working day. Personal browsing is capped well under the C15 limit of 60 minutes: at most 9 minutes in
     * the break, 18 at lunch, 8 after school and a 5-minute clip in a lesson, each a separate session.
     */
    public static void workday(SchoolDay d, Person p) {
        Device laptop = d.usableLaptop(p);
        if (laptop == null) {
            return;
        }
        Day day = d.day();
        boolean ict = p.role() == org.trustwatch.workload.trust.Role.ICT;
        long arrive = d.between(day.at(7, 25), day.at(8, 35));
        long leave = d.between(day.at(15, 40), day.at(ict ? 17 : 16, 55));
        Sessions.Session s = arrive(d, p, laptop, arrive);
        Browsing.stretch(
                d,
                laptop.ip(),
                p.userId(),
                arrive + 60_000,
                leave - 60_000,
                Sites.STAFF_WORK,
                d.scale().staffPageGapSeconds());
        personal(d, p, laptop);
        for (int i = 0; i < 2 + d.random().nextInt(3); i++) {
            var lesson = Timetable.LESSONS.get(d.random().nextInt(Timetable.LESSONS.size()));
            long lock = lesson.start(day) - d.random().nextInt(120_000);
            d.logs().endpoint().lock(lock, laptop, p.userId(), s.logonId(), true);
            d.logs().endpoint().lock(lock + 50 * 60_000L, laptop, p.userId(), s.logonId(), false);
        }
        peripherals(d, p, laptop, arrive, leave);
        documents(d, p, laptop, arrive, leave);
        Sessions.close(d, s, leave);
    }

    /**
     * A few documents saved to OneDrive: uploads of 0.1 to 1.5 MB, at most three a day, far under C17's 20 MB an hour
     * (OneDrive is in no category, so they count).
     */
    private static void documents(SchoolDay d, Person p, Device laptop, long arrive, long leave) {
        int n = d.random().nextInt(100) < 30 ? 1 + d.random().nextInt(3) : 0;
        for (int i = 0; i < n; i++) {
            long t = d.between(arrive + 300_000, leave - 300_000);
            WebRequest r = WebRequest.get(
                    t, laptop.ip(), p.userId(), Sites.ONEDRIVE, Sites.ONEDRIVE.paths()[0], 900);
            d.logs().proxy().request(r.as(WebRequest.Kind.BUMPED_CONNECT));
            d.logs().proxy().request(r.post(100_000 + d.random().nextInt(1_400_000)));
        }
    }

    /** Signs in at the laptop (a mistyped password now and then); the laptop checks in with the MDM. */
    public static Sessions.Session arrive(SchoolDay d, Person p, Device laptop, long at) {
        if (d.random().nextInt(100) < 3) {
            Sessions.typo(d, p, laptop, at - 15_000);
        }
        d.logs().mdm().checkIn(at + 90_000 + d.random().nextInt(600_000), laptop, laptop.ip());
        Sessions.Session s = Sessions.open(d, p, laptop, at, 2, true);
        Browsing.challenge(d, at + 30_000, laptop.ip(), Sites.LOGIN);
        return s;
    }

    /**
     * A day with only work at the laptop, from {@code arrive} to {@code leave}: what planted incidents give their
     * people around what they plant. Returns the session, already closed at {@code leave}.
     */
    public static Sessions.Session quietDay(SchoolDay d, Person p, long arrive, long leave) {
        return quietDay(d, p, arrive, leave, leave, leave);
    }

    /** A quiet day with no browsing between {@code pauseFrom} and {@code pauseTo} (teaching, the laptop locked). */
    public static Sessions.Session quietDay(
            SchoolDay d, Person p, long arrive, long leave, long pauseFrom, long pauseTo) {
        Device laptop = p.laptop();
        Sessions.Session s = arrive(d, p, laptop, arrive);
        int gap = d.scale().staffPageGapSeconds();
        Browsing.stretch(
                d,
                laptop.ip(),
                p.userId(),
                arrive + 60_000,
                Math.min(pauseFrom, leave - 60_000),
                Sites.STAFF_WORK,
                gap);
        Browsing.stretch(d, laptop.ip(), p.userId(), pauseTo, leave - 60_000, Sites.STAFF_WORK, gap);
        Sessions.close(d, s, leave);
        return s;
    }

    private static void personal(SchoolDay d, Person p, Device laptop) {
        Day day = d.day();
        if (d.random().nextInt(100) < 50) {
            long start = Timetable.BREAK.start(day) + 60_000L * (1 + d.random().nextInt(4));
            Browsing.session(d, laptop.ip(), p.userId(), start, 3 + d.random().nextInt(7), Sites.PERSONAL);
        }
        if (d.random().nextInt(100) < 60) {
            long start = Timetable.LUNCH.start(day) + 60_000L * (5 + d.random().nextInt(11));
            Browsing.session(d, laptop.ip(), p.userId(), start, 5 + d.random().nextInt(14), Sites.PERSONAL);
        }
        if (d.random().nextInt(100) < 25) {
            long start = day.at(15, 20) + 60_000L * d.random().nextInt(20);
            Browsing.session(d, laptop.ip(), p.userId(), start, 3 + d.random().nextInt(6), Sites.PERSONAL);
        }
        if (d.random().nextInt(100) < 20) {
            var lesson = Timetable.LESSONS.get(d.random().nextInt(Timetable.LESSONS.size()));
            long start = lesson.start(day) + 60_000L * (10 + d.random().nextInt(20));
            Browsing.session(
                    d, laptop.ip(), p.userId(), start, 2 + d.random().nextInt(4), java.util.List.of(Sites.YOUTUBE));
        }
    }

    /** A mouse or keyboard plugged in, a school-issued stick with lesson files written to it. */
    private static void peripherals(SchoolDay d, Person p, Device laptop, long arrive, long leave) {
        var log = d.logs().endpoint();
        if (d.random().nextInt(100) < 4) {
            long t = d.between(arrive + 600_000, leave - 600_000);
            log.deviceConnected(t, laptop, "HID\\VID_046D&PID_C077\\7&2B5D1F0&0&0000", "USB Optical Mouse", "Mouse");
        }
        if (d.random().nextInt(100) < 6) {
            Device stick = d.school()
                    .sticks()
                    .get(d.random().nextInt(d.school().sticks().size()));
            long t = d.between(arrive + 600_000, leave - 900_000);
            log.deviceConnected(t, laptop, stick.serial(), "Kingston IronKey D300", "DiskDrive");
            String[] files = {
                "E:\\Lesson presentation week 12.pptx", "E:\\Year 8 worksheet.docx", "E:\\Trip photos\\IMG_2041.jpg"
            };
            log.fileCreated(t + 60_000, laptop, p.userId(), files[d.random().nextInt(files.length)]);
        }
    }
}
