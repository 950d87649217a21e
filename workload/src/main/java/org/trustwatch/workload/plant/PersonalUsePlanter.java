package org.trustwatch.workload.plant;

import static org.trustwatch.workload.plant.Category.EXCESSIVE_PERSONAL_USE;

import java.util.List;
import org.trustwatch.workload.activity.Browsing;
import org.trustwatch.workload.trust.Person;
import org.trustwatch.workload.web.Sites;

/**
 * C15: a teacher spends a free period (40 minutes) and most of lunch (35 minutes) on social media, video and
 * shopping: over an hour of dwell in the working day. Near miss: 25 and 20 minutes, under the hour.
 */
final class PersonalUsePlanter {

    private PersonalUsePlanter() {}

    static List<Scenario> scenarios() {
        return List.of(Scenario.of("long personal browsing", EXCESSIVE_PERSONAL_USE, PersonalUsePlanter::plant));
    }

    private static void plant(Plot p) {
        Person teacher = p.actors().teacher();
        Stage.teacherDay(p, teacher);
        long first = p.at(9, 0);
        personal(p, teacher, first, 40);
        personal(p, teacher, p.at(12, 15), 35);
        p.incident(
                EXCESSIVE_PERSONAL_USE,
                teacher.userId(),
                first,
                "C15.personal-use",
                "about 70 minutes of social media, video and shopping in the working day");

        Person near = p.actors().teacher();
        Stage.teacherDay(p, near);
        personal(p, near, p.at(10, 52), 25);
        personal(p, near, p.at(12, 20), 20);
        p.nearMiss(EXCESSIVE_PERSONAL_USE, "about 45 minutes of personal browsing (the limit is 60)");
    }

    private static void personal(Plot p, Person teacher, long start, int minutes) {
        Browsing.session(p.d(), teacher.laptop().ip(), teacher.userId(), start, minutes, Sites.PERSONAL);
    }
}
