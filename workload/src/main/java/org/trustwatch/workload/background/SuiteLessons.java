package org.trustwatch.workload.background;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.trustwatch.workload.activity.Browsing;
import org.trustwatch.workload.activity.SchoolDay;
import org.trustwatch.workload.activity.Sessions;
import org.trustwatch.workload.logs.MailMessage;
import org.trustwatch.workload.time.Day;
import org.trustwatch.workload.time.Timetable;
import org.trustwatch.workload.trust.Device;
import org.trustwatch.workload.trust.Person;
import org.trustwatch.workload.web.Site;
import org.trustwatch.workload.web.Sites;

/**
 * Pupils in the IT suites: most lessons a form group has each suite, one pupil per desktop, signing in a few minutes
 * after the bell and out just before the next; at lunch the first suite is open as a library, after school the last
 * one hosts a coding club. A pupil is in one place at a time and every session ends (catalogue C08).
 */
public final class SuiteLessons {

    private SuiteLessons() {}

    /** What pupils open at lunch: their lesson sites and a few games (well under C05's 20 an hour). */
    private static final List<Site> LUNCH = List.of(
            Sites.BITESIZE,
            Sites.GOOGLE,
            Sites.YOUTUBE,
            Sites.WIKIPEDIA,
            Sites.GAMES,
            Sites.OAK,
            Sites.QUIZLET,
            Sites.SENECA,
            Sites.OFFICE,
            Sites.MATHS);

    public static void day(SchoolDay d) {
        Day day = d.day();
        List<List<Person>> forms = d.school().forms();
        for (Timetable.Period lesson : Timetable.LESSONS) {
            List<Integer> order = shuffled(d, forms.size());
            int next = 0;
            for (List<Device> suite : d.school().suites()) {
                if (next >= order.size() || d.random().nextInt(100) >= 85) {
                    continue;
                }
                List<Person> form = forms.get(order.get(next++));
                session(d, suite, form, lesson.start(day), lesson.end(day), Sites.LESSON, false);
            }
        }
        List<Person> everyone = new ArrayList<>(d.school().pupils());
        List<Device> library = d.school().suites().get(0);
        List<Person> lunch = sample(d, everyone, library.size() * 2 / 5);
        session(
                d,
                library,
                lunch,
                Timetable.LUNCH.start(day) + 300_000,
                Timetable.LUNCH.end(day) - 300_000,
                LUNCH,
                true);
        List<Device> club = d.school().suites().get(d.school().suites().size() - 1);
        List<Person> coders = sample(d, everyone, club.size() / 2);
        session(d, club, coders, Timetable.CLUB.start(day), Timetable.CLUB.end(day), Sites.LESSON, false);
    }

    /** One sitting of a suite: each free desktop gets the next free pupil of the group. */
    private static void session(
            SchoolDay d,
            List<Device> suite,
            List<Person> group,
            long start,
            long end,
            List<Site> sites,
            boolean lunchtime) {
        int p = 0;
        for (Device desktop : suite) {
            if (d.reservations()
                    .busy(desktop.id(), start - 300_000, end + 300_000, d.day().index())) {
                continue;
            }
            while (p < group.size()
                    && d.reservations().reserved(d.day().index(), group.get(p).userId())) {
                p++;
            }
            if (p >= group.size()) {
                return;
            }
            Person pupil = group.get(p++);
            long on = start + 60_000 + d.random().nextInt(240_000);
            long off = end - d.random().nextInt(180_000) - 20_000;
            if (d.random().nextInt(100) < 3) {
                Sessions.typo(d, pupil, desktop, on - 20_000);
            }
            Sessions.Session s = Sessions.open(d, pupil, desktop, on, 2, true);
            Browsing.challenge(d, on + 25_000, desktop.ip(), Sites.LOGIN);
            int gap =
                    lunchtime ? d.scale().pupilPageGapSeconds() * 2 : d.scale().pupilPageGapSeconds();
            Browsing.stretch(d, desktop.ip(), pupil.userId(), on + 30_000, off - 15_000, sites, gap);
            if (!lunchtime && d.random().nextInt(100) < 2) {
                homeworkMail(d, pupil, desktop, d.between(on + 120_000, off - 120_000));
            }
            Sessions.close(d, s, off);
        }
    }

    /** A pupil sends their teacher a piece of work from the school account. */
    private static void homeworkMail(SchoolDay d, Person pupil, Device desktop, long t) {
        List<Person> staff = d.school().staff();
        Person teacher = staff.get(3 + d.random().nextInt(staff.size() - 3));
        d.logs()
                .mail()
                .message(MailMessage.sent(
                        t,
                        pupil.userId(),
                        pupil.email(),
                        desktop.hostname(),
                        desktop.ip(),
                        List.of(teacher.email()),
                        "Homework: " + (d.random().nextBoolean() ? "history essay" : "maths task"),
                        40_000 + d.random().nextInt(400_000),
                        d.messageId()));
    }

    private static List<Integer> shuffled(SchoolDay d, int n) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        for (int i = n - 1; i > 0; i--) {
            int j = d.random().nextInt(i + 1);
            Integer t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        return order;
    }

    private static List<Person> sample(SchoolDay d, List<Person> from, int n) {
        Set<Integer> picked = new HashSet<>();
        List<Person> out = new ArrayList<>();
        while (out.size() < Math.min(n, from.size())) {
            int i = d.random().nextInt(from.size());
            if (picked.add(i)) {
                out.add(from.get(i));
            }
        }
        return out;
    }
}
