package org.trustwatch.streams.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;

/** The heap store answers like a sorted store: by key, by group, by prefix and in full, always in key order. */
class GroupedMemoryStoreTest {

    private final GroupedMemoryStore store = new GroupedMemoryStore("rule-state");

    private static Bytes key(String k) {
        return Bytes.wrap(k.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] value(String v) {
        return v.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> keys(KeyValueIterator<Bytes, byte[]> it) {
        List<String> out = new ArrayList<>();
        try (it) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                out.add(new String(kv.key.get(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void aGroupScanReturnsOnlyThatGroupsLiveEntriesInKeyOrder() {
        store.put(key("C08.sessions|jbloggs\u0000e2"), value("2"));
        store.put(key("C08.sessions|jbloggs\u0000e1"), value("1"));
        store.put(key("C08.sessions|jbloggs2\u0000e9"), value("other account"));
        store.put(key("C08.sessions|jbloggs\u0000e3"), value("3"));
        store.delete(key("C08.sessions|jbloggs\u0000e3"));
        store.put(key("C08.sessions|jbloggs\u0000e2"), null);

        assertEquals(
                List.of("C08.sessions|jbloggs\u0000e1"),
                keys(store.prefixScan("C08.sessions|jbloggs\u0000", new StringSerializer())));
        assertEquals(List.of(), keys(store.prefixScan("C07.guessing|jbloggs\u0000", new StringSerializer())));
        assertEquals(2, store.approximateNumEntries());
    }

    @Test
    void aPrefixThatIsNotAGroupAndTheFullScansStillComeInKeyOrder() {
        store.put(key("WOH|b.org"), value("b"));
        store.put(key("WOH|a.org"), value("a"));
        store.put(key("HUT|a.org"), value("h"));

        assertEquals(List.of("WOH|a.org", "WOH|b.org"), keys(store.prefixScan("WOH|", new StringSerializer())));
        assertEquals(List.of("HUT|a.org", "WOH|a.org", "WOH|b.org"), keys(store.all()));
        assertEquals(List.of("WOH|b.org", "WOH|a.org", "HUT|a.org"), keys(store.reverseAll()));
        assertEquals(List.of("WOH|a.org"), keys(store.range(key("I"), key("WOH|a.org"))));
    }

    @Test
    void pointReadsWritesAndAnIteratorThatOutlivesAChange() {
        assertNull(store.putIfAbsent(key("k"), value("1")));
        assertArrayEquals(value("1"), store.putIfAbsent(key("k"), value("2")));
        store.putAll(List.of(KeyValue.pair(key("g\u0000x"), value("x")), KeyValue.pair(key("k"), null)));
        assertNull(store.get(key("k")));

        KeyValueIterator<Bytes, byte[]> it = store.prefixScan("g\u0000", new StringSerializer());
        store.delete(key("g\u0000x"));
        assertEquals(key("g\u0000x"), it.peekNextKey());
        assertArrayEquals(value("x"), it.next().value);
        assertEquals(List.of(), keys(store.all()));
    }
}
