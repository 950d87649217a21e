package org.trustwatch.ingest.reference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CidrRangeTest {

    @Test
    void holdsTheAddressesOfItsPrefixOnly() {
        CidrRange school = CidrRange.parse("10.20.0.0/16").orElseThrow();
        assertTrue(school.contains("10.20.255.1"));
        assertFalse(school.contains("10.21.0.1"));

        CidrRange odd = CidrRange.parse("192.168.20.0/22").orElseThrow();
        assertTrue(odd.contains("192.168.23.254"));
        assertFalse(odd.contains("192.168.24.1"));

        CidrRange v6 = CidrRange.parse("2001:db8:7::/48").orElseThrow();
        assertTrue(v6.contains("2001:db8:7:1::9"));
        assertFalse(v6.contains("2001:db8:8::1"));
        assertFalse(v6.contains("10.20.0.1"), "an IPv4 address is not in an IPv6 range");

        assertTrue(CidrRange.parse("10.20.1.15").orElseThrow().contains("10.20.1.15"), "a single host");
    }

    @Test
    void refusesWhatIsNotARangeWithoutLookingAnyNameUp() {
        for (String bad : List.of("woh.sch.uk/16", "10.20.0.0/33", "10.20.0.0/x", "1234", "", "10.20.0/16")) {
            assertTrue(CidrRange.parse(bad).isEmpty(), bad);
        }
        assertFalse(CidrRange.parse("10.0.0.0/8").orElseThrow().contains("localhost"));
    }
}
