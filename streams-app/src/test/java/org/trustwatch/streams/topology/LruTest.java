package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LruTest {

    @Test
    void dropsTheLeastRecentlyUsedPastItsSize() {
        Map<String, Integer> lru = Lru.of(2);
        lru.put("a", 1);
        lru.put("b", 2);
        lru.get("a");
        lru.put("c", 3);
        assertEquals(List.of("a", "c"), List.copyOf(lru.keySet()));
    }
}
