package org.trustwatch.workload.plant;

import static org.trustwatch.workload.plant.Category.HACKING_TOOLS;
import static org.trustwatch.workload.plant.Plot.min;

import java.util.List;
import org.trustwatch.workload.time.Timetable;
import org.trustwatch.workload.trust.Device;
import org.trustwatch.workload.trust.Person;

/**
 * C10: a pupil runs mimikatz from their Downloads folder. Near misses: the ICT technician's nmap (ICT may), and a
 * computing teacher's Wireshark demonstration under an exemption the head approved for the lesson.
 */
final class HackingToolPlanter {

    private HackingToolPlanter() {}

    static final String MIMIKATZ_SHA256 = "92804FAAAB2175DC501D73E814663058C78C0A042675A8937266357BCFB96C50";

    static List<Scenario> scenarios() {
        return List.of(Scenario.of("mimikatz run by a pupil", HACKING_TOOLS, HackingToolPlanter::plant));
    }

    private static void plant(Plot p) {
        Person pupil = p.actors().pupil();
        Device desktop = Stage.pupilInLesson(p, pupil, Timetable.P5);
        long t = Stage.lessonStart(p, Timetable.P5) + min(22);
        p.logs()
                .endpoint()
                .sysmonProcess(
                        t,
                        desktop,
                        pupil.userId(),
                        "C:\\Users\\" + pupil.userId() + "\\Downloads\\mimikatz.exe",
                        MIMIKATZ_SHA256);
        p.incident(HACKING_TOOLS, pupil.userId(), t, "C10.hacking-tool", "mimikatz run by a pupil");

        Person ict = p.actors().ict();
        p.logs()
                .endpoint()
                .process(
                        p.at(16, 30),
                        ict.laptop(),
                        ict.userId(),
                        "C:\\Program Files (x86)\\Nmap\\nmap.exe",
                        "C:\\Windows\\System32\\cmd.exe");
        p.nearMiss(HACKING_TOOLS, "nmap run by the ICT technician (ICT may)");

        Person teacher = p.actors().teacher();
        Stage.teacherDay(p, teacher);
        long from = Timetable.P3.start(p.d().day());
        long to = Timetable.P3.end(p.d().day());
        p.exempt(
                teacher.userId(),
                HACKING_TOOLS,
                null,
                from,
                to,
                "Computing lesson: how network traffic looks (Wireshark)");
        p.logs()
                .endpoint()
                .process(
                        from + min(12),
                        teacher.laptop(),
                        teacher.userId(),
                        "C:\\Program Files\\Wireshark\\Wireshark.exe",
                        "C:\\Windows\\explorer.exe");
        p.nearMiss(HACKING_TOOLS, "Wireshark in a computing lesson, under an approved exemption");
    }
}
