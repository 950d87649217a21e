package org.trustwatch.workload.background;

import org.trustwatch.workload.activity.SchoolDay;
import org.trustwatch.workload.time.Day;
import org.trustwatch.workload.trust.Device;
import org.trustwatch.workload.trust.Person;

/**
 * What devices do without anybody: MDM check-ins (desktops morning and midday, laptops from home in the evening,
 * phones three times a day from the mobile network or the school Wi-Fi), and the deployment tool installing updates
 * as SYSTEM, which is no person's install (C11).
 */
public final class DeviceRoutine {

    private DeviceRoutine() {}

    static final String[][] DEPLOYED = {
        {"Google Chrome", "131.0.6778.86", "Google LLC"},
        {"Microsoft Teams Meeting Add-in for Microsoft Office", "1.24.25505", "Microsoft"},
        {"Microsoft Edge WebView2 Runtime", "131.0.2903.70", "Microsoft Corporation"},
        {"Zoom Workplace (64-bit)", "6.2.11", "Zoom Video Communications, Inc."}
    };

    public static void day(SchoolDay d) {
        Day day = d.day();
        int index = day.index();
        if (day.schoolDay()) {
            for (Device desktop : d.school().desktops()) {
                if (!d.reservations().gone(desktop.id(), index)) {
                    d.logs().mdm().checkIn(d.between(day.at(7, 0), day.at(7, 40)), desktop, desktop.ip());
                    d.logs().mdm().checkIn(d.between(day.at(12, 20), day.at(13, 40)), desktop, desktop.ip());
                }
            }
            int deployments = d.random().nextInt(3);
            for (int i = 0; i < deployments; i++) {
                Device desktop = d.school()
                        .desktops()
                        .get(d.random().nextInt(d.school().desktops().size()));
                String[] product = DEPLOYED[d.random().nextInt(DEPLOYED.length)];
                long t = d.between(day.at(6, 30), day.at(7, 20));
                if (!d.reservations().busy(desktop.id(), t - 60_000, t + 60_000, index)) {
                    d.logs().endpoint().install(t, desktop, null, product[0], product[1], product[2]);
                }
            }
        }
        for (Person p : d.school().staff()) {
            Device laptop = d.usableLaptop(p);
            if (laptop != null && !d.reservations().reserved(index, p.userId())) {
                d.logs().mdm().checkIn(d.between(day.at(19, 0), day.at(22, 30)), laptop, d.homeIp(p));
            }
        }
        for (Device phone : d.school().phones()) {
            if (d.reservations().gone(phone.id(), index)) {
                continue;
            }
            String mobile = mobileIp(phone);
            d.logs().mdm().checkIn(d.between(day.at(6, 45), day.at(7, 45)), phone, mobile);
            d.logs()
                    .mdm()
                    .checkIn(d.between(day.at(12, 0), day.at(13, 30)), phone, day.schoolDay() ? phone.ip() : mobile);
            d.logs().mdm().checkIn(d.between(day.at(19, 0), day.at(22, 0)), phone, mobile);
        }
    }

    /** The phone's address on its mobile network: stable per phone. */
    private static String mobileIp(Device phone) {
        int h = phone.id().hashCode() & 0x7fffffff;
        return "82.132." + (h % 250 + 1) + "." + (h / 250 % 250 + 1);
    }
}
