package org.trustwatch.workload.plant;

import static org.trustwatch.workload.plant.Category.UNAUTHORISED_ACCESS;
import static org.trustwatch.workload.plant.Plot.min;
import static org.trustwatch.workload.plant.Plot.s;

import java.util.List;
import org.trustwatch.workload.logs.WinlogbeatLog;
import org.trustwatch.workload.time.Timetable;
import org.trustwatch.workload.trust.Device;
import org.trustwatch.workload.trust.Person;

/**
 * C07, all against the file server from a pupil's desktop: twelve wrong passwords for a teacher's account then the
 * right one (guessing, escalated by the success); six teachers' accounts tried from one desktop (spraying, subject
 * the desktop's address); a pupil signing in at the server's console over RDP, which only ICT may (and only for
 * three minutes, so it is not also two sessions at once); 22 denied share accesses. Near misses: nine wrong
 * passwords, four accounts tried.
 */
final class AccessPlanter {

    private AccessPlanter() {}

    static List<Scenario> scenarios() {
        return List.of(
                Scenario.of("password guessing then success", UNAUTHORISED_ACCESS, AccessPlanter::guessing),
                Scenario.of("password spraying", UNAUTHORISED_ACCESS, AccessPlanter::spraying),
                Scenario.of("pupil at the server console", UNAUTHORISED_ACCESS, AccessPlanter::roleNotAllowed),
                Scenario.of("share access denied", UNAUTHORISED_ACCESS, AccessPlanter::shareFailures));
    }

    private static void guessing(Plot p) {
        Person victim = p.actors().teacher();
        Stage.teacherDay(p, victim);
        Person attacker = p.actors().pupil();
        Device desktop = Stage.pupilInLesson(p, attacker, Timetable.P2);
        long first =
                Stage.lessonStart(p, Timetable.P2) + min(15) + s(p.d().random().nextInt(300));
        long success = tries(p, desktop, victim, first, 12) + s(25);
        WinlogbeatLog log = p.logs().endpoint();
        Device server = p.school().server();
        String id = log.newLogonId();
        log.logon(
                success,
                server,
                victim.userId(),
                3,
                id,
                desktop.ip(),
                desktop.hostname().toUpperCase());
        log.shareAccess(success + 300, server, victim.userId(), desktop.ip(), "Staff");
        log.logoff(success + min(6), server, victim.userId(), id, 3);
        p.incident(
                UNAUTHORISED_ACCESS,
                victim.userId(),
                first,
                "C07.guessing-then-success",
                "twelve wrong passwords from a pupil's desktop, then the right one");

        Person lucky = p.actors().teacher();
        Stage.teacherDay(p, lucky);
        Person other = p.actors().pupil();
        Device second = Stage.pupilInLesson(p, other, Timetable.P4);
        long near = Stage.lessonStart(p, Timetable.P4) + min(20);
        tries(p, second, lucky, near, 9);
        p.nearMiss(UNAUTHORISED_ACCESS, "nine wrong passwords for one account (ten are needed)");
    }

    private static void spraying(Plot p) {
        Person pupil = p.actors().pupil();
        Device desktop = Stage.pupilInLesson(p, pupil, Timetable.P3);
        long first =
                Stage.lessonStart(p, Timetable.P3) + min(12) + s(p.d().random().nextInt(300));
        for (int i = 0; i < 6; i++) {
            Person target = Stage.colleague(p, null, i);
            p.logs()
                    .endpoint()
                    .failedLogon(
                            first + s(55L * i),
                            p.school().server(),
                            target.userId(),
                            3,
                            desktop.ip(),
                            desktop.hostname().toUpperCase());
        }
        p.incident(
                UNAUTHORISED_ACCESS,
                "ip:" + desktop.ip(),
                first,
                "C07.spraying",
                "six teachers' accounts tried from one desktop in five minutes");

        Person near = p.actors().pupil();
        Device other = Stage.pupilInLesson(p, near, Timetable.P5);
        long t = Stage.lessonStart(p, Timetable.P5) + min(10);
        for (int i = 0; i < 4; i++) {
            p.logs()
                    .endpoint()
                    .failedLogon(
                            t + s(70L * i),
                            p.school().server(),
                            Stage.colleague(p, null, 6 + i).userId(),
                            3,
                            other.ip(),
                            other.hostname().toUpperCase());
        }
        p.nearMiss(UNAUTHORISED_ACCESS, "four accounts tried from one desktop (five are needed)");
    }

    private static void roleNotAllowed(Plot p) {
        Person pupil = p.actors().pupil();
        Device desktop = Stage.pupilInLesson(p, pupil, Timetable.P4);
        long t = Stage.lessonStart(p, Timetable.P4) + min(25) + s(p.d().random().nextInt(300));
        WinlogbeatLog log = p.logs().endpoint();
        Device server = p.school().server();
        String id = log.newLogonId();
        log.logon(
                t,
                server,
                pupil.userId(),
                10,
                id,
                desktop.ip(),
                desktop.hostname().toUpperCase());
        log.logoff(t + min(3), server, pupil.userId(), id, 10);
        p.incident(
                UNAUTHORISED_ACCESS,
                pupil.userId(),
                t,
                "C07.role-not-allowed",
                "a pupil signed in over RDP at the file server, which only ICT may use");
    }

    private static void shareFailures(Plot p) {
        Person pupil = p.actors().pupil();
        Device desktop = Stage.pupilInLesson(p, pupil, Timetable.P1);
        long first =
                Stage.lessonStart(p, Timetable.P1) + min(18) + s(p.d().random().nextInt(300));
        String[] targets = {
            "Exams\\Y11 mock papers.docx",
            "Exams\\Y11 mock mark scheme.pdf",
            "HR\\Payroll.xlsx",
            "Safeguarding\\Log.xlsx"
        };
        for (int i = 0; i < 22; i++) {
            p.logs()
                    .endpoint()
                    .shareCheck(
                            first + s(12L * i),
                            p.school().server(),
                            pupil.userId(),
                            desktop.ip(),
                            "Staff",
                            targets[i % targets.length],
                            true);
        }
        p.incident(
                UNAUTHORISED_ACCESS,
                pupil.userId(),
                first,
                "C07.share-failures",
                "22 denied accesses to the staff share in four and a half minutes");
    }

    /** {@code n} wrong passwords for {@code victim} from the desktop, 15 s apart; returns the time of the last. */
    private static long tries(Plot p, Device desktop, Person victim, long first, int n) {
        long t = first;
        for (int i = 0; i < n; i++) {
            t = first + s(15L * i);
            p.logs()
                    .endpoint()
                    .failedLogon(
                            t,
                            p.school().server(),
                            victim.userId(),
                            3,
                            desktop.ip(),
                            desktop.hostname().toUpperCase());
        }
        return t;
    }
}
