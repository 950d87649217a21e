package org.trustwatch.streams.context;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.trustwatch.ingest.reference.CidrRange;
import org.trustwatch.ingest.reference.ReferenceData;
import org.trustwatch.schema.DeviceRecord;
import org.trustwatch.schema.DirectoryEntry;
import org.trustwatch.schema.Exemption;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.Role;
import org.trustwatch.schema.School;

/**
 * The trust's reference data in memory, indexed the ways the rules look it up: an account as logs write it, a device
 * by asset id, host name or serial, the school of an IP address or a mail address, and the exemption that covers an
 * activity. Kept up to date record by record from the compacted reference topics; not thread-safe.
 */
public final class ReferenceIndex {

    private final Map<String, School> schools = new LinkedHashMap<>();
    private final List<Network> networks = new ArrayList<>();
    private final Map<String, DirectoryEntry> people = new HashMap<>();
    private final Map<String, DirectoryEntry> peopleByAddress = new HashMap<>();
    private final Map<String, DeviceRecord> devices = new HashMap<>();
    private final Map<String, DeviceRecord> devicesByName = new HashMap<>();
    private final Map<String, Exemption> exemptions = new LinkedHashMap<>();
    /** Each school's mail domains, lower case: asked for every sender and recipient of every message. */
    private final Map<String, School> schoolsByDomain = new HashMap<>();

    private record Network(CidrRange range, int prefix, School school) {}

    public static ReferenceIndex of(ReferenceData data) {
        ReferenceIndex index = new ReferenceIndex();
        data.schools().forEach(index::put);
        data.directory().forEach(index::put);
        data.devices().forEach(index::put);
        data.exemptions().forEach(index::put);
        return index;
    }

    // ------------------------------------------------------------------ updates from the reference topics

    public void put(School school) {
        schools.put(school.getSchoolId(), school);
        rebuildNetworks();
    }

    public void removeSchool(String schoolId) {
        schools.remove(schoolId);
        rebuildNetworks();
    }

    public void put(DirectoryEntry person) {
        removePerson(person.getUserId());
        people.put(lower(person.getUserId()), person);
        person.getEmails().forEach(address -> peopleByAddress.put(lower(address), person));
    }

    public void removePerson(String userId) {
        DirectoryEntry old = people.remove(lower(userId));
        if (old != null) {
            old.getEmails().forEach(address -> peopleByAddress.remove(lower(address), old));
        }
    }

    public void put(DeviceRecord device) {
        removeDevice(device.getDeviceId());
        devices.put(lower(device.getDeviceId()), device);
        for (String name : names(device)) {
            devicesByName.putIfAbsent(name, device);
        }
    }

    public void removeDevice(String deviceId) {
        DeviceRecord old = devices.remove(lower(deviceId));
        if (old != null) {
            names(old).forEach(name -> devicesByName.remove(name, old));
        }
    }

    public void put(Exemption exemption) {
        exemptions.put(exemption.getExemptionId(), exemption);
    }

    public void removeExemption(String exemptionId) {
        exemptions.remove(exemptionId);
    }

    // ------------------------------------------------------------------ lookups

    public Optional<School> school(String schoolId) {
        return Optional.ofNullable(schoolId == null ? null : schools.get(schoolId));
    }

    /**
     * The person behind an account as logs write it: {@code jsmith}, {@code TRUST\jsmith}, {@code JSmith} or a UPN
     * {@code jsmith@woh.sch.uk} (its address first, then its local part).
     */
    public Optional<DirectoryEntry> person(String account) {
        if (account == null || account.isBlank()) {
            return Optional.empty();
        }
        String name = lower(account.trim());
        int backslash = name.lastIndexOf('\\');
        if (backslash >= 0) {
            name = name.substring(backslash + 1);
        }
        DirectoryEntry found = people.get(name);
        int at = name.indexOf('@');
        if (found == null && at > 0) {
            found = peopleByAddress.get(name);
            if (found == null) {
                found = people.get(name.substring(0, at));
            }
        }
        return Optional.ofNullable(found);
    }

    /** The person one of whose addresses (school or personal, as the directory lists them) this is. */
    public Optional<DirectoryEntry> personByAddress(String address) {
        return Optional.ofNullable(address == null ? null : peopleByAddress.get(lower(address.trim())));
    }

    /** The one person with this display name ("Jane Smith", case-insensitive); none when two share it. */
    public Optional<DirectoryEntry> personByDisplayName(String displayName) {
        return personByDisplayName(displayName, person -> true);
    }

    /**
     * The one person among {@code eligible} ones with this display name; none when two of them share it (a pupil
     * sharing a member of staff's name does not hide the member of staff when only staff are eligible).
     */
    public Optional<DirectoryEntry> personByDisplayName(
            String displayName, java.util.function.Predicate<DirectoryEntry> eligible) {
        if (displayName == null || displayName.isBlank()) {
            return Optional.empty();
        }
        String wanted = lower(displayName.strip().replaceAll("^\"|\"$", ""));
        DirectoryEntry found = null;
        for (DirectoryEntry person : people.values()) {
            if (person.getDisplayName() != null
                    && lower(person.getDisplayName()).equals(wanted)
                    && eligible.test(person)) {
                if (found != null) {
                    return Optional.empty();
                }
                found = person;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The role of an account; unknown accounts have {@link Role#unknown}. */
    public Role roleOf(String account) {
        return person(account).map(DirectoryEntry::getRole).orElse(Role.unknown);
    }

    /**
     * A registered device by asset id, host name (a log's fully qualified name matches the register's short one) or
     * serial.
     */
    public Optional<DeviceRecord> device(String idNameOrSerial) {
        if (idNameOrSerial == null || idNameOrSerial.isBlank()) {
            return Optional.empty();
        }
        String key = lower(idNameOrSerial.trim());
        DeviceRecord found = devices.get(key);
        if (found == null) {
            found = devicesByName.get(key);
        }
        int dot = key.indexOf('.');
        if (found == null && dot > 0) {
            found = devicesByName.get(key.substring(0, dot));
        }
        return Optional.ofNullable(found);
    }

    /** The school whose networks hold the address; the most specific network wins. */
    public Optional<School> schoolOfIp(String ip) {
        if (ip == null) {
            return Optional.empty();
        }
        for (Network network : networks) {
            if (network.range().contains(ip)) {
                return Optional.of(network.school());
            }
        }
        return Optional.empty();
    }

    /**
     * The school whose mail domains (or their subdomains) the address belongs to: the domain and then each parent
     * domain is looked up, so the most specific school domain wins.
     */
    public Optional<School> schoolOfAddress(String address) {
        String domain = domainOf(address);
        while (domain != null && !domain.isEmpty()) {
            School school = schoolsByDomain.get(domain);
            if (school != null) {
                return Optional.of(school);
            }
            int dot = domain.indexOf('.');
            domain = dot < 0 ? null : domain.substring(dot + 1);
        }
        return Optional.empty();
    }

    public boolean isSchoolAddress(String address) {
        return schoolOfAddress(address).isPresent();
    }

    /**
     * The approved exception that covers an activity, if any (reference-data.md, exemptions.csv): same school and
     * category, inside its validity window, for this account, its role, this device or anyone ({@code *}), and,
     * when it names one, for this domain (with its subdomains) or web category.
     */
    public Optional<Exemption> exemptionFor(Activity activity) {
        for (Exemption exemption : exemptions.values()) {
            if (exemption.getCategory() == activity.category()
                    && exemption.getSchoolId().equals(activity.schoolId())
                    && !activity.at().isBefore(exemption.getStarts())
                    && activity.at().isBefore(exemption.getEnds())
                    && coversSubject(exemption.getSubject(), activity)
                    && coversMatch(exemption.getMatch(), activity)) {
                return Optional.of(exemption);
            }
        }
        return Optional.empty();
    }

    /** What an exemption is checked against; any part but category, school and time may be null. */
    public record Activity(
            IncidentCategory category,
            String schoolId,
            Instant at,
            String account,
            String deviceId,
            String domain,
            String webCategory) {}

    private boolean coversSubject(String subject, Activity activity) {
        if (subject.equals("*")) {
            return true;
        }
        if (subject.startsWith("device:")) {
            return activity.deviceId() != null && subject.substring(7).equalsIgnoreCase(activity.deviceId());
        }
        if (subject.startsWith("role:")) {
            return activity.account() != null
                    && subject.substring(5).equals(roleOf(activity.account()).name());
        }
        return person(activity.account())
                .map(person -> person.getUserId().equalsIgnoreCase(subject))
                .orElse(subject.equalsIgnoreCase(activity.account()));
    }

    private static boolean coversMatch(String match, Activity activity) {
        if (match == null) {
            return true;
        }
        if (match.startsWith("domain:")) {
            return activity.domain() != null && Domains.within(lower(activity.domain()), match.substring(7));
        }
        if (match.startsWith("webcat:")) {
            return match.substring(7).equals(activity.webCategory());
        }
        return false;
    }

    private void rebuildNetworks() {
        networks.clear();
        schoolsByDomain.clear();
        for (School school : schools.values()) {
            school.getEmailDomains().forEach(domain -> schoolsByDomain.putIfAbsent(lower(domain.trim()), school));
            for (String cidr : school.getNetworks()) {
                CidrRange.parse(cidr).ifPresent(range -> networks.add(new Network(range, prefixOf(cidr), school)));
            }
        }
        networks.sort(Comparator.comparingInt(Network::prefix).reversed());
    }

    private static int prefixOf(String cidr) {
        int slash = cidr.indexOf('/');
        return slash < 0 ? 128 : Integer.parseInt(cidr.substring(slash + 1).trim());
    }

    private static List<String> names(DeviceRecord device) {
        List<String> names = new ArrayList<>();
        if (device.getHostname() != null) {
            names.add(lower(device.getHostname()));
        }
        if (device.getSerial() != null) {
            names.add(lower(device.getSerial()));
        }
        return names;
    }

    private static String domainOf(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        return at < 0 || at == address.length() - 1
                ? null
                : lower(address.substring(at + 1).trim());
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
