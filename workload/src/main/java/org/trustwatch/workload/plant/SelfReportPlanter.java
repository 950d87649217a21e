package org.trustwatch.workload.plant;

import static org.trustwatch.workload.plant.Category.SELF_REPORTED;

import java.util.List;
import org.trustwatch.workload.trust.Person;

/** C18: a teacher reports a class list with medical notes left on the minibus (two more reports come with C01, C03). */
final class SelfReportPlanter {

    private SelfReportPlanter() {}

    static List<Scenario> scenarios() {
        return List.of(Scenario.of("paper records reported", SELF_REPORTED, SelfReportPlanter::plant));
    }

    private static void plant(Plot p) {
        Person teacher = p.actors().teacher();
        Stage.teacherDay(p, teacher);
        long t = p.at(15, 50);
        p.logs()
                .reports()
                .report(
                        t,
                        teacher.userId(),
                        p.school().id(),
                        "paper_records",
                        "Left a class list with medical notes on the minibus; the driver has it.",
                        null,
                        null,
                        null,
                        true);
        p.incident(SELF_REPORTED, teacher.userId(), t, "C18.self-report", "paper records left on the minibus");
    }
}
