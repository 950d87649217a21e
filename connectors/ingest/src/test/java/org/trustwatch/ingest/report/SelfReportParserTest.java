package org.trustwatch.ingest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.ingest.LineDigest;
import org.trustwatch.ingest.endpoint.Collected;
import org.trustwatch.schema.IncidentReport;
import org.trustwatch.schema.ReportKind;

class SelfReportParserTest {

    private static Collected parse(String... lines) {
        return Collected.parse(new SelfReportParser(Collected.context()), lines);
    }

    static final String MISDIRECTED =
            "{\"time\":\"2025-03-11T15:42:00Z\",\"reporter\":\"jsmith\",\"school_id\":\"GLN\","
                    + "\"kind\":\"misdirected_email\",\"description\":\"Sent Y6 SATs results to the wrong parent list.\","
                    + "\"message_id\":\"<20250311154200.4F2A1@woh.sch.uk>\","
                    + "\"recipients\":[\"Parent.One@Gmail.com\",\" parent.two@outlook.com \"],\"personal_data\":true}";

    @Test
    void misdirectedEmailReport() {
        IncidentReport r = parse(MISDIRECTED).only(IncidentReport.class);
        assertEquals(Instant.parse("2025-03-11T15:42:00Z"), r.getTimestamp());
        assertEquals("reports", r.getEventDataset());
        assertEquals("GLN", r.getSchoolId(), "the report's school, not the connector's");
        assertEquals("jsmith", r.getReporter());
        assertEquals(ReportKind.misdirected_email, r.getKind());
        assertEquals("Sent Y6 SATs results to the wrong parent list.", r.getDescription());
        assertEquals("<20250311154200.4F2A1@woh.sch.uk>", r.getMessageId());
        assertEquals(List.of("parent.one@gmail.com", "parent.two@outlook.com"), r.getRecipients());
        assertTrue(r.getPersonalData());
        assertNull(r.getDeviceId());
        assertEquals("rpt-" + LineDigest.sha256Hex(MISDIRECTED).substring(0, 16), r.getReportId());
        assertEquals(LineDigest.sha256Hex(MISDIRECTED), r.getEventHash());
    }

    @Test
    void reportIdIsDeterministicUnlessTheLineGivesOne() {
        IncidentReport again = parse(MISDIRECTED).only(IncidentReport.class);
        IncidentReport once = parse(MISDIRECTED).only(IncidentReport.class);
        assertEquals(once.getReportId(), again.getReportId());
        IncidentReport given = parse(MISDIRECTED.replace("{\"time\"", "{\"report_id\":\"FORM-2025-0042\",\"time\""))
                .only(IncidentReport.class);
        assertEquals("FORM-2025-0042", given.getReportId());
    }

    @Test
    void lostDeviceWithDefaultsAndLocalTime() {
        IncidentReport r = parse(
                        "{\"time\":\"2025-07-01 08:30\",\"reporter\":\"WOH\\\\21smithj\",\"school_id\":\"WOH\","
                                + "\"kind\":\"Lost_Device\",\"description\":\"Left my school iPad on the bus\","
                                + "\"device_id\":\"IPAD-017\"}")
                .only(IncidentReport.class);
        assertEquals(Instant.parse("2025-07-01T07:30:00Z"), r.getTimestamp());
        assertEquals("21smithj", r.getReporter());
        assertEquals(ReportKind.lost_device, r.getKind());
        assertEquals("IPAD-017", r.getDeviceId());
        assertFalse(r.getPersonalData(), "default false");
        assertEquals(List.of(), r.getRecipients());
    }

    @Test
    void descriptionLosesControlCharactersAndIsCapped() {
        String long5000 = "x".repeat(5000);
        IncidentReport r = parse("{\"time\":\"2025-03-11T15:42:00Z\",\"reporter\":\"jsmith\",\"school_id\":\"WOH\","
                        + "\"kind\":\"paper_records\",\"description\":\"Box of files\\u0000\\u001b[31m left\\r\\nin hall "
                        + long5000 + "\",\"personal_data\":\"TRUE\"}")
                .only(IncidentReport.class);
        assertEquals(SelfReportParser.MAX_DESCRIPTION, r.getDescription().length());
        assertTrue(r.getDescription().startsWith("Box of files  [31m left  in hall xxx"), r.getDescription());
        assertTrue(r.getPersonalData());
    }

    @Test
    void missingOrWrongFieldsAreRejectedNamingTheField() {
        String base = "{\"time\":\"2025-03-11T15:42:00Z\",\"reporter\":\"jsmith\",\"school_id\":\"WOH\","
                + "\"kind\":\"other\",\"description\":\"Visitor saw a screen\"";
        assertEquals(1, parse(base + "}").events.size());
        assertEquals(
                "kind 'phishing' is not one of lost_device, lost_media, misdirected_email, paper_records,"
                        + " verbal_disclosure, other",
                parse(base.replace("\"other\"", "\"phishing\"") + "}").onlyReason());
        assertEquals(
                "no 'reporter' (the reporter's user_id): required",
                parse(base.replace("\"reporter\":\"jsmith\",", "") + "}").onlyReason());
        assertEquals(
                "no 'school_id' (the school the report is for): required",
                parse(base.replace("\"school_id\":\"WOH\",", "") + "}").onlyReason());
        assertEquals(
                "no 'description' (the reporter's words): required",
                parse(base.replace("\"Visitor saw a screen\"", "\"  \"") + "}").onlyReason());
        assertEquals(
                "time 'last week' is not an ISO 8601 date-time",
                parse(base.replace("2025-03-11T15:42:00Z", "last week") + "}").onlyReason());
        assertEquals(
                "personal_data '\"maybe\"' must be true or false",
                parse(base + ",\"personal_data\":\"maybe\"}").onlyReason());
        assertEquals(
                "field 'recipients' must be an array of addresses, not a number",
                parse(base + ",\"recipients\":42}").onlyReason());
        assertEquals(
                "field 'reporter' must be a string, not an array",
                parse(base.replace("\"jsmith\"", "[\"jsmith\"]") + "}").onlyReason());
        assertTrue(parse("jsmith lost a laptop").onlyReason().startsWith("not a JSON object"));
    }

    @Test
    void recipientsAsOneStringAreSplit() {
        IncidentReport r = parse(MISDIRECTED.replace(
                        "[\"Parent.One@Gmail.com\",\" parent.two@outlook.com \"]",
                        "\"a@example.org; B@example.org,a@example.org\""))
                .only(IncidentReport.class);
        assertEquals(List.of("a@example.org", "b@example.org"), r.getRecipients());
    }
}
