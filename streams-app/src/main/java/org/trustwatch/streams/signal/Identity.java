package org.trustwatch.streams.signal;

import java.util.Locale;
import java.util.Optional;
import org.trustwatch.schema.DeviceRecord;
import org.trustwatch.schema.DirectoryEntry;
import org.trustwatch.schema.Role;
import org.trustwatch.schema.School;
import org.trustwatch.streams.context.ReferenceIndex;

/**
 * Who did something, as far as the event and the reference data tell: an account (and the person behind it), a
 * device, an address. Gives the catalogue's subject and the school of an incident (the person's home school, else
 * the device's, else the school whose networks hold the address).
 */
public record Identity(String account, DirectoryEntry person, DeviceRecord device, String host, String ip) {

    /** Accounts that are not a person: Windows' built-in service identities, machine accounts, empty names. */
    public static boolean isPersonAccount(String account) {
        if (account == null || account.isBlank() || account.equals("-") || account.endsWith("$")) {
            return false;
        }
        String name = bare(account).toUpperCase(Locale.ROOT);
        return !(name.equals("SYSTEM")
                || name.equals("LOCAL SERVICE")
                || name.equals("NETWORK SERVICE")
                || name.equals("ANONYMOUS LOGON")
                || name.startsWith("DWM-")
                || name.startsWith("UMFD-"));
    }

    public static Identity resolve(ReferenceIndex reference, String account, String host, String ip) {
        String acct = isPersonAccount(account) ? account : null;
        DirectoryEntry person = reference.person(acct).orElse(null);
        DeviceRecord device = reference.device(host).orElse(null);
        String normalised =
                person != null ? person.getUserId().toLowerCase(Locale.ROOT) : acct == null ? null : bare(acct);
        return new Identity(normalised, person, device, host == null ? null : host.toLowerCase(Locale.ROOT), ip);
    }

    /** {@code TRUST\jsmith} -> {@code jsmith}, lower case. */
    static String bare(String account) {
        String a = account.trim().toLowerCase(Locale.ROOT);
        int slash = a.lastIndexOf('\\');
        return slash >= 0 ? a.substring(slash + 1) : a;
    }

    /** The subject rule "the user, else the device, else the IP". */
    public String subject() {
        if (account != null) {
            return account;
        }
        String d = deviceSubject();
        if (d != null) {
            return d;
        }
        return ip == null ? "unknown" : "ip:" + ip;
    }

    /** {@code device:<device_id>} when registered, else {@code device:<hostname>}, else null. */
    public String deviceSubject() {
        if (device != null) {
            return "device:" + device.getDeviceId();
        }
        return host == null ? null : "device:" + shortHost(host);
    }

    public String deviceId() {
        return device != null ? device.getDeviceId() : host == null ? null : shortHost(host);
    }

    public Role role() {
        return person != null ? person.getRole() : account != null ? Role.unknown : null;
    }

    public boolean isPupil() {
        return person != null && person.getRole() == Role.pupil;
    }

    /** Staff in the catalogue's sense: staff and ICT (C15: "ict accounts are staff"). */
    public boolean isStaff() {
        return person != null && (person.getRole() == Role.staff || person.getRole() == Role.ict);
    }

    public String school(ReferenceIndex reference) {
        if (person != null) {
            return person.getSchoolId();
        }
        if (device != null) {
            return device.getSchoolId();
        }
        return Optional.ofNullable(ip)
                .flatMap(reference::schoolOfIp)
                .map(School::getSchoolId)
                .orElse(null);
    }

    private static String shortHost(String host) {
        int dot = host.indexOf('.');
        return dot > 0 && !Character.isDigit(host.charAt(0)) ? host.substring(0, dot) : host;
    }
}
