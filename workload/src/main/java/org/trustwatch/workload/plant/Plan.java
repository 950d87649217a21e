package org.trustwatch.workload.plant;

import java.util.ArrayList;
import java.util.List;
import org.trustwatch.workload.time.Day;
import org.trustwatch.workload.trust.Formats;
import org.trustwatch.workload.trust.School;

/**
 * Spreads the scenarios over the school days of the run: school by school, then day by day, each scenario in the
 * next slot that can hold it (the Postfix-only ones in schools that run Postfix), so a run of several schools and
 * days has incidents everywhere and one school-day is never asked for much more than its share.
 */
public final class Plan {

    private Plan() {}

    /** A scenario, its place in the list (its random stream), and where and when it is planted. */
    public record Assignment(int index, Scenario scenario, School school, Day day) {}

    public static List<Assignment> assign(List<Scenario> scenarios, List<School> schools, List<Day> days) {
        List<School> slotSchool = new ArrayList<>();
        List<Day> slotDay = new ArrayList<>();
        for (Day day : days) {
            if (day.schoolDay()) {
                for (School school : schools) {
                    slotSchool.add(school);
                    slotDay.add(day);
                }
            }
        }
        List<Assignment> out = new ArrayList<>();
        int cursor = 0;
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario scenario = scenarios.get(i);
            for (int tried = 0; tried < slotSchool.size(); tried++) {
                int slot = (cursor + tried) % slotSchool.size();
                School school = slotSchool.get(slot);
                if (!scenario.needsPostfix() || school.mailFormat() == Formats.POSTFIX) {
                    out.add(new Assignment(i, scenario, school, slotDay.get(slot)));
                    cursor = slot + 1;
                    break;
                }
            }
        }
        return out;
    }
}
