package org.trustwatch.workload.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.streams.rule.Lookalike;

/**
 * Background mail goes to these outside domains every day: none may look like another to the correlation's own
 * look-alike rule (C03 a), or background mail would raise MISDIRECTED_EMAIL; and the planted slip of the council's
 * domain must look like it.
 */
class OutsideDomainsTest {

    @Test
    void noOutsideDomainLooksLikeAnother() {
        for (long seed : new long[] {1, 42, 1234}) {
            Trust trust = TrustBuilder.build(seed, 2, 60);
            List<String> all = OutsideDomains.all(trust);
            for (String domain : all) {
                List<String> others = new ArrayList<>(all);
                others.remove(domain);
                assertNull(Lookalike.nearest(domain, others, 2), domain + " looks like another outside domain");
            }
        }
    }

    @Test
    void theSlipOfTheCouncilsDomainLooksLikeIt() {
        Trust trust = TrustBuilder.build(42, 1, 60);
        String council = trust.councilDomain();
        assertEquals(council, Lookalike.nearest(OutsideDomains.typoOf(council), List.of(council), 2));
    }
}
