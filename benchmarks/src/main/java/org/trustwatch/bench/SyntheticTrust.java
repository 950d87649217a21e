package org.trustwatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trustwatch.ingest.reference.ReferenceData;
import org.trustwatch.schema.DeviceRecord;
import org.trustwatch.schema.DeviceType;
import org.trustwatch.schema.DirectoryEntry;
import org.trustwatch.schema.Role;
import org.trustwatch.schema.School;

/**
 * A trust of the size architecture.md names as the upper end (20 schools, 18,000 staff and pupils, 9,000 devices),
 * generated rather than read from {@code samples/reference}: the demo trust's 72 people would give each account
 * hundreds of logons a day in a 2,000,000-event day, which no real account has, and would measure a worst case of
 * per-account state instead of the pipeline. Each school has the network {@code 10.(100+n).0.0/16}.
 */
final class SyntheticTrust {

    static final int SCHOOLS = 20;
    static final int STAFF_PER_SCHOOL = 120;
    static final int PUPILS_PER_SCHOOL = 780;
    /** Staff laptops (one per member of staff) plus shared desktops in suites and classrooms. */
    static final int SHARED_DESKTOPS_PER_SCHOOL = 330;

    private SyntheticTrust() {}

    static ReferenceData generate() {
        List<School> schools = new ArrayList<>();
        List<DirectoryEntry> people = new ArrayList<>();
        List<DeviceRecord> devices = new ArrayList<>();
        for (int n = 1; n <= SCHOOLS; n++) {
            String id = String.format(Locale.ROOT, "S%02d", n);
            String domain = id.toLowerCase(Locale.ROOT) + ".sch.uk";
            schools.add(School.newBuilder()
                    .setSchoolId(id)
                    .setName("School " + n)
                    .setEmailDomains(List.of(domain))
                    .setNetworks(List.of(network(n) + "0.0/16"))
                    .setTimezone("Europe/London")
                    .setHeadteacherEmail("head@" + domain)
                    .setDslEmail("dsl@" + domain)
                    .build());
            for (int p = 0; p < STAFF_PER_SCHOOL + PUPILS_PER_SCHOOL; p++) {
                boolean staff = p < STAFF_PER_SCHOOL;
                String user = (staff ? "t" : "p") + id.toLowerCase(Locale.ROOT) + p;
                Role role = !staff ? Role.pupil : p < 4 ? Role.ict : Role.staff;
                people.add(DirectoryEntry.newBuilder()
                        .setUserId(user)
                        .setDisplayName((staff ? "Teacher " : "Pupil ") + id + " " + p)
                        .setEmails(List.of(user + "@" + domain))
                        .setRole(role)
                        .setSchoolId(id)
                        .build());
                if (staff) {
                    devices.add(device(id, n, devices.size(), "lt", user, DeviceType.laptop, id + "/staffroom"));
                }
            }
            for (int d = 0; d < SHARED_DESKTOPS_PER_SCHOOL; d++) {
                devices.add(
                        device(id, n, devices.size(), "pc", null, DeviceType.desktop, id + "/suite-" + (d / 30 + 1)));
            }
        }
        return new ReferenceData(schools, people, devices, List.of());
    }

    /** The address of a device: inside its school's network, unique in the trust. */
    static String ipOf(DeviceRecord device) {
        int school = Integer.parseInt(device.getSchoolId().substring(1));
        int n = Integer.parseInt(
                device.getDeviceId().substring(device.getDeviceId().lastIndexOf('-') + 1));
        return network(school) + (n / 250 + 1) + "." + (n % 250 + 2);
    }

    private static String network(int school) {
        return "10." + (100 + school) + ".";
    }

    private static DeviceRecord device(
            String school, int n, int serial, String kind, String assigned, DeviceType type, String location) {
        String id = String.format(Locale.ROOT, "%s-%s-%05d", school, kind.toUpperCase(Locale.ROOT), serial);
        return DeviceRecord.newBuilder()
                .setDeviceId(id)
                .setHostname(id.toLowerCase(Locale.ROOT))
                .setSchoolId(school)
                .setAssignedUser(assigned)
                .setType(type)
                .setEncrypted(true)
                .setHoldsPersonalData(assigned != null)
                .setSerial(String.format(Locale.ROOT, "SN%02d%06d", n, serial))
                .setLocation(location)
                .build();
    }
}
