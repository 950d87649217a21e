package org.trustwatch.workload.plant;

import static org.trustwatch.workload.plant.Category.SAFEGUARDING_CONTACT;

import java.util.List;
import org.trustwatch.workload.logs.MailHosts;
import org.trustwatch.workload.logs.MailMessage;
import org.trustwatch.workload.trust.Person;

/**
 * C14: a teacher writes to a pupil's personal address (the directory lists it), and another writes from their own
 * Gmail (the directory lists it) to a pupil's school address. Near miss: a teacher and a pupil writing between school
 * addresses, which is how they should (the background does it every day; one is planted here for the record).
 */
final class SafeguardingPlanter {

    private SafeguardingPlanter() {}

    static List<Scenario> scenarios() {
        return List.of(
                Scenario.of(
                        "teacher to a pupil's personal address", SAFEGUARDING_CONTACT, SafeguardingPlanter::toPersonal),
                Scenario.of(
                        "teacher's personal address to a pupil",
                        SAFEGUARDING_CONTACT,
                        SafeguardingPlanter::fromPersonal));
    }

    private static void toPersonal(Plot p) {
        Person teacher = p.actors().teacher();
        Person pupil = p.actors().pupilWithPersonalAddress();
        Stage.teacherDay(p, teacher);
        long sent = p.at(16, 5);
        p.logs()
                .mail()
                .message(Stage.mail(p, sent, teacher, List.of(pupil.personalEmail()), "Your coursework", 30_000));
        p.incident(
                SAFEGUARDING_CONTACT,
                teacher.userId(),
                sent,
                "C14.safeguarding-contact",
                "a teacher wrote to a pupil's personal address");

        Person near = p.actors().teacher();
        Stage.teacherDay(p, near);
        p.logs().mail().message(Stage.mail(p, p.at(15, 30), near, List.of(pupil.email()), "Your coursework", 30_000));
        p.nearMiss(SAFEGUARDING_CONTACT, "a teacher wrote to a pupil's school address");
    }

    private static void fromPersonal(Plot p) {
        Person teacher = p.actors().teacherWithPersonalAddress();
        Person pupil = p.actors().pupil();
        Stage.teacherDay(p, teacher);
        long sent = p.at(20, 15);
        String[] host = MailHosts.sender("gmail.com");
        p.logs()
                .mail()
                .message(MailMessage.received(
                        sent,
                        teacher.personalEmail(),
                        teacher.displayName(),
                        teacher.personalEmail(),
                        List.of(pupil.email()),
                        "Hi",
                        6_000,
                        host[0],
                        host[1],
                        "pass",
                        Long.toHexString(sent * 31 + 7) + "@mail.gmail.com"));
        p.incident(
                SAFEGUARDING_CONTACT,
                teacher.userId(),
                sent,
                "C14.safeguarding-contact",
                "a teacher wrote from their personal Gmail to a pupil, in the evening");
    }
}
