package org.trustwatch.workload.activity;

import java.util.SplittableRandom;
import org.trustwatch.workload.logs.SchoolLogs;
import org.trustwatch.workload.time.Day;
import org.trustwatch.workload.trust.Device;
import org.trustwatch.workload.trust.Person;
import org.trustwatch.workload.trust.School;
import org.trustwatch.workload.trust.Trust;

/**
 * Everything activity at one school on one day needs: the trust, the school, its logs, the day, what planted
 * incidents reserved, the scale, and a random source.
 */
public record SchoolDay(
        Trust trust,
        School school,
        SchoolLogs logs,
        Day day,
        Reservations reservations,
        Scale scale,
        SplittableRandom random) {

    /** A random time in [from, to). */
    public long between(long from, long to) {
        return to <= from ? from : from + random.nextLong(to - from);
    }

    /** A message id as the school's mail system makes them. */
    public String messageId() {
        return Long.toHexString(random.nextLong() | 0x1000000000000000L) + "@" + school.domain();
    }

    /** The laptop's host name or, without a usable laptop, the web mail gateway, as a mail client. */
    public String clientHost(Person p, boolean atHome) {
        if (atHome) {
            return "host-" + homeIp(p).replace('.', '-') + ".broadband.example.net";
        }
        Device laptop = usableLaptop(p);
        return laptop != null ? laptop.hostname() : "webmail." + school.domain();
    }

    public String clientIp(Person p, boolean atHome) {
        if (atHome) {
            return homeIp(p);
        }
        Device laptop = usableLaptop(p);
        return laptop != null ? laptop.ip() : school.webmailGatewayIp();
    }

    /** A member of staff's home broadband address: stable per person. */
    public String homeIp(Person p) {
        int h = p.userId().hashCode() & 0x7fffffff;
        return "86." + (h % 200 + 20) + "." + (h / 200 % 250 + 1) + "." + (h / 50000 % 250 + 1);
    }

    public Device usableLaptop(Person p) {
        Device laptop = p.laptop();
        return laptop == null || reservations.gone(laptop.id(), day.index()) ? null : laptop;
    }

    /** {@code TRUST\jsmith}-style account as Defender and Sysmon write it. */
    public String account(Person p) {
        return trust.adNetbios() + "\\" + p.userId();
    }
}
