package org.trustwatch.workload.plant;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.trustwatch.workload.activity.SchoolDay;
import org.trustwatch.workload.logs.SchoolLogs;
import org.trustwatch.workload.trust.School;

/**
 * Where one planted scenario happens (a school on a school day) and what it leaves behind: the events it writes to
 * the school's logs, the incidents the correlation must raise (answers), the near misses it must not, and any
 * exemption the head approved for it. Planted events fall on whole seconds, which every format can write exactly.
 */
public final class Plot {

    private final SchoolDay day;
    private final Actors actors;
    private final List<Answer> answers;
    private final List<NearMiss> nearMisses;
    private final List<Exemption> exemptions;

    /** Something planted to come close to a rule without breaking it. */
    public record NearMiss(Category category, String schoolId, String what) {}

    Plot(SchoolDay day, Actors actors, List<Answer> answers, List<NearMiss> nearMisses, List<Exemption> exemptions) {
        this.day = day;
        this.actors = actors;
        this.answers = answers;
        this.nearMisses = nearMisses;
        this.exemptions = exemptions;
    }

    public SchoolDay d() {
        return day;
    }

    public Actors actors() {
        return actors;
    }

    public School school() {
        return day.school();
    }

    public SchoolLogs logs() {
        return day.logs();
    }

    /** A local time today, a few minutes later than asked so that planted incidents do not all start on the hour. */
    public long at(int hour, int minute) {
        return day.day().at(hour, minute) + 1000L * day.random().nextInt(300);
    }

    /** Seconds as milliseconds, for offsets between planted events. */
    public static long s(long seconds) {
        return seconds * 1000;
    }

    public static long min(long minutes) {
        return minutes * 60_000;
    }

    /** The correlation must raise this incident (at this school). */
    public void incident(Category category, String subject, long firstSeen, String rule, String note) {
        answers.add(new Answer(category, school().id(), subject, firstSeen, rule, note));
    }

    public void nearMiss(Category category, String what) {
        nearMisses.add(new NearMiss(category, school().id(), what));
    }

    /** Records an exemption approved by the head for {@code from}..{@code to} (epoch millis) today. */
    public String exempt(String subject, Category category, String match, long from, long to, String reason) {
        String id = String.format(java.util.Locale.ROOT, "EX-%s-%03d", school().id(), exemptions.size() + 1);
        exemptions.add(new Exemption(
                id, school().id(), subject, category, match, local(from), local(to), school().headAddress(), reason));
        return id;
    }

    private String local(long millis) {
        ZoneId zone = day.day().zone();
        LocalDateTime t = LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(millis), zone);
        return t.toLocalDate() + "T" + String.format(java.util.Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }
}
