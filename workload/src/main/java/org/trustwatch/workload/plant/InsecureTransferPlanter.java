package org.trustwatch.workload.plant;

import static org.trustwatch.workload.plant.Category.INSECURE_TRANSFER;

import java.util.List;
import org.trustwatch.workload.trust.Person;

/**
 * C04: a message marked OFFICIAL-SENSITIVE delivered to the council without TLS (only Postfix shows TLS), and one
 * with the marking in its subject sent to a personal Gmail address (any mail system). Near misses: a marked message
 * to the council over TLS, and one labelled only OFFICIAL without TLS.
 */
final class InsecureTransferPlanter {

    private InsecureTransferPlanter() {}

    static List<Scenario> scenarios() {
        return List.of(
                Scenario.postfix("marked mail without TLS", INSECURE_TRANSFER, InsecureTransferPlanter::withoutTls),
                Scenario.of("marked mail to personal webmail", INSECURE_TRANSFER, InsecureTransferPlanter::webmail));
    }

    private static void withoutTls(Plot p) {
        String finance = "finance@" + p.d().trust().councilDomain();
        Person teacher = p.actors().teacher();
        Stage.teacherDay(p, teacher);
        long sent = p.at(10, 5);
        p.logs()
                .mail()
                .message(Stage.mail(p, sent, teacher, List.of(finance), "Pupil premium return", 240_000)
                        .withClassification("OFFICIAL-SENSITIVE")
                        .withoutTls());
        p.incident(
                INSECURE_TRANSFER,
                teacher.userId(),
                sent,
                "C04.insecure-transfer",
                "OFFICIAL-SENSITIVE to the council without TLS");

        Person tls = p.actors().teacher();
        Stage.teacherDay(p, tls);
        p.logs()
                .mail()
                .message(Stage.mail(p, p.at(11, 15), tls, List.of(finance), "Pupil premium query", 50_000)
                        .withClassification("OFFICIAL-SENSITIVE"));
        p.nearMiss(INSECURE_TRANSFER, "OFFICIAL-SENSITIVE to the council over TLS");

        Person official = p.actors().teacher();
        Stage.teacherDay(p, official);
        p.logs()
                .mail()
                .message(Stage.mail(p, p.at(14, 45), official, List.of(finance), "Lettings invoice", 30_000)
                        .withClassification("OFFICIAL")
                        .withoutTls());
        p.nearMiss(INSECURE_TRANSFER, "labelled OFFICIAL (not sensitive), delivered without TLS");
    }

    private static void webmail(Plot p) {
        Person teacher = p.actors().teacher();
        Stage.teacherDay(p, teacher);
        String home = teacher.personalEmail() != null
                ? teacher.personalEmail()
                : teacher.firstName().toLowerCase(java.util.Locale.ROOT) + "."
                        + teacher.lastName().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "")
                        + "77@gmail.com";
        long sent = p.at(15, 35);
        p.logs()
                .mail()
                .message(Stage.mail(
                                p,
                                sent,
                                teacher,
                                List.of(home),
                                "[OFFICIAL-SENSITIVE] Year 11 predicted grades",
                                310_000)
                        .withClassification("OFFICIAL-SENSITIVE"));
        p.incident(
                INSECURE_TRANSFER,
                teacher.userId(),
                sent,
                "C04.insecure-transfer",
                "marked mail sent to a personal Gmail address to work on at home");
    }
}
