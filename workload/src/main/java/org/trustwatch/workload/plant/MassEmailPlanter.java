package org.trustwatch.workload.plant;

import static org.trustwatch.workload.plant.Category.DATA_DISCLOSURE;
import static org.trustwatch.workload.plant.Category.MASS_EMAIL;
import static org.trustwatch.workload.plant.Plot.min;

import java.util.List;
import org.trustwatch.workload.trust.Person;

/**
 * C13: one message to 60 parents (also 60 recipients of one subject within the hour, but one event is counted once,
 * so the incident keeps the rule that saw it first, the recipient count), a 3.5 MB attachment (over 2 MiB), and one subject
 * sent to 56 parents in 14 messages of four. C17 with C13: a 12 MB message marked OFFICIAL-SENSITIVE to the exam
 * board (a large sensitive message outside, and over the size limit). Near misses: 49 recipients, a 2,000,000-byte
 * message (under 2 MiB).
 */
final class MassEmailPlanter {

    private MassEmailPlanter() {}

    static List<Scenario> scenarios() {
        return List.of(
                Scenario.of("message to sixty parents", MASS_EMAIL, MassEmailPlanter::sixty),
                Scenario.of("attachment over the size limit", MASS_EMAIL, MassEmailPlanter::big),
                Scenario.of("one subject to many parents", MASS_EMAIL, MassEmailPlanter::campaign),
                Scenario.of("large sensitive message outside", DATA_DISCLOSURE, MassEmailPlanter::sensitive));
    }

    private static void sixty(Plot p) {
        Person teacher = p.actors().teacher();
        Stage.teacherDay(p, teacher);
        long sent = p.at(15, 50);
        p.logs()
                .mail()
                .message(Stage.mail(p, sent, teacher, List.of(teacher.email()), "Year 7 trip: coach times", 45_000)
                        .withBcc(Stage.parents(p, 60, false)));
        p.incident(
                MASS_EMAIL,
                teacher.userId(),
                sent,
                "C13.mass-message",
                "one message to 60 parents in Bcc (also 60 recipients of one subject: the same event, counted once)");

        Person near = p.actors().teacher();
        Stage.teacherDay(p, near);
        p.logs()
                .mail()
                .message(Stage.mail(p, p.at(15, 55), near, List.of(near.email()), "Year 9 options evening", 40_000)
                        .withBcc(Stage.parents(p, 49, false)));
        p.nearMiss(MASS_EMAIL, "one message to 49 parents (50 are needed)");
    }

    private static void big(Plot p) {
        Person teacher = p.actors().teacher();
        Stage.teacherDay(p, teacher);
        long sent = p.at(11, 50);
        p.logs()
                .mail()
                .message(Stage.mail(
                        p,
                        sent,
                        teacher,
                        List.of(Stage.colleague(p, teacher, 0).email()),
                        "Photos from sports day",
                        3_500_000));
        p.incident(MASS_EMAIL, teacher.userId(), sent, "C13.mass-message", "3.5 MB message (the limit is 2 MiB)");

        Person near = p.actors().teacher();
        Stage.teacherDay(p, near);
        p.logs()
                .mail()
                .message(Stage.mail(
                        p,
                        p.at(14, 20),
                        near,
                        List.of(Stage.colleague(p, near, 1).email()),
                        "Scanned worksheets",
                        2_000_000));
        p.nearMiss(MASS_EMAIL, "a 2,000,000-byte message (2 MiB is 2,097,152)");
    }

    private static void campaign(Plot p) {
        Person teacher = p.actors().teacher();
        Stage.teacherDay(p, teacher);
        List<String> parents = Stage.parents(p, 56, false);
        long first = p.at(13, 5);
        for (int i = 0; i < 14; i++) {
            p.logs()
                    .mail()
                    .message(Stage.mail(
                            p,
                            first + min(3L * i),
                            teacher,
                            parents.subList(4 * i, 4 * i + 4),
                            "Parents evening booking",
                            25_000));
        }
        p.incident(MASS_EMAIL, teacher.userId(), first, "C13.campaign", "one subject to 56 parents in 40 minutes");
    }

    private static void sensitive(Plot p) {
        Person teacher = p.actors().teacher();
        Stage.teacherDay(p, teacher);
        long sent = p.at(10, 40);
        p.logs()
                .mail()
                .message(Stage.mail(
                                p,
                                sent,
                                teacher,
                                List.of("exams@aqa.org.uk"),
                                "[OFFICIAL-SENSITIVE] Access arrangements evidence",
                                12_000_000)
                        .withClassification("OFFICIAL-SENSITIVE"));
        p.incident(
                DATA_DISCLOSURE,
                teacher.userId(),
                sent,
                "C17.sensitive-message",
                "12 MB marked OFFICIAL-SENSITIVE to the exam board");
        p.incident(MASS_EMAIL, teacher.userId(), sent, "C13.mass-message", "the same message is over the 2 MiB limit");
    }
}
