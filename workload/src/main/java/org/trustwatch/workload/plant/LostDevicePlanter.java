package org.trustwatch.workload.plant;

import static org.trustwatch.workload.plant.Category.LOST_OR_STOLEN_DEVICE;
import static org.trustwatch.workload.plant.Category.SELF_REPORTED;
import static org.trustwatch.workload.plant.Plot.min;

import java.util.List;
import org.trustwatch.workload.background.StaffRoutine;
import org.trustwatch.workload.trust.Device;
import org.trustwatch.workload.trust.Person;

/**
 * C01: a laptop stolen at lunchtime that checks in with the MDM from outside the school after it was reported (lost
 * device in use), and a laptop left on a train, reported by its owner (C01 and C18), then recovered: its check-in
 * after the recovery is a near miss.
 */
final class LostDevicePlanter {

    private LostDevicePlanter() {}

    static List<Scenario> scenarios() {
        return List.of(
                Scenario.of("stolen laptop used after the report", LOST_OR_STOLEN_DEVICE, LostDevicePlanter::stolen),
                Scenario.of("lost laptop reported, then recovered", LOST_OR_STOLEN_DEVICE, LostDevicePlanter::lost));
    }

    private static void stolen(Plot p) {
        // an unencrypted laptop: its loss is a personal-data breach
        Person owner = p.actors().teacherWithLaptop(false);
        Device laptop = owner.laptop();
        StaffRoutine.quietDay(p.d(), owner, p.at(7, 45), p.at(12, 5));
        p.actors().gone(laptop);
        long report = p.at(13, 10);
        p.logs().mdm().action(report, laptop, "reported_stolen", null, owner.userId(), "Stolen from car at lunchtime");
        p.logs()
                .mdm()
                .action(
                        report + min(3),
                        laptop,
                        "lost_mode_enabled",
                        null,
                        p.actors().ict().userId(),
                        "Lost mode on, police reference given");
        long used = p.at(15, 40);
        p.logs().mdm().checkIn(used, laptop, "81.2.69." + (20 + (int) (used / 1000 % 200)));
        p.incident(
                LOST_OR_STOLEN_DEVICE,
                "device:" + laptop.id(),
                report,
                "C01.lost-device-in-use",
                "stolen at lunchtime; checked in from outside the school after the report");
    }

    private static void lost(Plot p) {
        Person owner = p.actors().teacher();
        Device laptop = owner.laptop();
        long midnight = p.d().day().midnight();
        p.actors().awayToday(laptop, midnight, midnight + 86_400_000L);
        long report = p.at(8, 20);
        p.logs()
                .reports()
                .report(
                        report,
                        owner.userId(),
                        p.school().id(),
                        "lost_device",
                        "I left my school laptop on the train this morning.",
                        laptop.id(),
                        null,
                        null,
                        true);
        p.logs()
                .mdm()
                .action(
                        report + min(25),
                        laptop,
                        "lost_mode_enabled",
                        null,
                        p.actors().ict().userId(),
                        "Lost mode on after the owner's report");
        long recovered = p.at(15, 20);
        p.logs()
                .mdm()
                .action(recovered, laptop, "recovered", null, owner.userId(), "Handed in at the station, collected");
        p.logs().mdm().checkIn(recovered + min(12), laptop, laptop.ip());
        p.incident(
                LOST_OR_STOLEN_DEVICE,
                "device:" + laptop.id(),
                report,
                "C01.lost-device",
                "left on a train, reported by its owner; recovered the same afternoon");
        p.incident(SELF_REPORTED, owner.userId(), report, "C18.self-report", "the owner's report of the lost laptop");
        p.nearMiss(LOST_OR_STOLEN_DEVICE, "the laptop checked in after it was recovered (no escalation)");
    }
}
