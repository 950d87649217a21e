package org.trustwatch.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KafkaClusterIdTest {

    /**
     * One plain id in 64 starts with '-', and kafka-storage then refuses it as a missing argument
     * (a clean-clone CI run failed so). Across 2,000 ids an unguarded generator gives such an id with
     * a probability of 1 - (63/64)^2000, which is 1 - 2e-14.
     */
    @Test
    void noClusterIdLooksLikeAnOptionToTheStorageTool() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String id = KafkaBroker.newClusterId();
            assertFalse(id.startsWith("-"), "cluster id " + id + " would be read as an option");
            ids.add(id);
        }
        assertEquals(2_000, ids.size(), "cluster ids are random");
    }

    @Test
    void aClusterIdIsSixteenBytesOfUrlSafeBase64WithoutPadding() {
        String id = KafkaBroker.newClusterId();

        assertEquals(22, id.length());
        assertTrue(id.matches("[A-Za-z0-9_-]+"), id);
        assertEquals(16, Base64.getUrlDecoder().decode(id).length);
    }
}
