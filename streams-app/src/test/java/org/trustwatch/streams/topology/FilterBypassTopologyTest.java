package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trustwatch.streams.topology.Events.exemption;
import static org.trustwatch.streams.topology.Events.process;
import static org.trustwatch.streams.topology.Events.web;
import static org.trustwatch.streams.topology.Events.webBurst;
import static org.trustwatch.streams.topology.EventsA.proxyConfigChanged;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.WebAction;

/** C06 FILTER_BYPASS through the whole topology. */
class FilterBypassTopologyTest {

    private static final IncidentCategory C06 = IncidentCategory.FILTER_BYPASS;

    @Test
    void oneAllowedAnonymiserRequestIsAnIncident() {
        try (Harness h = new Harness()) {
            h.send(web("10:00", "10.20.2.30", "23hughese0", "hidemyass.example", "anonymiser", WebAction.allowed));
            Incident i = h.only(C06);
            assertEquals("23hughese0", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(3, i.getSeverity());
            assertEquals(1, i.getEventCount());
            assertEquals("C06.anonymiser-allowed", i.getRuleId());
            assertFalse(i.getBreach());
            assertEquals(
                    List.of(AlertRecipientRole.headteacher, AlertRecipientRole.dsl, AlertRecipientRole.ict),
                    i.getNotify());
        }
    }

    @Test
    void threeBlockedAnonymiserRequestsInTenMinutesAreAnIncident() {
        try (Harness h = new Harness()) {
            h.send(webBurst(3, "10:00", 300, "10.30.3.3", "tevans1", "proxy.example", "anonymiser", WebAction.blocked));
            Incident i = h.only(C06);
            assertEquals("tevans1", i.getSubject());
            assertEquals("GLN", i.getSchoolId());
            assertEquals(3, i.getEventCount());
            assertEquals("C06.anonymiser-blocked", i.getRuleId());
            assertEquals(List.of(AlertRecipientRole.headteacher, AlertRecipientRole.ict), i.getNotify());
        }
    }

    @Test
    void twoBlockedOrThreeOverMoreThanTenMinutesAreNearMisses() {
        try (Harness h = new Harness()) {
            h.send(webBurst(2, "10:00", 60, "10.30.3.3", "tevans1", "proxy.example", "anonymiser", WebAction.blocked));
            // 301 s apart: the third is 10 min 2 s after the first
            h.send(webBurst(3, "12:00", 301, "10.30.3.4", "pbrown1", "proxy.example", "anonymiser", WebAction.blocked));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void anUnknownClientIsTheSubjectByItsAddress() {
        try (Harness h = new Harness()) {
            h.send(Events.request("10:00", "10.40.9.9", "hidemyass.example", "anonymiser", WebAction.allowed)
                    .build());
            assertEquals(List.of(), h.incidents(), "it waits for a logon that may still arrive");
            h.endOfInput(Events.at("10:00"));
            Incident i = h.only(C06);
            assertEquals("ip:10.40.9.9", i.getSubject());
            assertEquals("HTF", i.getSchoolId(), "the school whose network holds the address");
        }
    }

    @Test
    void aTorBrowserStartedOnASchoolLaptopIsAnIncidentOfTheUser() {
        try (Harness h = new Harness()) {
            h.send(process(
                    "10:00",
                    "woh-lt-0001",
                    "TRUST\\jsmith",
                    "C:\\Users\\jsmith\\Desktop\\Tor Browser\\Browser\\firefox.exe"));
            Incident i = h.only(C06);
            assertEquals("jsmith", i.getSubject());
            assertEquals("WOH", i.getSchoolId());
            assertEquals(3, i.getSeverity());
            assertEquals("C06.bypass-process", i.getRuleId());
        }
    }

    @Test
    void aVpnClientStartsCountAsOneIncidentPerUserAndDay() {
        try (Harness h = new Harness()) {
            h.send(
                    process("10:00", "gln-pc-0004", "22thomasc1", "C:\\Users\\22thomasc1\\Downloads\\psiphon3.exe"),
                    process("13:00", "gln-pc-0004", "22thomasc1", "C:\\Program Files\\OpenVPN\\bin\\openvpn.exe"));
            Incident i = h.only(C06);
            assertEquals("22thomasc1", i.getSubject());
            assertEquals("GLN", i.getSchoolId());
            assertEquals(2, i.getEventCount());
            assertEquals(1, h.alerts().size(), "repeats update the incident, not a new alert");
        }
    }

    @Test
    void aBypassClientOnAnUnregisteredDeviceOrAnOrdinaryProcessIsANearMiss() {
        try (Harness h = new Harness()) {
            h.send(
                    process("10:00", "home-pc", "jsmith", "C:\\Program Files\\NordVPN\\nordvpn.exe"),
                    process("10:01", "woh-lt-0001", "jsmith", "C:\\Windows\\System32\\notepad.exe"));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void aProxySettingChangeOnASchoolDeviceIsAnIncident() {
        try (Harness h = new Harness()) {
            h.send(
                    proxyConfigChanged("10:00", "woh-pc-0003", "23hughese0"),
                    // no user: the device is the subject
                    proxyConfigChanged("10:05", "htf-pc-0002", null));
            List<Incident> found = h.incidents(C06);
            assertEquals(2, found.size());
            assertEquals("23hughese0", found.get(0).getSubject());
            assertEquals("WOH", found.get(0).getSchoolId());
            assertEquals("C06.proxy-setting", found.get(0).getRuleId());
            assertEquals("device:HTF-PC-0002", found.get(1).getSubject());
            assertEquals("HTF", found.get(1).getSchoolId());
        }
    }

    @Test
    void aProxySettingChangeOnAnUnregisteredDeviceIsANearMiss() {
        try (Harness h = new Harness()) {
            h.send(proxyConfigChanged("10:00", "visitor-laptop", "visitor1"));
            assertEquals(List.of(), h.incidents());
        }
    }

    @Test
    void anExemptedAnonymiserDomainRaisesNothingAndIsMarked() {
        try (Harness h = new Harness()) {
            // a VPN service the ICT team trials for remote staff
            h.reference(exemption("EX-T-C06", "GLN", "*", C06, "domain:vpn-trial.example", "08:00", "18:00"));
            h.send(web("10:00", "10.30.3.3", "tevans1", "eu.vpn-trial.example", "anonymiser", WebAction.allowed));
            h.send(webBurst(
                    3, "10:10", 60, "10.30.3.3", "tevans1", "vpn-trial.example", "anonymiser", WebAction.blocked));
            assertEquals(List.of(), h.incidents());
            assertEquals(List.of("EX-T-C06", "EX-T-C06", "EX-T-C06", "EX-T-C06"), h.exemptionIds());
        }
    }

    @Test
    void anExemptedUserStartingAVpnRaisesNothing() {
        try (Harness h = new Harness()) {
            h.reference(exemption("EX-T-C06U", "WOH", "jsmith", C06, null, "08:00", "18:00"));
            h.send(process("10:00", "woh-lt-0001", "jsmith", "C:\\Program Files\\WireGuard\\wireguard.exe"));
            assertEquals(List.of(), h.incidents());
            assertTrue(h.exemptionIds().contains("EX-T-C06U"));
        }
    }
}
