package org.trustwatch.streams.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trustwatch.ingest.Problems;
import org.trustwatch.ingest.reference.ReferenceData;
import org.trustwatch.schema.DeviceRecord;
import org.trustwatch.schema.DirectoryEntry;
import org.trustwatch.schema.Exemption;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.Role;
import org.trustwatch.schema.School;

/** Lookups on the demo trust of samples/reference, and the edge cases of reference-data.md. */
class ReferenceIndexTest {

    private static ReferenceIndex index;

    @BeforeAll
    static void loadTheDemoTrust() {
        Problems problems = new Problems();
        index = ReferenceIndex.of(ReferenceData.read(
                Path.of(System.getProperty("trustwatch.home", "..")).resolve("samples/reference"), problems));
        assertEquals(List.of(), problems.all());
    }

    @Test
    void findsAPersonByAccountHoweverALogWritesIt() {
        for (String account : List.of("jsmith", "JSmith", "TRUST\\jsmith", " jsmith ", "jsmith@woh.sch.uk")) {
            assertEquals(Optional.of("jsmith"), index.person(account).map(DirectoryEntry::getUserId), account);
        }
        assertEquals(Optional.empty(), index.person("nobody"));
        assertEquals(Role.pupil, index.roleOf(firstPupil()));
        assertEquals(Role.unknown, index.roleOf("intruder"));
    }

    @Test
    void findsAPersonByASchoolOrAPersonalAddress() {
        DirectoryEntry withPersonal = demoTrust().directory().stream()
                .filter(p -> p.getRole() == Role.staff && p.getEmails().size() > 1)
                .findFirst()
                .orElseThrow();
        String personal = withPersonal.getEmails().get(1);

        assertEquals(
                Optional.of(withPersonal.getUserId()),
                index.personByAddress(personal.toUpperCase()).map(DirectoryEntry::getUserId));
        assertFalse(index.isSchoolAddress(personal), personal + " is a personal address");
        assertTrue(index.isSchoolAddress("anyone@woh.sch.uk"));
        assertTrue(index.isSchoolAddress("list@staff.glenmere.sch.uk"), "a school domain covers its subdomains");
        assertFalse(index.isSchoolAddress("someone@woodhose-trust.org.uk"));
        assertFalse(index.isSchoolAddress("not-an-address"));
    }

    @Test
    void theMostSpecificSchoolDomainWinsAndFollowsTheSchoolsTopic() {
        ReferenceIndex own = new ReferenceIndex();
        own.put(mailSchool("trust", "Example.org.uk"));
        own.put(mailSchool("primary", "primary.example.org.uk"));

        assertEquals(
                Optional.of("primary"),
                own.schoolOfAddress("head@office.PRIMARY.example.org.uk").map(School::getSchoolId));
        assertEquals(
                Optional.of("trust"), own.schoolOfAddress("ict@example.org.uk").map(School::getSchoolId));
        assertEquals(Optional.empty(), own.schoolOfAddress("ict@badexample.org.uk"));
        assertEquals(Optional.empty(), own.schoolOfAddress("ict@org.uk"));

        own.removeSchool("primary");
        assertEquals(
                Optional.of("trust"),
                own.schoolOfAddress("head@office.primary.example.org.uk").map(School::getSchoolId));
    }

    @Test
    void findsADeviceByAssetIdHostNameFullyQualifiedNameOrSerial() {
        for (String name : List.of("WOH-LT-0004", "woh-lt-0004", "WOH-LT-0004.trust.local", "5CG00003")) {
            assertEquals(Optional.of("WOH-LT-0004"), index.device(name).map(DeviceRecord::getDeviceId), name);
        }
        assertEquals(Optional.empty(), index.device("unknown-pc"));
    }

    @Test
    void placesAnAddressAtTheSchoolWhoseNetworkHoldsIt() {
        assertEquals(Optional.of("GLN"), index.schoolOfIp("10.30.2.15").map(School::getSchoolId));
        assertEquals(Optional.empty(), index.schoolOfIp("192.0.2.7"));
        assertEquals(Optional.empty(), index.schoolOfIp("not-an-ip"));
    }

    @Test
    void theMostSpecificNetworkWinsAndUpdatesReplaceOldIndexes() {
        ReferenceIndex own = new ReferenceIndex();
        own.put(school("TRUST", "10.0.0.0/8"));
        own.put(school("SIXTH", "10.40.7.0/24"));
        own.put(school("V6", "2001:db8:7::/48"));

        assertEquals(Optional.of("SIXTH"), own.schoolOfIp("10.40.7.9").map(School::getSchoolId));
        assertEquals(Optional.of("TRUST"), own.schoolOfIp("10.40.8.9").map(School::getSchoolId));
        assertEquals(Optional.of("V6"), own.schoolOfIp("2001:db8:7::1").map(School::getSchoolId));

        own.put(person("ann", Role.staff, "ann@old.example"));
        own.put(person("ann", Role.staff, "ann@new.example"));
        assertEquals(Optional.empty(), own.personByAddress("ann@old.example"), "an address the directory dropped");
        own.removePerson("ANN");
        assertEquals(Optional.empty(), own.person("ann"));
    }

    @Test
    void anExemptionCoversItsRoleCategoryWebCategoryAndWindowOnly() {
        String pupil = pupilOf("HTF");
        Instant inLesson = Instant.parse("2026-11-23T10:20:00Z");
        ReferenceIndex.Activity research = new ReferenceIndex.Activity(
                IncidentCategory.INAPPROPRIATE_CONTENT,
                "HTF",
                inLesson,
                pupil,
                null,
                "extreme-forum.example",
                "extremism");

        assertEquals(Optional.of("EX-2026-014"), index.exemptionFor(research).map(Exemption::getExemptionId));
        assertEquals(
                Optional.empty(),
                index.exemptionFor(withTime(research, Instant.parse("2026-11-23T11:00:00Z"))),
                "the window ends at 11:00");
        assertEquals(Optional.empty(), index.exemptionFor(withWebCategory(research, "adult")));
        assertEquals(Optional.empty(), index.exemptionFor(withAccount(research, staffOf("HTF"))), "pupils only");
        assertEquals(Optional.empty(), index.exemptionFor(withSchool(research, "WOH")));
    }

    @Test
    void anExemptionForOneAccountAndForADomainCoversSubdomains() {
        ReferenceIndex own = new ReferenceIndex();
        own.put(person("ictadmin", Role.ict, "ictadmin@woh.sch.uk"));
        own.put(exemption("EX-1", "ictadmin", IncidentCategory.FILTER_BYPASS, "domain:example.org"));
        own.put(exemption("EX-2", "device:WOH-LT-0001", IncidentCategory.REMOVABLE_MEDIA, null));
        Instant at = Instant.parse("2026-11-23T12:00:00Z");

        assertEquals(
                Optional.of("EX-1"),
                own.exemptionFor(new ReferenceIndex.Activity(
                                IncidentCategory.FILTER_BYPASS,
                                "WOH",
                                at,
                                "TRUST\\ICTADMIN",
                                null,
                                "vpn.example.org",
                                null))
                        .map(Exemption::getExemptionId));
        assertEquals(
                Optional.empty(),
                own.exemptionFor(new ReferenceIndex.Activity(
                        IncidentCategory.FILTER_BYPASS, "WOH", at, "ictadmin", null, "badexample.org", null)),
                "badexample.org is not a subdomain of example.org");
        assertEquals(
                Optional.of("EX-2"),
                own.exemptionFor(new ReferenceIndex.Activity(
                                IncidentCategory.REMOVABLE_MEDIA, "WOH", at, "someone", "woh-lt-0001", null, null))
                        .map(Exemption::getExemptionId));
    }

    private static String firstPupil() {
        return pupilOf("WOH");
    }

    private static String pupilOf(String school) {
        return peopleOf(school, Role.pupil);
    }

    private static String staffOf(String school) {
        return peopleOf(school, Role.staff);
    }

    private static String peopleOf(String school, Role role) {
        return demoTrust().directory().stream()
                .filter(p -> p.getSchoolId().equals(school) && p.getRole() == role)
                .findFirst()
                .orElseThrow()
                .getUserId();
    }

    private static ReferenceData demoTrust() {
        Path dir = Path.of(System.getProperty("trustwatch.home", "..")).resolve("samples/reference");
        return ReferenceData.read(dir, new Problems());
    }

    private static ReferenceIndex.Activity withTime(ReferenceIndex.Activity a, Instant at) {
        return new ReferenceIndex.Activity(
                a.category(), a.schoolId(), at, a.account(), a.deviceId(), a.domain(), a.webCategory());
    }

    private static ReferenceIndex.Activity withWebCategory(ReferenceIndex.Activity a, String webCategory) {
        return new ReferenceIndex.Activity(
                a.category(), a.schoolId(), a.at(), a.account(), a.deviceId(), a.domain(), webCategory);
    }

    private static ReferenceIndex.Activity withAccount(ReferenceIndex.Activity a, String account) {
        return new ReferenceIndex.Activity(
                a.category(), a.schoolId(), a.at(), account, a.deviceId(), a.domain(), a.webCategory());
    }

    private static ReferenceIndex.Activity withSchool(ReferenceIndex.Activity a, String school) {
        return new ReferenceIndex.Activity(
                a.category(), school, a.at(), a.account(), a.deviceId(), a.domain(), a.webCategory());
    }

    private static School school(String id, String network) {
        return School.newBuilder()
                .setSchoolId(id)
                .setName(id)
                .setEmailDomains(List.of())
                .setNetworks(List.of(network))
                .build();
    }

    private static School mailSchool(String id, String domain) {
        return School.newBuilder()
                .setSchoolId(id)
                .setName(id)
                .setEmailDomains(List.of(domain))
                .setNetworks(List.of())
                .build();
    }

    private static DirectoryEntry person(String id, Role role, String address) {
        return DirectoryEntry.newBuilder()
                .setUserId(id)
                .setDisplayName(id)
                .setEmails(List.of(address))
                .setRole(role)
                .setSchoolId("WOH")
                .build();
    }

    private static Exemption exemption(String id, String subject, IncidentCategory category, String match) {
        return Exemption.newBuilder()
                .setExemptionId(id)
                .setSchoolId("WOH")
                .setSubject(subject)
                .setCategory(category)
                .setMatch(match)
                .setStarts(Instant.parse("2026-11-01T00:00:00Z"))
                .setEnds(Instant.parse("2027-07-31T00:00:00Z"))
                .setApprovedBy("head")
                .setReason("test")
                .build();
    }
}
