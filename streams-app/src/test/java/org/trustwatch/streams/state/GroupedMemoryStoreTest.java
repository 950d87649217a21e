package org.trustwatch.streams.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;

/**
 * The grouped heap store answers every read as a sorted map of all its keys would (Kafka Streams' own in-memory store
 * is such a map): random writes and deletes of keys with and without a group, then every kind of read compared.
 */
class GroupedMemoryStoreTest {

    private static final char END = WriteBehindStore.GROUP_END;

    @Test
    void answersAsOneSortedMapOfAllKeys() {
        Random random = new Random(20261124);
        for (int round = 0; round < 200; round++) {
            GroupedMemoryStore store = new GroupedMemoryStore("rule-state");
            NavigableMap<Bytes, byte[]> model = new TreeMap<>();
            for (int op = 0; op < 300; op++) {
                Bytes key = bytes(randomKey(random));
                if (random.nextInt(4) == 0) {
                    store.put(key, null);
                    model.remove(key);
                } else if (random.nextInt(10) == 0) {
                    store.delete(key);
                    model.remove(key);
                } else {
                    byte[] value = ("v" + op).getBytes(StandardCharsets.UTF_8);
                    if (random.nextBoolean()) {
                        store.put(key, value);
                    } else {
                        store.putAll(List.of(KeyValue.pair(key, value)));
                    }
                    model.put(key, value);
                }
            }
            assertEquals(model.size(), store.approximateNumEntries(), "entries");
            for (int i = 0; i < 50; i++) {
                Bytes key = bytes(randomKey(random));
                assertArrayEquals(model.get(key), store.get(key), "get " + key);
            }
            for (String prefix : List.of("C08|a", "C08|a" + END, "C08|a" + END + "1", "C0", "C13|b" + END, "x", "")) {
                Bytes from = bytes(prefix);
                List<String> expected = new ArrayList<>();
                model.tailMap(from, true).forEach((k, v) -> {
                    if (text(k).startsWith(prefix)) {
                        expected.add(text(k) + "=" + new String(v, StandardCharsets.UTF_8));
                    }
                });
                assertEquals(
                        expected,
                        read(store.prefixScan(prefix, Serdes.String().serializer())),
                        "prefix scan of '" + prefix.replace(END, '|') + "'");
            }
            assertEquals(list(model), read(store.all()), "all");
            assertEquals(list(model.descendingMap()), read(store.reverseAll()), "reverse all");
            Bytes from = bytes("C08|a" + END);
            Bytes to = bytes("C13|b" + END + "2");
            assertEquals(list(model.subMap(from, true, to, true)), read(store.range(from, to)), "range");
            assertEquals(
                    list(model.subMap(from, true, to, true).descendingMap()),
                    read(store.reverseRange(from, to)),
                    "reverse range");
        }
    }

    @Test
    void aKeyWithoutAGroupIsNotTheGroupsEmptyMember() {
        GroupedMemoryStore store = new GroupedMemoryStore("s");
        store.put(bytes("C08|a"), new byte[] {1});
        store.put(bytes("C08|a" + END), new byte[] {2});
        assertArrayEquals(new byte[] {1}, store.get(bytes("C08|a")));
        assertArrayEquals(new byte[] {2}, store.get(bytes("C08|a" + END)));
        store.put(bytes("C08|a"), null);
        assertNull(store.get(bytes("C08|a")));
        assertEquals(1, store.approximateNumEntries());
    }

    @Test
    void aScanIsNotChangedByWritesAfterItBegan() {
        GroupedMemoryStore store = new GroupedMemoryStore("s");
        store.put(bytes("g" + END + "1"), new byte[] {1});
        store.put(bytes("g" + END + "2"), new byte[] {2});
        try (KeyValueIterator<Bytes, byte[]> it =
                store.prefixScan("g" + END, Serdes.String().serializer())) {
            store.put(bytes("g" + END + "1"), null);
            store.put(bytes("g" + END + "3"), new byte[] {3});
            assertEquals("g|1", text(it.next().key).replace(END, '|'));
            assertEquals("g|2", text(it.next().key).replace(END, '|'));
            assertEquals(false, it.hasNext());
        }
    }

    /** Keys as the rule stage makes them (rule|key, the separator, an entry id), and some without a group. */
    private static String randomKey(Random random) {
        String group = List.of("C08|a", "C08|ab", "C13|b", "C01|c", "C0").get(random.nextInt(5));
        return switch (random.nextInt(5)) {
            case 0 -> group;
            case 1 -> group + END;
            default -> group + END + random.nextInt(12);
        };
    }

    private static Bytes bytes(String s) {
        return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Bytes b) {
        return new String(b.get(), StandardCharsets.UTF_8);
    }

    private static List<String> list(Map<Bytes, byte[]> map) {
        List<String> out = new ArrayList<>();
        map.forEach((k, v) -> out.add(text(k) + "=" + new String(v, StandardCharsets.UTF_8)));
        return out;
    }

    private static List<String> read(KeyValueIterator<Bytes, byte[]> it) {
        List<String> out = new ArrayList<>();
        try (it) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                out.add(text(kv.key) + "=" + new String(kv.value, StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
