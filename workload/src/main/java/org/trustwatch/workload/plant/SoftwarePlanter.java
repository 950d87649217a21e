package org.trustwatch.workload.plant;

import static org.trustwatch.workload.plant.Category.UNAUTHORISED_SOFTWARE_OR_HARDWARE;
import static org.trustwatch.workload.plant.Plot.min;

import java.util.List;
import org.trustwatch.workload.trust.Device;
import org.trustwatch.workload.trust.Person;

/**
 * C11: a teacher installs Steam on their laptop; another plugs in a Bluetooth adapter (attributed to the account
 * signed in). Near misses: the ICT technician installing Audacity on a desktop, updates installed by the deployment
 * tool as SYSTEM (in the background every day), mice plugged in (background).
 */
final class SoftwarePlanter {

    private SoftwarePlanter() {}

    static List<Scenario> scenarios() {
        return List.of(
                Scenario.of("Steam installed", UNAUTHORISED_SOFTWARE_OR_HARDWARE, SoftwarePlanter::install),
                Scenario.of(
                        "Bluetooth adapter plugged in", UNAUTHORISED_SOFTWARE_OR_HARDWARE, SoftwarePlanter::hardware));
    }

    private static void install(Plot p) {
        Person teacher = p.actors().teacher();
        Stage.teacherDay(p, teacher);
        long t = p.at(12, 35);
        p.logs().endpoint().install(t, teacher.laptop(), teacher.userId(), "Steam", "2.10.91.91", "Valve Corporation");
        p.incident(
                UNAUTHORISED_SOFTWARE_OR_HARDWARE, teacher.userId(), t, "C11.install", "Steam installed by a teacher");

        long evening = p.at(16, 25);
        Device desktop = p.actors().desktop(evening, evening + min(10));
        p.logs()
                .endpoint()
                .install(evening, desktop, p.actors().ict().userId(), "Audacity 3.7.1", "3.7.1", "Audacity Team");
        p.nearMiss(UNAUTHORISED_SOFTWARE_OR_HARDWARE, "Audacity installed on a desktop by the ICT technician");
    }

    private static void hardware(Plot p) {
        Person teacher = p.actors().teacher();
        Stage.teacherDay(p, teacher);
        long t = p.at(14, 5);
        p.logs()
                .endpoint()
                .deviceConnected(
                        t,
                        teacher.laptop(),
                        "USB\\VID_0A12&PID_0001\\6&1F0B33A2&0&2",
                        "Generic Bluetooth Radio",
                        "Bluetooth");
        p.incident(
                UNAUTHORISED_SOFTWARE_OR_HARDWARE,
                teacher.userId(),
                t,
                "C11.external-device",
                "a Bluetooth adapter plugged into a school laptop");
    }
}
