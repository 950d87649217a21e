package org.trustwatch.workload.trust;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes the trust: schools named after places, each with staff (a head, a DSL, an ICT technician, teachers), pupils
 * in form groups of up to 28, a few visitors, contractors and governors, staff laptops and phones, IT suites of
 * shared desktops, a file server and school-issued encrypted memory sticks. Everything comes from the seed.
 */
public final class TrustBuilder {

    /** Pupils a form group has at most. */
    static final int FORM_SIZE = 28;

    private final SplittableRandom random;
    private final Set<String> userIds = new HashSet<>();

    private TrustBuilder(long seed) {
        this.random = new SplittableRandom(seed ^ 0x7275737457617463L);
    }

    /** Staff a school of this many pupils has: a teacher per ten pupils and support staff, at least 24. */
    public static int staffFor(int pupils) {
        return Math.max(24, pupils / 10 + 8);
    }

    public static Trust build(long seed, int schools, int pupilsPerSchool) {
        return new TrustBuilder(seed).trust(schools, pupilsPerSchool);
    }

    private Trust trust(int schoolCount, int pupils) {
        int offset = random.nextInt(Names.places());
        String trustPlace = Names.place(offset);
        String netbios = trustPlace.toUpperCase(Locale.ROOT);
        String office = trustPlace.toLowerCase(Locale.ROOT) + "trust.org.uk";
        String council = Names.COUNTIES[random.nextInt(Names.COUNTIES.length)] + ".gov.uk";
        List<School> schools = new ArrayList<>();
        for (int n = 1; n <= schoolCount; n++) {
            // 11 is prime to the number of place names: 99 schools and the trust all get different ones
            String place = Names.place(offset + 11 * n);
            String kind = Names.SCHOOL_KIND[random.nextInt(Names.SCHOOL_KIND.length)];
            School school = new School(n, place + " " + kind, place.toLowerCase(Locale.ROOT) + ".sch.uk");
            people(school, pupils);
            devices(school, pupils);
            schools.add(school);
        }
        return new Trust(trustPlace + " Learning Trust", netbios, office, council, schools);
    }

    private void people(School school, int pupils) {
        int staff = staffFor(pupils);
        for (int i = 0; i < staff; i++) {
            Role role = i == 2 ? Role.ICT : Role.STAFF;
            String first = Names.pick(Names.FIRST, random);
            String last = Names.pick(Names.LAST, random);
            String id = unique(first.substring(0, 1).toLowerCase(Locale.ROOT) + Names.letters(last));
            List<String> emails = new ArrayList<>();
            emails.add(id + "@" + school.domain());
            if (i == 0) {
                emails.add(school.headAddress());
            } else if (i == 1) {
                emails.add(school.dslAddress());
            }
            // some staff give the school a personal address (every sixth, and a few more)
            String personal = i % 6 == 4 || random.nextInt(100) < 8
                    ? Names.letters(first) + "." + Names.letters(last) + random.nextInt(10, 99) + "@gmail.com"
                    : null;
            if (personal != null) {
                emails.add(personal);
            }
            Device laptop = laptop(school, school.staff.size(), id, role, i == 0);
            school.staff.add(new Person(id, first, last, role, school.id(), emails, personal, 0, laptop, null));
        }
        school.head = school.staff.get(0);
        school.dsl = school.staff.get(1);
        for (int i = 0; i < pupils; i++) {
            int year = 7 + i * 5 / pupils;
            int intake = 26 - (year - 7);
            String first = Names.pick(Names.FIRST, random);
            String last = Names.pick(Names.LAST, random);
            String id =
                    unique(intake + Names.letters(last) + first.substring(0, 1).toLowerCase(Locale.ROOT));
            List<String> emails = new ArrayList<>();
            emails.add(id + "@" + school.domain());
            String personal = i % 15 == 7 || random.nextInt(100) < 5
                    ? Names.letters(first) + Names.letters(last) + random.nextInt(100, 999) + "@"
                            + OutsideDomains.PARENTS.get(random.nextInt(OutsideDomains.PARENTS.size()))
                    : null;
            if (personal != null) {
                emails.add(personal);
            }
            String parent = Names.letters(Names.pick(Names.FIRST, random)) + "." + Names.letters(last)
                    + random.nextInt(10, 99) + "@"
                    + OutsideDomains.PARENTS.get(random.nextInt(OutsideDomains.PARENTS.size()));
            school.pupils.add(
                    new Person(id, first, last, Role.PUPIL, school.id(), emails, personal, year, null, parent));
        }
        formGroups(school);
        String[][] others = {{"visitor", "VISITOR"}, {"contractor", "CONTRACTOR"}, {"governor", "GOVERNOR"}};
        for (String[] other : others) {
            String first = Names.pick(Names.FIRST, random);
            String last = Names.pick(Names.LAST, random);
            String id = unique(other[0] + "." + Names.letters(last));
            List<String> emails = other[0].equals("governor")
                    ? List.of(Names.letters(first) + "." + Names.letters(last) + "@btinternet.com")
                    : List.of();
            school.others.add(
                    new Person(id, first, last, Role.valueOf(other[1]), school.id(), emails, null, 0, null, null));
        }
    }

    /** Pupils of one year group, in groups of up to {@value #FORM_SIZE}. */
    private static void formGroups(School school) {
        List<Person> form = new ArrayList<>();
        int year = -1;
        for (Person p : school.pupils) {
            if (p.yearGroup() != year || form.size() == FORM_SIZE) {
                if (!form.isEmpty()) {
                    school.forms.add(form);
                }
                form = new ArrayList<>();
                year = p.yearGroup();
            }
            form.add(p);
        }
        if (!form.isEmpty()) {
            school.forms.add(form);
        }
    }

    private Device laptop(School school, int n, String user, Role role, boolean head) {
        String id = String.format(Locale.ROOT, "%s-LT-%04d", school.id(), n + 1);
        String location = role == Role.ICT ? "ict-office" : head ? "office" : "staffroom";
        // a few older laptops predate the encryption roll-out: a lost one is a personal-data breach (C01)
        boolean encrypted = random.nextInt(100) >= 8;
        return new Device(
                id,
                id.toLowerCase(Locale.ROOT),
                mac(school, 1, n),
                school.id(),
                user,
                "laptop",
                encrypted,
                true,
                String.format(Locale.ROOT, "5CG%02d%05d", school.number(), n),
                school.id() + "/" + location,
                "",
                school.ip(16 + n / 250, 1 + n % 250));
    }

    private void devices(School school, int pupils) {
        int suites = 2 + pupils / 400;
        int perSuite = Math.min(30, Math.max(12, pupils / 10));
        int n = 0;
        for (int s = 1; s <= suites; s++) {
            List<Device> suite = new ArrayList<>();
            for (int d = 0; d < perSuite; d++, n++) {
                String id = String.format(Locale.ROOT, "%s-PC-%04d", school.id(), n + 1);
                suite.add(new Device(
                        id,
                        id.toLowerCase(Locale.ROOT),
                        mac(school, 2, n),
                        school.id(),
                        "",
                        "desktop",
                        true,
                        false,
                        String.format(Locale.ROOT, "CZC%02d%05d", school.number(), n),
                        school.id() + "/IT-suite-" + s,
                        "pupil;staff;ict",
                        school.ip(32 + n / 250, 1 + n % 250)));
            }
            school.suites.add(suite);
        }
        String server = school.id() + "-SRV-0001";
        school.server = new Device(
                server,
                server.toLowerCase(Locale.ROOT),
                mac(school, 3, 0),
                school.id(),
                "",
                "server",
                true,
                true,
                String.format(Locale.ROOT, "CZJ%02d00001", school.number()),
                school.id() + "/server-room",
                "ict",
                school.ip(0, 10));
        for (int i = 0; i < school.staff.size(); i += 2) {
            Person owner = school.staff.get(i);
            String id = String.format(Locale.ROOT, "%s-PH-%04d", school.id(), school.phones.size() + 1);
            school.phones.add(new Device(
                    id,
                    id.toLowerCase(Locale.ROOT),
                    mac(school, 4, school.phones.size()),
                    school.id(),
                    owner.userId(),
                    "phone",
                    true,
                    true,
                    String.format(Locale.ROOT, "F2LX%02d%04d", school.number(), school.phones.size()),
                    "",
                    "",
                    school.ip(64 + school.phones.size() / 250, 1 + school.phones.size() % 250)));
        }
        for (int i = 1; i <= 3; i++) {
            String serial = String.format(Locale.ROOT, "%s%05d", school.id(), i);
            school.sticks.add(new Device(
                    String.format(Locale.ROOT, "USB-%s-%02d", school.id(), i),
                    "",
                    "",
                    school.id(),
                    "",
                    "usb-storage",
                    true,
                    false,
                    stickInstance("KINGSTON", "IKD300", serial),
                    "",
                    "",
                    null));
        }
    }

    /** The device instance id Windows gives a USB stick, as 6416 logs it and the register keys school sticks by. */
    public static String stickInstance(String vendor, String product, String serial) {
        return "USBSTOR\\DISK&VEN_" + vendor + "&PROD_" + product + "&REV_PMAP\\" + serial + "&0";
    }

    private static String mac(School school, int kind, int n) {
        return String.format(Locale.ROOT, "3c:52:82:%02x:%02x:%02x", school.number(), (kind << 4) | (n >> 8), n & 0xff);
    }

    private String unique(String base) {
        String id = base;
        for (int i = 2; !userIds.add(id); i++) {
            id = base + i;
        }
        return id;
    }
}
