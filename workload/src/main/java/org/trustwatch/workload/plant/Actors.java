package org.trustwatch.workload.plant;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.trustwatch.workload.activity.Reservations;
import org.trustwatch.workload.trust.Device;
import org.trustwatch.workload.trust.Person;
import org.trustwatch.workload.trust.School;

/**
 * Picks the people and devices a planted incident involves at one school on one day and reserves them, so no other
 * incident and no background activity touches them: every planted incident has its own subject, and what it plants
 * is all its people do that day.
 */
public final class Actors {

    /** Shared desktops are kept this long before and after a planted session. */
    private static final long MARGIN = 10 * 60_000L;

    private final School school;
    private final int day;
    private final Reservations reservations;
    private final List<Person> staff;
    private final List<Person> pupils;
    private final List<Device> desktops;

    Actors(School school, int day, Reservations reservations, SplittableRandom random) {
        this.school = school;
        this.day = day;
        this.reservations = reservations;
        // teachers only: the head, the DSL and the ICT technician have their own parts
        this.staff = shuffled(school.staff().subList(3, school.staff().size()), random);
        this.pupils = shuffled(school.pupils(), random);
        this.desktops = shuffled(school.desktops(), random);
    }

    /** A teacher no other incident involves today, with a laptop. */
    public Person teacher() {
        for (Person p : staff) {
            if (!reservations.reserved(day, p.userId())
                    && p.laptop() != null
                    && !reservations.gone(p.laptop().id(), day)) {
                reservations.reserve(day, p.userId());
                return p;
            }
        }
        throw new NotEnoughPeople(school.id() + " has no teacher left for another planted incident today");
    }

    /** A teacher whose laptop is encrypted or not, as the incident needs. */
    public Person teacherWithLaptop(boolean encrypted) {
        for (Person p : staff) {
            if (!reservations.reserved(day, p.userId())
                    && p.laptop() != null
                    && p.laptop().encrypted() == encrypted
                    && !reservations.gone(p.laptop().id(), day)) {
                reservations.reserve(day, p.userId());
                return p;
            }
        }
        return teacher();
    }

    /** A teacher the directory lists a personal address for. */
    public Person teacherWithPersonalAddress() {
        for (Person p : staff) {
            if (!reservations.reserved(day, p.userId()) && p.personalEmail() != null) {
                reservations.reserve(day, p.userId());
                return p;
            }
        }
        throw new NotEnoughPeople(school.id() + " has no teacher with a personal address left: use more --pupils");
    }

    public Person pupil() {
        for (Person p : pupils) {
            if (!reservations.reserved(day, p.userId())) {
                reservations.reserve(day, p.userId());
                return p;
            }
        }
        throw new NotEnoughPeople(school.id() + " has no pupil left for another planted incident today");
    }

    /** A pupil the directory lists a personal address for. */
    public Person pupilWithPersonalAddress() {
        for (Person p : pupils) {
            if (!reservations.reserved(day, p.userId()) && p.personalEmail() != null) {
                reservations.reserve(day, p.userId());
                return p;
            }
        }
        throw new NotEnoughPeople(school.id() + " has no pupil with a personal address left: use more --pupils");
    }

    /** The head: impersonated, never acting, so not reserved. */
    public Person head() {
        return school.head();
    }

    /** The ICT technician: acts alongside their normal day, so not reserved. */
    public Person ict() {
        return school.staff().get(2);
    }

    /** A shared desktop free from {@code from} to {@code to} (with a margin), taken for that time. */
    public Device desktop(long from, long to) {
        for (Device d : desktops) {
            if (!reservations.busy(d.id(), from - MARGIN, to + MARGIN, day)) {
                reservations.take(d.id(), from - MARGIN, to + MARGIN);
                return d;
            }
        }
        throw new NotEnoughPeople(school.id() + " has no desktop free for another planted incident: use more --pupils");
    }

    /** The device is away for good from today (lost, stolen). */
    public void gone(Device d) {
        reservations.goneFrom(d.id(), day);
    }

    /** The device is away today only. */
    public void awayToday(Device d, long from, long to) {
        reservations.take(d.id(), from, to);
    }

    private static <T> List<T> shuffled(List<T> list, SplittableRandom random) {
        List<T> out = new ArrayList<>(list);
        for (int i = out.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }

    /** The school is too small for the incidents planted in it. */
    public static final class NotEnoughPeople extends RuntimeException {
        NotEnoughPeople(String message) {
            super(message);
        }
    }
}
