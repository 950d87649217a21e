package org.trustwatch.workload.plant;

import static org.trustwatch.workload.plant.Category.FILTER_BYPASS;
import static org.trustwatch.workload.plant.Plot.min;
import static org.trustwatch.workload.plant.Plot.s;

import java.util.List;
import org.trustwatch.workload.time.Timetable;
import org.trustwatch.workload.trust.Device;
import org.trustwatch.workload.trust.Person;
import org.trustwatch.workload.web.Sites;

/**
 * C06: a web proxy the filter lets through, three blocked anonymisers in six minutes, the Tor Browser started on a
 * teacher's laptop, and a pupil pointing a desktop at their own proxy. Near miss: two blocked anonymisers in ten
 * minutes (three are needed).
 */
final class FilterBypassPlanter {

    private FilterBypassPlanter() {}

    static List<Scenario> scenarios() {
        return List.of(
                Scenario.of("anonymiser allowed", FILTER_BYPASS, FilterBypassPlanter::allowed),
                Scenario.of("anonymisers blocked", FILTER_BYPASS, FilterBypassPlanter::blocked),
                Scenario.of("Tor Browser started", FILTER_BYPASS, FilterBypassPlanter::tor),
                Scenario.of("proxy setting changed", FILTER_BYPASS, FilterBypassPlanter::proxySetting));
    }

    private static void allowed(Plot p) {
        Person pupil = p.actors().pupil();
        Device desktop = Stage.pupilInLesson(p, pupil, Timetable.P4);
        long t = Stage.lessonStart(p, Timetable.P4) + min(12) + s(p.d().random().nextInt(300));
        Stage.request(p, t, desktop, pupil, Sites.ANONYMISER, "/", false);
        Stage.request(p, t + s(50), desktop, pupil, Sites.ANONYMISER, "/", false);
        p.incident(FILTER_BYPASS, pupil.userId(), t, "C06.anonymiser-allowed", "a web proxy the filter let through");
    }

    private static void blocked(Plot p) {
        Person pupil = p.actors().pupil();
        Device desktop = Stage.pupilInLesson(p, pupil, Timetable.P1);
        long t = Stage.lessonStart(p, Timetable.P1) + min(30) + s(p.d().random().nextInt(300));
        Stage.request(p, t, desktop, pupil, Sites.ANONYMISER_2, "/en/proxy-list/", true);
        Stage.request(p, t + s(150), desktop, pupil, Sites.TOR, "/download/", true);
        Stage.request(p, t + s(360), desktop, pupil, Sites.ANONYMISER_2, "/en/proxy-list/", true);
        p.incident(
                FILTER_BYPASS, pupil.userId(), t, "C06.anonymiser-blocked", "three blocked anonymisers in six minutes");

        Person near = p.actors().pupil();
        Device other = Stage.pupilInLesson(p, near, Timetable.P5);
        long n = Stage.lessonStart(p, Timetable.P5) + min(20);
        Stage.request(p, n, other, near, Sites.ANONYMISER_2, "/en/proxy-list/", true);
        Stage.request(p, n + s(240), other, near, Sites.TOR, "/download/", true);
        p.nearMiss(FILTER_BYPASS, "two blocked anonymisers in ten minutes (three are needed)");
    }

    private static void tor(Plot p) {
        Person teacher = p.actors().teacher();
        Stage.teacherDay(p, teacher);
        long t = p.at(12, 30);
        p.logs()
                .endpoint()
                .process(
                        t,
                        teacher.laptop(),
                        teacher.userId(),
                        "C:\\Users\\" + teacher.userId() + "\\Desktop\\Tor Browser\\Browser\\firefox.exe",
                        "C:\\Windows\\explorer.exe");
        p.incident(
                FILTER_BYPASS, teacher.userId(), t, "C06.bypass-process", "the Tor Browser started on a school laptop");
    }

    private static void proxySetting(Plot p) {
        Person pupil = p.actors().pupil();
        Device desktop = Stage.pupilInLesson(p, pupil, Timetable.P3);
        long t = Stage.lessonStart(p, Timetable.P3) + min(8) + s(p.d().random().nextInt(300));
        p.logs().endpoint().proxyChanged(t, desktop, pupil.userId(), "127.0.0.1:8118");
        p.incident(
                FILTER_BYPASS, pupil.userId(), t, "C06.proxy-setting", "a pupil set the desktop's proxy to their own");
    }
}
