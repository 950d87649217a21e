package org.trustwatch.workload.plant;

import static org.trustwatch.workload.plant.Category.MISDIRECTED_EMAIL;
import static org.trustwatch.workload.plant.Category.SELF_REPORTED;
import static org.trustwatch.workload.plant.Plot.min;

import java.util.List;
import org.trustwatch.workload.logs.MailMessage;
import org.trustwatch.workload.trust.OutsideDomains;
import org.trustwatch.workload.trust.Person;

/**
 * C03: (a) a transfer list sent to a slip of the council's domain, which the school mailed five times that morning;
 * (b) a behaviour plan sent to the wrong parent and recalled 18 minutes later, and reported (C18); (c) a trip letter
 * showing 11 parents' addresses in To and Cc (Postfix logs those headers). Near misses: an apology 75 minutes after
 * the message (the window is 60), and a letter showing 9 parents.
 */
final class MisdirectedEmailPlanter {

    private MisdirectedEmailPlanter() {}

    static List<Scenario> scenarios() {
        return List.of(
                Scenario.of("mail to a slip of a known domain", MISDIRECTED_EMAIL, MisdirectedEmailPlanter::typo),
                Scenario.of("message recalled", MISDIRECTED_EMAIL, MisdirectedEmailPlanter::recall),
                Scenario.postfix("parents visible in To and Cc", MISDIRECTED_EMAIL, MisdirectedEmailPlanter::visible));
    }

    private static void typo(Plot p) {
        Person teacher = p.actors().teacher();
        Stage.teacherDay(p, teacher);
        String council = p.d().trust().councilDomain();
        // the school knows the council's domain from its own mail: five messages this morning
        long first = p.at(8, 30);
        for (int i = 0; i < 5; i++) {
            Person c = Stage.colleague(p, teacher, i);
            p.logs()
                    .mail()
                    .message(Stage.mail(
                            p, first + min(15L * i), c, List.of("attendance@" + council), "Attendance return", 40_000));
        }
        long sent = p.at(11, 40);
        String wrong = "admissions@" + OutsideDomains.typoOf(council);
        p.logs()
                .mail()
                .message(Stage.mail(p, sent, teacher, List.of(wrong), "Pupil data: Year 6 transfer list", 180_000));
        p.incident(
                MISDIRECTED_EMAIL,
                teacher.userId(),
                sent,
                "C03.lookalike-domain",
                "sent to " + wrong + ", a slip of the council's " + council);
    }

    private static void recall(Plot p) {
        Person teacher = p.actors().teacher();
        Stage.teacherDay(p, teacher);
        List<String> parents = Stage.parents(p, 2, false);
        long sent = p.at(13, 25);
        MailMessage m =
                Stage.mail(p, sent, teacher, List.of(parents.get(0)), "Behaviour plan and meeting notes", 95_000);
        p.logs().mail().message(m);
        long recall = sent + min(18);
        p.logs()
                .mail()
                .message(Stage.mail(
                        p,
                        recall,
                        teacher,
                        List.of(parents.get(0)),
                        "Recall: Behaviour plan and meeting notes",
                        12_000));
        long reported = recall + min(7);
        p.logs()
                .reports()
                .report(
                        reported,
                        teacher.userId(),
                        p.school().id(),
                        "misdirected_email",
                        "I sent another pupil's behaviour plan to the wrong parent and recalled it.",
                        null,
                        m.messageId(),
                        List.of(parents.get(0)),
                        true);
        p.incident(MISDIRECTED_EMAIL, teacher.userId(), sent, "C03.recall", "recalled 18 minutes after sending");
        p.incident(
                SELF_REPORTED, teacher.userId(), reported, "C18.self-report", "the sender's report of the same mail");

        Person late = p.actors().teacher();
        Stage.teacherDay(p, late);
        long letter = p.at(9, 10);
        p.logs().mail().message(Stage.mail(p, letter, late, List.of(parents.get(1)), "Trip letter", 60_000));
        p.logs()
                .mail()
                .message(Stage.mail(
                        p,
                        letter + min(75),
                        late,
                        List.of(parents.get(1)),
                        "Trip letter - please delete the earlier version",
                        61_000));
        p.nearMiss(MISDIRECTED_EMAIL, "an apology 75 minutes after the message (window 60 minutes)");
    }

    private static void visible(Plot p) {
        Person teacher = p.actors().teacher();
        Stage.teacherDay(p, teacher);
        List<String> parents = Stage.parents(p, 11, true);
        long sent = p.at(14, 10);
        p.logs()
                .mail()
                .message(Stage.mail(p, sent, teacher, parents.subList(0, 6), "Year 8 trip: pick-up times", 35_000)
                        .withCc(parents.subList(6, 11)));
        p.incident(
                MISDIRECTED_EMAIL,
                teacher.userId(),
                sent,
                "C03.visible-recipients",
                "11 parents' addresses visible in To and Cc");

        Person near = p.actors().teacher();
        Stage.teacherDay(p, near);
        p.logs()
                .mail()
                .message(Stage.mail(p, p.at(15, 5), near, parents.subList(0, 6), "Choir rehearsal", 20_000)
                        .withCc(parents.subList(6, 9)));
        p.nearMiss(MISDIRECTED_EMAIL, "9 parents' addresses visible (the limit is 10)");
    }
}
