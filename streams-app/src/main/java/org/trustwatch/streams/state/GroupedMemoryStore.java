package org.trustwatch.streams.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.internals.ChangelogRecordDeserializationHelper;
import org.apache.kafka.streams.processor.internals.RecordBatchingStateRestoreCallback;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.StoreQueryUtils;

/**
 * The heap store below the app's write-behind stores ({@link StoreKind#MEMORY}): a hash map of key groups, each a
 * small sorted array of its members. A key's group is its bytes up to the first zero byte ({@link
 * WriteBehindStore#GROUP_END} in UTF-8), its member the rest from that byte on; a key without one is a group of one.
 *
 * <p>Kafka Streams' own in-memory store is one tree of all keys. Its prefix scan copies the matched keys into a new
 * tree, then looks each one up twice more, and every lookup descends about twenty levels comparing keys that share
 * long prefixes (a rule and an account); each put at a commit descends the same way. In bench-correlate that store
 * was 21 % of the stream threads' samples (async-profiler: its prefix scans and their iterators 12.7 %, mostly the rule
 * stage's reads of a key's window; its puts at the commits 7.7 %), and this one 8.1 % (scans 3.4 %, puts 4.4 %). Here a
 * group's scan is a hash lookup and a copy of its few members, and a put a hash lookup and a search of that group.
 *
 * <p>Reads of one group come back in key order, as from the tree. Scans across groups ({@link #all()}, ranges, a
 * prefix shorter than a group) are sorted too, at the cost of sorting what they return; only the rule and incident
 * stages' sweeps (every few minutes) and the address stage's start make them.
 */
public final class GroupedMemoryStore implements KeyValueStore<Bytes, byte[]> {

    private static final byte[] NO_MEMBER = new byte[0];

    private final String name;
    private final Map<Bytes, Group> groups = new HashMap<>();
    private final Position position = Position.emptyPosition();
    private StateStoreContext context;
    private long entries;
    private volatile boolean open;

    public GroupedMemoryStore(String name) {
        this.name = name;
    }

    /** A supplier of these stores, for {@code Stores.keyValueStoreBuilder}, which adds the changelog and metrics. */
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
                return "in-memory-grouped";
            }
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        this.context = context;
        if (root != null) {
            boolean consistency = StreamsConfig.InternalConfig.getBoolean(
                    context.appConfigs(), StreamsConfig.InternalConfig.IQ_CONSISTENCY_OFFSET_VECTOR_ENABLED, false);
            // the changelog read back at a task's start, as Kafka Streams' in-memory store does
            context.register(root, (RecordBatchingStateRestoreCallback) records -> {
                synchronized (position) {
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        write(r.key(), r.value());
                        ChangelogRecordDeserializationHelper.applyChecksAndUpdatePosition(r, consistency, position);
                    }
                }
            });
        }
        open = true;
    }

    @Override
    public synchronized byte[] get(Bytes key) {
        byte[] k = key.get();
        int split = split(k);
        Group group = groups.get(groupOf(k, split));
        return group == null ? null : group.get(memberOf(k, split));
    }

    @Override
    public synchronized void put(Bytes key, byte[] value) {
        synchronized (position) {
            write(key.get(), value);
            StoreQueryUtils.updatePosition(position, context);
        }
    }

    @Override
    public synchronized byte[] putIfAbsent(Bytes key, byte[] value) {
        byte[] old = get(key);
        if (old == null) {
            put(key, value);
        }
        return old;
    }

    @Override
    public synchronized void putAll(List<KeyValue<Bytes, byte[]>> batch) {
        synchronized (position) {
            for (KeyValue<Bytes, byte[]> kv : batch) {
                write(kv.key.get(), kv.value);
            }
            // the whole batch is the same record's (a commit's flush): one position update
            StoreQueryUtils.updatePosition(position, context);
        }
    }

    @Override
    public synchronized byte[] delete(Bytes key) {
        byte[] old = get(key);
        put(key, null);
        return old;
    }

    private void write(byte[] key, byte[] value) {
        int split = split(key);
        Bytes groupKey = groupOf(key, split);
        byte[] member = memberOf(key, split);
        Group group = groups.get(groupKey);
        if (value == null) {
            if (group != null && group.remove(member)) {
                entries--;
                if (group.size == 0) {
                    groups.remove(groupKey);
                }
            }
            return;
        }
        if (group == null) {
            group = new Group();
            groups.put(groupKey, group);
        }
        if (group.put(member, value)) {
            entries++;
        }
    }

    @Override
    public synchronized <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(
            P prefix, PS prefixKeySerializer) {
        byte[] p = prefixKeySerializer.serialize(null, prefix);
        int split = split(p);
        if (split < p.length) {
            // the prefix names one group (and perhaps the start of its members): the rule stage's read of a window
            byte[] groupBytes = Arrays.copyOf(p, split);
            Group group = groups.get(Bytes.wrap(groupBytes));
            if (group == null) {
                return new ListIterator(List.of());
            }
            byte[] memberPrefix = Arrays.copyOfRange(p, split, p.length);
            List<KeyValue<Bytes, byte[]>> out = new ArrayList<>(group.size);
            for (int i = 0; i < group.size; i++) {
                if (startsWith(group.members[i], memberPrefix)) {
                    out.add(KeyValue.pair(Bytes.wrap(join(groupBytes, group.members[i])), group.values[i]));
                }
            }
            return new ListIterator(out);
        }
        // a prefix without the separator: every group that starts with it
        return new ListIterator(sorted(k -> startsWith(k, p), false));
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return new ListIterator(sorted(k -> within(k, from, to), false));
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return new ListIterator(sorted(k -> within(k, from, to), true));
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> all() {
        return new ListIterator(sorted(k -> true, false));
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> reverseAll() {
        return new ListIterator(sorted(k -> true, true));
    }

    /** A copy of the entries whose whole key passes {@code wanted}, in key order (reversed if asked). */
    private List<KeyValue<Bytes, byte[]>> sorted(java.util.function.Predicate<byte[]> wanted, boolean reverse) {
        List<KeyValue<Bytes, byte[]>> out = new ArrayList<>();
        groups.forEach((groupKey, group) -> {
            for (int i = 0; i < group.size; i++) {
                byte[] key = join(groupKey.get(), group.members[i]);
                if (wanted.test(key)) {
                    out.add(KeyValue.pair(Bytes.wrap(key), group.values[i]));
                }
            }
        });
        out.sort((a, b) -> Arrays.compareUnsigned(a.key.get(), b.key.get()));
        if (reverse) {
            Collections.reverse(out);
        }
        return out;
    }

    private static boolean within(byte[] key, Bytes from, Bytes to) {
        return (from == null || Arrays.compareUnsigned(key, from.get()) >= 0)
                && (to == null || Arrays.compareUnsigned(key, to.get()) <= 0);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Where the member part starts: the first zero byte, or the key's length when it has none. */
    private static int split(byte[] key) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] == 0) {
                return i;
            }
        }
        return key.length;
    }

    private static Bytes groupOf(byte[] key, int split) {
        return Bytes.wrap(split == key.length ? key : Arrays.copyOf(key, split));
    }

    private static byte[] memberOf(byte[] key, int split) {
        return split == key.length ? NO_MEMBER : Arrays.copyOfRange(key, split, key.length);
    }

    private static byte[] join(byte[] group, byte[] member) {
        byte[] key = Arrays.copyOf(group, group.length + member.length);
        System.arraycopy(member, 0, key, group.length, member.length);
        return key;
    }

    @Override
    public long approximateNumEntries() {
        return entries;
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
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        // nothing to write: the changelog is the durable copy
    }

    @Override
    public synchronized void close() {
        groups.clear();
        entries = 0;
        open = false;
    }

    @Override
    public Position getPosition() {
        return position;
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound bound, QueryConfig config) {
        return StoreQueryUtils.handleBasicQueries(query, bound, config, this, position, context);
    }

    /** A group's members in byte order, with their values at the same index. */
    private static final class Group {
        byte[][] members = new byte[1][];
        byte[][] values = new byte[1][];
        int size;

        private int find(byte[] member) {
            int low = 0;
            int high = size - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                int c = Arrays.compareUnsigned(members[mid], member);
                if (c < 0) {
                    low = mid + 1;
                } else if (c > 0) {
                    high = mid - 1;
                } else {
                    return mid;
                }
            }
            return -(low + 1);
        }

        byte[] get(byte[] member) {
            int i = find(member);
            return i >= 0 ? values[i] : null;
        }

        /** Whether the member is new. */
        boolean put(byte[] member, byte[] value) {
            int i = find(member);
            if (i >= 0) {
                values[i] = value;
                return false;
            }
            int at = -i - 1;
            if (size == members.length) {
                members = Arrays.copyOf(members, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            System.arraycopy(members, at, members, at + 1, size - at);
            System.arraycopy(values, at, values, at + 1, size - at);
            members[at] = member;
            values[at] = value;
            size++;
            return true;
        }

        /** Whether the member was there. */
        boolean remove(byte[] member) {
            int i = find(member);
            if (i < 0) {
                return false;
            }
            System.arraycopy(members, i + 1, members, i, size - i - 1);
            System.arraycopy(values, i + 1, values, i, size - i - 1);
            size--;
            members[size] = null;
            values[size] = null;
            return true;
        }
    }

    /** Iterates a copy taken when the scan began, so the store may change meanwhile. */
    private final class ListIterator implements KeyValueIterator<Bytes, byte[]> {
        private final Iterator<KeyValue<Bytes, byte[]>> it;
        private KeyValue<Bytes, byte[]> next;
        private boolean closed;

        ListIterator(List<KeyValue<Bytes, byte[]>> entries) {
            this.it = entries.iterator();
        }

        @Override
        public boolean hasNext() {
            if (closed) {
                throw new IllegalStateException("iterator of store " + name + " is closed");
            }
            if (next == null && it.hasNext()) {
                next = it.next();
            }
            return next != null;
        }

        @Override
        public KeyValue<Bytes, byte[]> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            KeyValue<Bytes, byte[]> out = next;
            next = null;
            return out;
        }

        @Override
        public Bytes peekNextKey() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return next.key;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
