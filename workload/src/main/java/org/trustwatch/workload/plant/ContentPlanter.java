package org.trustwatch.workload.plant;

import static org.trustwatch.workload.plant.Category.INAPPROPRIATE_CONTENT;
import static org.trustwatch.workload.plant.Plot.min;
import static org.trustwatch.workload.plant.Plot.s;

import java.util.List;
import org.trustwatch.workload.time.Timetable;
import org.trustwatch.workload.trust.Device;
import org.trustwatch.workload.trust.Person;
import org.trustwatch.workload.web.Site;
import org.trustwatch.workload.web.Sites;

/**
 * C05: six blocked adult requests in three minutes (the burst is five in ten), one request to a terrorism site, one
 * to a self-harm forum, 22 games pages in a lunchtime (20 an hour). Near misses: four adult requests in ten
 * minutes, a teacher's 18 gambling pages in an hour, and Year 10's RE lesson on radicalisation, covered by an
 * exemption the head approved.
 */
final class ContentPlanter {

    private ContentPlanter() {}

    static List<Scenario> scenarios() {
        return List.of(
                Scenario.of("adult burst", INAPPROPRIATE_CONTENT, ContentPlanter::burst),
                Scenario.of("terrorism site", INAPPROPRIATE_CONTENT, ContentPlanter::critical),
                Scenario.of("self-harm forum", INAPPROPRIATE_CONTENT, ContentPlanter::selfHarm),
                Scenario.of("games at lunch", INAPPROPRIATE_CONTENT, ContentPlanter::games),
                Scenario.of("RE lesson on radicalisation (exempted)", INAPPROPRIATE_CONTENT, ContentPlanter::exempted));
    }

    private static void burst(Plot p) {
        Person pupil = p.actors().pupil();
        Device desktop = Stage.pupilInLesson(p, pupil, Timetable.P3);
        long first =
                Stage.lessonStart(p, Timetable.P3) + min(20) + s(p.d().random().nextInt(120));
        for (int i = 0; i < 6; i++) {
            Stage.request(p, first + s(35L * i), desktop, pupil, i % 2 == 0 ? Sites.ADULT : Sites.ADULT_2, "/", true);
        }
        p.incident(
                INAPPROPRIATE_CONTENT,
                pupil.userId(),
                first,
                "C05.burst",
                "six blocked adult requests in three minutes");

        Person near = p.actors().pupil();
        Device other = Stage.pupilInLesson(p, near, Timetable.P4);
        long t = Stage.lessonStart(p, Timetable.P4) + min(15);
        for (int i = 0; i < 4; i++) {
            Stage.request(p, t + s(140L * i), other, near, Sites.ADULT, "/", true);
        }
        p.nearMiss(INAPPROPRIATE_CONTENT, "four blocked adult requests in ten minutes (the burst is five)");
    }

    private static void critical(Plot p) {
        Person pupil = p.actors().pupil();
        Device desktop = Stage.pupilInLesson(p, pupil, Timetable.P2);
        long t = Stage.lessonStart(p, Timetable.P2) + min(25) + s(p.d().random().nextInt(300));
        Stage.request(p, t, desktop, pupil, Sites.TERRORISM, "/download", true);
        p.incident(
                INAPPROPRIATE_CONTENT,
                pupil.userId(),
                t,
                "C05.critical-content",
                "a request to a terrorism site (CTIRU list)");
    }

    private static void selfHarm(Plot p) {
        Person pupil = p.actors().pupil();
        Device desktop = Stage.pupilInLesson(p, pupil, Timetable.P5);
        long t = Stage.lessonStart(p, Timetable.P5) + min(30) + s(p.d().random().nextInt(300));
        Stage.request(p, t, desktop, pupil, Sites.SELF_HARM, "/threads", false);
        Stage.request(p, t + s(70), desktop, pupil, Sites.SAMARITANS, "/how-we-can-help", false);
        p.incident(
                INAPPROPRIATE_CONTENT, pupil.userId(), t, "C05.self-harm", "a pupil on a self-harm forum: for the DSL");
    }

    private static void games(Plot p) {
        Person pupil = p.actors().pupil();
        long on = Timetable.LUNCH.start(p.d().day()) + min(4);
        long off = Timetable.LUNCH.end(p.d().day()) - min(3);
        Device desktop = p.actors().desktop(on, off);
        Stage.sitting(p, pupil, desktop, on, off);
        long first = on + min(2);
        for (int i = 0; i < 22; i++) {
            Site site = i % 3 == 0 ? Sites.ROBLOX : Sites.GAMES;
            Stage.request(p, first + s(110L * i), desktop, pupil, site, site.paths()[i % site.paths().length], false);
        }
        p.incident(
                INAPPROPRIATE_CONTENT, pupil.userId(), first, "C05.leisure", "22 games pages in 40 minutes of lunch");

        Person teacher = p.actors().teacher();
        Stage.teacherDay(p, teacher);
        long bet = p.at(12, 15);
        for (int i = 0; i < 18; i++) {
            Stage.request(p, bet + s(150L * i), teacher.laptop(), teacher, Sites.GAMBLING, "/en/sports", false);
        }
        p.nearMiss(INAPPROPRIATE_CONTENT, "a teacher's 18 gambling pages in an hour (the limit is 20)");
    }

    private static void exempted(Plot p) {
        Timetable.Period lesson = Timetable.P2;
        long from = lesson.start(p.d().day());
        long to = lesson.end(p.d().day());
        p.exempt(
                "role:pupil",
                INAPPROPRIATE_CONTENT,
                "webcat:extremism",
                from,
                to,
                "Year 10 RE lesson on radicalisation, IT suite");
        for (int k = 0; k < 3; k++) {
            Person pupil = p.actors().pupil();
            Device desktop = Stage.pupilInLesson(p, pupil, lesson);
            long t = Stage.lessonStart(p, lesson) + min(10 + 3L * k);
            for (int i = 0; i < 6; i++) {
                Stage.request(
                        p,
                        t + s(40L * i),
                        desktop,
                        pupil,
                        Sites.EXTREMISM,
                        Sites.EXTREMISM.paths()[i % 2],
                        false);
            }
        }
        p.nearMiss(
                INAPPROPRIATE_CONTENT, "three pupils' extremism research in an RE lesson, under an approved exemption");
    }
}
