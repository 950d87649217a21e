package org.trustwatch.ingest.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustwatch.ingest.Problems;
import org.trustwatch.schema.DeviceType;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.Role;

class ReferenceDataTest {

    @TempDir
    Path dir;

    @BeforeEach
    void schools() throws Exception {
        write(
                "schools.csv",
                "school_id,name,email_domains,networks,timezone,headteacher_email,dsl_email",
                "WOH,Woodhouse Primary,woh.sch.uk;woodhouse.org.uk,10.20.0.0/16;192.168.20.0/24,,head@woh.sch.uk,dsl@woh.sch.uk",
                "GLN,Glenmere Academy,glenmere.sch.uk,10.30.0.0/16,Europe/London,head@glenmere.sch.uk,");
    }

    @Test
    void readsEveryFileIntoRecords() throws Exception {
        write(
                "directory.csv",
                "role,user_id,display_name,emails,school_id,extra",
                "staff,JSmith,Jane Smith,jsmith@woh.sch.uk;Jane.Smith@Gmail.com,WOH,ignored",
                "pupil,21smithj,John Smith,21smithj@woh.sch.uk,WOH,");
        write(
                "devices.csv",
                "device_id,hostname,school_id,assigned_user,type,encrypted,holds_personal_data,serial,location,allowed_roles",
                "WOH-LT-0042,WOH-LT-0042,WOH,jsmith,laptop,true,true,5CG1234,WOH/staffroom,staff;ict",
                "USB-0007,,WOH,,usb-storage,true,false,USBSTOR\\DISK&VEN_KINGSTON,,");
        write(
                "exemptions.csv",
                "exemption_id,school_id,subject,category,match,starts,ends,approved_by,reason",
                "EX-1,WOH,role:pupil,INAPPROPRIATE_CONTENT,webcat:extremism,2026-11-23T10:00,2026-11-23T11:00,head,RE lesson");
        Problems problems = new Problems();

        ReferenceData data = ReferenceData.read(dir, problems);

        assertEquals(List.of(), problems.all());
        assertEquals(
                List.of("woh.sch.uk", "woodhouse.org.uk"), data.schools().get(0).getEmailDomains());
        assertEquals("Europe/London", data.schools().get(0).getTimezone());
        assertEquals("jsmith", data.directory().get(0).getUserId());
        assertEquals(
                List.of("jsmith@woh.sch.uk", "jane.smith@gmail.com"),
                data.directory().get(0).getEmails());
        assertEquals(Role.pupil, data.directory().get(1).getRole());
        assertEquals(DeviceType.usb_storage, data.devices().get(1).getType());
        assertEquals(List.of(Role.staff, Role.ict), data.devices().get(0).getAllowedRoles());
        assertEquals("woh-lt-0042", data.devices().get(0).getHostname());
        assertEquals(
                IncidentCategory.INAPPROPRIATE_CONTENT, data.exemptions().get(0).getCategory());
        // 10:00 in London in November is 10:00 UTC
        assertEquals(
                Instant.parse("2026-11-23T10:00:00Z"), data.exemptions().get(0).getStarts());
    }

    @Test
    void reportsEachBadRowWithFileRowAndReasonAndKeepsTheRest() throws Exception {
        write(
                "directory.csv",
                "user_id,display_name,emails,role,school_id",
                "jsmith,Jane,jsmith@woh.sch.uk,teacher,WOH",
                "a b,Bad Id,x@woh.sch.uk,staff,WOH",
                "ok1,Fine,ok1@woh.sch.uk,staff,WOH",
                "ok1,Again,ok1b@woh.sch.uk,staff,WOH",
                "ok2,Nowhere,ok2@woh.sch.uk,staff,XYZ",
                "ok3,Bad mail,not-an-address,staff,WOH");
        write("devices.csv", "device_id,school_id,type,encrypted", "D1,WOH,laptop,maybe");
        write(
                "exemptions.csv",
                "exemption_id,school_id,subject,category,starts,ends",
                "E1,WOH,*,NOT_A_CATEGORY,2026-11-23T10:00,2026-11-23T11:00",
                "E2,WOH,*,MALWARE,2026-11-23T11:00,2026-11-23T10:00");
        Problems problems = new Problems();

        ReferenceData data = ReferenceData.read(dir, problems);

        assertEquals(1, data.directory().size(), "only ok1 survives");
        String directory = dir.resolve("directory.csv").toString();
        List<String> all = problems.all();
        assertTrue(
                all.contains(directory + ":2: role 'teacher' must be one of [staff, pupil, ict, visitor, contractor,"
                        + " governor]"),
                all.toString());
        assertTrue(
                all.contains(directory + ":3: user_id 'a b' may hold only letters, digits and . _ - @ $"),
                all.toString());
        assertTrue(all.contains(directory + ":5: user_id 'ok1' is already used at row 4"), all.toString());
        assertTrue(all.contains(directory + ":6: school_id 'XYZ' is not in schools.csv"), all.toString());
        assertTrue(all.contains(directory + ":7: emails 'not-an-address' is not an e-mail address"), all.toString());
        assertTrue(
                all.contains(dir.resolve("devices.csv") + ":2: encrypted 'maybe' must be true or false"),
                all.toString());
        assertTrue(
                all.stream()
                        .anyMatch(p -> p.startsWith(dir.resolve("exemptions.csv") + ":2: category 'NOT_A_CATEGORY'")),
                all.toString());
        assertTrue(
                all.contains(dir.resolve("exemptions.csv")
                        + ":3: ends (2026-11-23T10:00) is not after starts (2026-11-23T11:00)"),
                all.toString());
    }

    @Test
    void theSampleTrustsReferenceFilesHaveNoProblems() {
        Path samples = Path.of(System.getProperty("trustwatch.home", "../..")).resolve("samples/reference");
        Problems problems = new Problems();

        ReferenceData data = ReferenceData.read(samples, problems);

        assertEquals(List.of(), problems.all());
        assertEquals(3, data.schools().size());
        assertTrue(data.devices().size() > 70, "devices: " + data.devices().size());
    }

    @Test
    void aSchoolWithoutAlertAddressesIsKept() throws Exception {
        write("schools.csv", "school_id,name", "NEW,New Free School");
        Problems problems = new Problems();

        ReferenceData data = ReferenceData.read(dir, problems);

        assertEquals("NEW", data.schools().get(0).getSchoolId());
        assertEquals(null, data.schools().get(0).getHeadteacherEmail());
        assertTrue(
                problems.all().stream().noneMatch(p -> p.contains("schools.csv")),
                problems.all().toString());
    }

    @Test
    void aMissingColumnOrFileIsReportedOnce() throws Exception {
        write("directory.csv", "user_id,display_name", "jsmith,Jane");
        Problems problems = new Problems();

        ReferenceData.read(dir, problems);

        assertTrue(
                problems.all()
                        .contains(dir.resolve("directory.csv") + ":1: header lacks the column(s) role, school_id"),
                problems.all().toString());
        assertTrue(
                problems.all().stream().anyMatch(p -> p.startsWith(dir.resolve("devices.csv") + ": missing")),
                problems.all().toString());
    }

    private void write(String name, String... lines) throws Exception {
        Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }
}
