package org.trustwatch.workload.background;

import org.trustwatch.workload.activity.SchoolDay;
import org.trustwatch.workload.time.Day;
import org.trustwatch.workload.trust.Person;

/**
 * The ordinary activity of one school on one day, around what planted incidents reserved: on a school day every
 * member of staff who is in (a few are off each day) works at their laptop and mails, pupils use the IT suites, the
 * devices check in; at the weekend only some staff mail from home and the phones and laptops check in.
 */
public final class BackgroundDay {

    private BackgroundDay() {}

    public static void run(SchoolDay d) {
        Day day = d.day();
        DeviceRoutine.day(d);
        MailTraffic.spam(d);
        if (!day.schoolDay()) {
            MailTraffic.weekend(d);
            return;
        }
        for (Person p : d.school().staff()) {
            if (d.reservations().reserved(day.index(), p.userId()) || d.random().nextInt(100) < 4) {
                continue;
            }
            StaffRoutine.workday(d, p);
            MailTraffic.staffDay(d, p, day.at(7, 40), day.at(16, 30));
        }
        if (day.isFriday()
                && !d.reservations().reserved(day.index(), d.school().head().userId())) {
            MailTraffic.newsletter(
                    d, d.school().head(), day.at(15, 30) + d.random().nextInt(600_000));
        }
        SuiteLessons.day(d);
    }
}
