package org.trustwatch.workload.plant;

import static org.trustwatch.workload.plant.Category.ACCOUNT_SHARING;
import static org.trustwatch.workload.plant.Plot.min;

import java.util.List;
import org.trustwatch.workload.activity.Browsing;
import org.trustwatch.workload.activity.Sessions;
import org.trustwatch.workload.background.StaffRoutine;
import org.trustwatch.workload.trust.Device;
import org.trustwatch.workload.trust.Person;
import org.trustwatch.workload.web.Sites;

/**
 * C08: a teacher's account signed in at an IT-suite desktop for 25 minutes while the teacher is signed in at their
 * laptop in the staffroom (both sessions are the incident, the laptop's from the morning); a pupil at a teacher's
 * laptop while the teacher teaches in the IT suite (the pupil is the subject). Near miss: a teacher moving from
 * laptop to desktop with four minutes of overlap (more than five are needed).
 */
final class SharingPlanter {

    private SharingPlanter() {}

    static List<Scenario> scenarios() {
        return List.of(
                Scenario.of("one account in two places", ACCOUNT_SHARING, SharingPlanter::twoPlaces),
                Scenario.of("pupil at a teacher's laptop", ACCOUNT_SHARING, SharingPlanter::assignedDevice));
    }

    private static void twoPlaces(Plot p) {
        Person teacher = p.actors().teacher();
        long arrive = Stage.teacherDay(p, teacher);
        long on = p.at(13, 10);
        long off = on + min(25);
        Device desktop = p.actors().desktop(on, off);
        Sessions.Session s = Sessions.open(p.d(), teacher, desktop, on, 2, false);
        Browsing.stretch(p.d(), desktop.ip(), teacher.userId(), on + 60_000, off - 30_000, Sites.LESSON, 240);
        Sessions.close(p.d(), s, off);
        p.incident(
                ACCOUNT_SHARING,
                teacher.userId(),
                arrive,
                "C08.sessions",
                "signed in at an IT-suite desktop for 25 minutes while signed in at the staffroom laptop");

        Person mover = p.actors().teacher();
        long morning = p.at(7, 55);
        long desk = p.at(14, 0);
        StaffRoutine.quietDay(p.d(), mover, morning, desk + min(4));
        Device second = p.actors().desktop(desk, desk + min(50));
        Sessions.Session lesson = Sessions.open(p.d(), mover, second, desk, 2, false);
        Sessions.close(p.d(), lesson, desk + min(50));
        StaffRoutine.quietDay(p.d(), mover, desk + min(55), p.at(16, 10));
        p.nearMiss(ACCOUNT_SHARING, "a teacher's laptop and desktop sessions overlapping four minutes (five allowed)");
    }

    private static void assignedDevice(Plot p) {
        Person teacher = p.actors().teacher();
        Person pupil = p.actors().pupil();
        Device laptop = teacher.laptop();
        long morning = p.at(7, 45);
        long lessonStart = p.at(10, 0);
        long lessonEnd = lessonStart + min(50);
        StaffRoutine.quietDay(p.d(), teacher, morning, lessonStart - min(5));
        Device desktop = p.actors().desktop(lessonStart, lessonEnd);
        Sessions.Session taught = Sessions.open(p.d(), teacher, desktop, lessonStart, 2, false);
        Sessions.close(p.d(), taught, lessonEnd);
        long borrowed = lessonStart + min(15);
        Sessions.Session s = Sessions.open(p.d(), pupil, laptop, borrowed, 2, false);
        Browsing.stretch(p.d(), laptop.ip(), pupil.userId(), borrowed + 60_000, borrowed + min(19), Sites.LESSON, 180);
        Sessions.close(p.d(), s, borrowed + min(20));
        StaffRoutine.quietDay(p.d(), teacher, lessonEnd + min(5), p.at(16, 15));
        p.incident(
                ACCOUNT_SHARING,
                pupil.userId(),
                borrowed,
                "C08.sessions-assigned-device",
                "a pupil signed in at a teacher's laptop while the teacher taught in the IT suite");
    }
}
