package org.trustwatch.workload.plant;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.trustwatch.workload.activity.SchoolDay;

/** What the planted scenarios of one school leave behind: answers, near misses, exemptions. */
public final class PlantedAtSchool {

    private final List<Answer> answers = new ArrayList<>();
    private final List<Plot.NearMiss> nearMisses = new ArrayList<>();
    private final List<Exemption> exemptions = new ArrayList<>();

    /** Plants one scenario at a school on a day; its people and devices come from {@code actorRandom}. */
    public void plant(Scenario scenario, SchoolDay day, SplittableRandom actorRandom) {
        Actors actors = new Actors(day.school(), day.day().index(), day.reservations(), actorRandom);
        scenario.planting().plant(new Plot(day, actors, answers, nearMisses, exemptions));
    }

    public List<Answer> answers() {
        return answers;
    }

    public List<Plot.NearMiss> nearMisses() {
        return nearMisses;
    }

    public List<Exemption> exemptions() {
        return exemptions;
    }
}
