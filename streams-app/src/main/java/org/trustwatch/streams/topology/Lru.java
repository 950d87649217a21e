package org.trustwatch.streams.topology;

import java.util.LinkedHashMap;
import java.util.Map;

/** The stages' caches of decoded state: an access-ordered map that drops its least recently used entry past a size. */
final class Lru {

    private Lru() {}

    static <V> Map<String, V> of(int max) {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }
}
