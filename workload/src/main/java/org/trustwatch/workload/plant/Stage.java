package org.trustwatch.workload.plant;

import java.util.List;
import org.trustwatch.workload.activity.Browsing;
import org.trustwatch.workload.activity.Sessions;
import org.trustwatch.workload.background.StaffRoutine;
import org.trustwatch.workload.logs.MailMessage;
import org.trustwatch.workload.logs.WebRequest;
import org.trustwatch.workload.time.Timetable;
import org.trustwatch.workload.trust.Device;
import org.trustwatch.workload.trust.Person;
import org.trustwatch.workload.web.Site;
import org.trustwatch.workload.web.Sites;

/**
 * The ordinary parts of planted stories: a teacher's quiet day at their laptop, a pupil's sitting at a desktop, a web
 * request, a message. What is planted happens inside them.
 */
final class Stage {

    private Stage() {}

    /** A teacher at their laptop from about 07:50 to about 16:20; returns the time they signed in. */
    static long teacherDay(Plot p, Person t) {
        long arrive = p.at(7, 45);
        StaffRoutine.quietDay(p.d(), t, arrive, p.at(16, 15));
        return arrive;
    }

    /** A pupil at a desktop for a sitting, with lesson browsing; planted events go between {@code on} and {@code off}. */
    static Sessions.Session sitting(Plot p, Person pupil, Device desktop, long on, long off) {
        Sessions.Session s = Sessions.open(p.d(), pupil, desktop, on, 2, true);
        Browsing.challenge(p.d(), on + 25_000, desktop.ip(), Sites.LOGIN);
        Browsing.stretch(
                p.d(),
                desktop.ip(),
                pupil.userId(),
                on + 30_000,
                off - 15_000,
                Sites.LESSON,
                p.d().scale().pupilPageGapSeconds());
        Sessions.close(p.d(), s, off);
        return s;
    }

    /** A pupil in an IT suite for a lesson: the desktop taken, the sitting written; returns the desktop. */
    static Device pupilInLesson(Plot p, Person pupil, Timetable.Period lesson) {
        long on = lesson.start(p.d().day()) + Plot.min(2);
        long off = lesson.end(p.d().day()) - Plot.min(2);
        Device desktop = p.actors().desktop(on, off);
        sitting(p, pupil, desktop, on, off);
        return desktop;
    }

    /** The lesson's sign-in time of a pupil placed by {@link #pupilInLesson}. */
    static long lessonStart(Plot p, Timetable.Period lesson) {
        return lesson.start(p.d().day()) + Plot.min(2);
    }

    /** One planted request (after the CONNECT Squid logs for bumped TLS), allowed or blocked. */
    static void request(Plot p, long t, Device from, Person user, Site site, String path, boolean blocked) {
        WebRequest r = WebRequest.get(t, from.ip(), user.userId(), site, path, 30_000 + (t / 1000 % 20_000));
        p.logs().proxy().request(r.as(WebRequest.Kind.BUMPED_CONNECT));
        p.logs().proxy().request(blocked ? r.blocked() : r);
    }

    /** An upload of {@code bytes} in one POST. */
    static void upload(Plot p, long t, Device from, Person user, Site site, long bytes) {
        WebRequest r = WebRequest.get(t, from.ip(), user.userId(), site, site.paths()[0], 512);
        p.logs().proxy().request(r.as(WebRequest.Kind.BUMPED_CONNECT));
        p.logs().proxy().request(r.post(bytes));
    }

    /** A message a member of staff sends from their laptop. */
    static MailMessage mail(Plot p, long t, Person from, List<String> to, String subject, long size) {
        return MailMessage.sent(
                t,
                from.userId(),
                from.email(),
                p.d().clientHost(from, false),
                p.d().clientIp(from, false),
                to,
                subject,
                size,
                p.d().messageId());
    }

    /** Distinct parents' addresses of the school, shortest first (Postfix logs only 200 characters of a header). */
    static List<String> parents(Plot p, int n, boolean shortest) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        p.school().pupils().forEach(pupil -> all.add(pupil.parentEmail()));
        List<String> list = new java.util.ArrayList<>(all);
        if (shortest) {
            list.sort(java.util.Comparator.comparingInt(String::length).thenComparing(s -> s));
        }
        if (list.size() < n) {
            throw new Actors.NotEnoughPeople(
                    p.school().id() + " has " + list.size() + " families, " + n + " are needed: use more --pupils");
        }
        return List.copyOf(list.subList(0, n));
    }

    /**
     * The {@code k}-th colleague who is not part of another planted incident today (not reserved: they go on with
     * their day).
     */
    static Person colleague(Plot p, Person not, int k) {
        int seen = 0;
        for (Person c : p.school().staff().subList(3, p.school().staff().size())) {
            if (c != not && !p.d().reservations().reserved(p.d().day().index(), c.userId()) && seen++ == k) {
                return c;
            }
        }
        return p.school().dsl();
    }
}
