package org.trustwatch.streams.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The app's heap store: a hash map of byte keys, plus an index of the keys of each group (the bytes up to the first
 * {@link WriteBehindStore#GROUP_END}), so that reading one rule key's window is a lookup, not a tree search.
 *
 * <p>Kafka Streams' own in-memory store is a tree map of byte keys. The rule stage's keys share long prefixes (rule,
 * account, entry id), so each of its searches compared long arrays twenty times over, and a prefix scan copied the
 * matching keys into a new tree before iterating: in bench-correlate, that store was 18 % of the stream threads' CPU
 * samples, its prefix-scan iterator alone 8 %. Point reads and writes are what the stages do; the few full scans (at
 * start-up and in the periodic sweeps) sort a snapshot, so every iterator still comes in key order. A prefix that does
 * not end a group (none of the stores built on this one reads by such a prefix) is answered by a full sorted scan.
 *
 * <p>The changelog below the write-behind map is the durable copy: a restarted task reads it back through the restore
 * callback registered in {@link #init}.
 */
public final class GroupedMemoryStore implements KeyValueStore<Bytes, byte[]> {

    private static final byte GROUP_END = (byte) WriteBehindStore.GROUP_END;

    private final String name;
    private final Map<Bytes, byte[]> values = new HashMap<>();
    private final Map<Bytes, Set<Bytes>> groups = new HashMap<>();
    private volatile boolean open;

    GroupedMemoryStore(String name) {
        this.name = name;
    }

    /** A supplier of these stores for {@code Stores.keyValueStoreBuilder}. */
    public static KeyValueBytesStoreSupplier supplier(String name) {
        return new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return new GroupedMemoryStore(name);
            }

            @Override
            public String metricsScope() {
                return "in-memory";
            }
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        context.register(root, (key, value) -> put(Bytes.wrap(key), value));
        open = true;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public synchronized void close() {
        values.clear();
        groups.clear();
        open = false;
    }

    @Override
    public synchronized byte[] get(Bytes key) {
        return values.get(key);
    }

    @Override
    public synchronized void put(Bytes key, byte[] value) {
        if (value == null) {
            delete(key);
        } else if (values.put(key, value) == null) {
            Bytes group = groupOf(key);
            if (group != null) {
                groups.computeIfAbsent(group, g -> new HashSet<>(4)).add(key);
            }
        }
    }

    @Override
    public synchronized byte[] putIfAbsent(Bytes key, byte[] value) {
        byte[] old = values.get(key);
        if (old == null) {
            put(key, value);
        }
        return old;
    }

    @Override
    public synchronized void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        for (KeyValue<Bytes, byte[]> e : entries) {
            put(e.key, e.value);
        }
    }

    @Override
    public synchronized byte[] delete(Bytes key) {
        byte[] old = values.remove(key);
        if (old != null) {
            Bytes group = groupOf(key);
            if (group != null) {
                Set<Bytes> members = groups.get(group);
                if (members != null && members.remove(key) && members.isEmpty()) {
                    groups.remove(group);
                }
            }
        }
        return old;
    }

    @Override
    public synchronized <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(
            P prefix, PS prefixKeySerializer) {
        byte[] p = prefixKeySerializer.serialize(null, prefix);
        Bytes whole = Bytes.wrap(p);
        if (p.length > 0 && firstGroupEnd(p) == p.length - 1) {
            Set<Bytes> members = groups.get(whole);
            return snapshot(members == null ? List.of() : members, false);
        }
        List<Bytes> matching = new ArrayList<>();
        for (Bytes key : values.keySet()) {
            byte[] k = key.get();
            if (k.length >= p.length && Arrays.equals(k, 0, p.length, p, 0, p.length)) {
                matching.add(key);
            }
        }
        return snapshot(matching, false);
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return snapshot(between(from, to), false);
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return snapshot(between(from, to), true);
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> all() {
        return snapshot(values.keySet(), false);
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> reverseAll() {
        return snapshot(values.keySet(), true);
    }

    @Override
    public synchronized long approximateNumEntries() {
        return values.size();
    }

    @Override
    public void flush() {
        // nothing to write: the changelog holds the durable copy
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return QueryResult.forUnknownQueryType(query, this);
    }

    @Override
    public Position getPosition() {
        return Position.emptyPosition();
    }

    private List<Bytes> between(Bytes from, Bytes to) {
        List<Bytes> keys = new ArrayList<>();
        for (Bytes key : values.keySet()) {
            if ((from == null || key.compareTo(from) >= 0) && (to == null || key.compareTo(to) <= 0)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** The keys' current entries in key order, copied: the store may change while the caller iterates. */
    private KeyValueIterator<Bytes, byte[]> snapshot(Collection<Bytes> keys, boolean reverse) {
        List<Bytes> sorted = new ArrayList<>(keys);
        Collections.sort(sorted);
        if (reverse) {
            Collections.reverse(sorted);
        }
        List<KeyValue<Bytes, byte[]>> entries = new ArrayList<>(sorted.size());
        for (Bytes key : sorted) {
            entries.add(KeyValue.pair(key, values.get(key)));
        }
        return new ListIterator(entries.iterator());
    }

    /** The key's group (its bytes up to and including the first group end), or null for a key without one. */
    private static Bytes groupOf(Bytes key) {
        byte[] k = key.get();
        int end = firstGroupEnd(k);
        return end < 0 ? null : Bytes.wrap(Arrays.copyOf(k, end + 1));
    }

    private static int firstGroupEnd(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == GROUP_END) {
                return i;
            }
        }
        return -1;
    }

    private static final class ListIterator implements KeyValueIterator<Bytes, byte[]> {

        private final Iterator<KeyValue<Bytes, byte[]>> entries;
        private KeyValue<Bytes, byte[]> next;

        ListIterator(Iterator<KeyValue<Bytes, byte[]>> entries) {
            this.entries = entries;
        }

        @Override
        public boolean hasNext() {
            return next != null || entries.hasNext();
        }

        @Override
        public KeyValue<Bytes, byte[]> next() {
            if (next != null) {
                KeyValue<Bytes, byte[]> out = next;
                next = null;
                return out;
            }
            if (!entries.hasNext()) {
                throw new NoSuchElementException();
            }
            return entries.next();
        }

        @Override
        public Bytes peekNextKey() {
            if (next == null) {
                if (!entries.hasNext()) {
                    throw new NoSuchElementException();
                }
                next = entries.next();
            }
            return next.key;
        }

        @Override
        public void close() {
            // a copy: nothing to release
        }
    }
}
