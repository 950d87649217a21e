package org.trustwatch.streams.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A logged key-value store whose writes are held in a hash map until the task commits, then written to the store
 * below (on the heap or in RocksDB, {@link StoreKind}) and the changelog once per key. It does the job of Kafka
 * Streams' record cache, which keeps its entries in a tree ordered by key bytes: with keys that share long prefixes (a
 * rule and an account) comparing them took an eighth of the stream thread's time. Reads of single keys, the only reads on the hot path, see the held writes first.
 *
 * <p>Keys may be grouped: the part of a key before {@link #GROUP_END} names its group, and a prefix scan of
 * {@code group + GROUP_END} writes only that group's held entries through before scanning. Any other range read writes
 * all held entries through first.
 *
 * <p>It must be flushed before the task's transaction commits, or a commit would carry input offsets whose state
 * changes are not in the changelog. Kafka Streams flushes before the commit exactly the stores that implement its
 * {@link CachedStateStore} interface (internal, and tied to the Kafka version this build pins), so this store
 * implements it. {@code WriteBehindStoreTest} checks that a write reaches the changelog with the commit that follows
 * it.
 */
public final class WriteBehindStore implements KeyValueStore<String, byte[]>, CachedStateStore<String, byte[]> {

    /** Ends the group part of a key; a NUL never occurs in the names, addresses and hashes keys are made of. */
    public static final char GROUP_END = '\u0000';

    /** A held delete (compared by identity; an empty value written by a caller is a value). */
    private static final byte[] DELETED = new byte[0];

    private final KeyValueStore<String, byte[]> inner;
    private final Map<String, Map<String, byte[]>> held = new HashMap<>();

    WriteBehindStore(KeyValueStore<String, byte[]> inner) {
        this.inner = inner;
    }

    static String groupOf(String key) {
        int end = key.indexOf(GROUP_END);
        return end < 0 ? key : key.substring(0, end);
    }

    @Override
    public byte[] get(String key) {
        Map<String, byte[]> group = held.get(groupOf(key));
        byte[] value = group == null ? null : group.get(key);
        if (value == null) {
            return inner.get(key);
        }
        return value == DELETED ? null : value;
    }

    /** A null value deletes the key, as for any Kafka Streams key-value store, without reading the old value. */
    @Override
    public void put(String key, byte[] value) {
        held.computeIfAbsent(groupOf(key), g -> new HashMap<>()).put(key, value == null ? DELETED : value);
    }

    @Override
    public byte[] putIfAbsent(String key, byte[] value) {
        byte[] old = get(key);
        if (old == null) {
            put(key, value);
        }
        return old;
    }

    @Override
    public void putAll(List<KeyValue<String, byte[]>> entries) {
        entries.forEach(kv -> put(kv.key, kv.value));
    }

    @Override
    public byte[] delete(String key) {
        byte[] old = get(key);
        put(key, null);
        return old;
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, byte[]> prefixScan(P prefix, PS serializer) {
        if (prefix instanceof String p && p.indexOf(GROUP_END) == p.length() - 1) {
            writeThrough(held.remove(p.substring(0, p.length() - 1)));
        } else {
            flushCache();
        }
        return inner.prefixScan(prefix, serializer);
    }

    @Override
    public KeyValueIterator<String, byte[]> range(String from, String to) {
        flushCache();
        return inner.range(from, to);
    }

    @Override
    public KeyValueIterator<String, byte[]> reverseRange(String from, String to) {
        flushCache();
        return inner.reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<String, byte[]> all() {
        flushCache();
        return inner.all();
    }

    @Override
    public KeyValueIterator<String, byte[]> reverseAll() {
        flushCache();
        return inner.reverseAll();
    }

    @Override
    public long approximateNumEntries() {
        return inner.approximateNumEntries() + held.size();
    }

    /** Writes every held entry to the store below and the changelog, in one batch. */
    @Override
    public void flushCache() {
        if (held.isEmpty()) {
            return;
        }
        int size = 0;
        for (Map<String, byte[]> group : held.values()) {
            size += group.size();
        }
        List<KeyValue<String, byte[]>> batch = new ArrayList<>(size); // sized once: growing it showed in profiles
        held.values().forEach(group -> addTo(batch, group));
        held.clear();
        inner.putAll(batch);
    }

    private void writeThrough(Map<String, byte[]> group) {
        if (group != null) {
            List<KeyValue<String, byte[]>> batch = new ArrayList<>(group.size());
            addTo(batch, group);
            inner.putAll(batch);
        }
    }

    private static void addTo(List<KeyValue<String, byte[]>> batch, Map<String, byte[]> group) {
        group.forEach((k, v) -> batch.add(KeyValue.pair(k, v == DELETED ? null : v)));
    }

    /** Held writes of a task closed without committing are dropped: the changelog restores the store. */
    @Override
    public void clearCache() {
        held.clear();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<String, byte[]> listener, boolean sendOldValues) {
        return false; // nothing downstream reads this store's changes
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        held.clear();
        inner.init(context, root);
    }

    @Override
    public void flush() {
        flushCache();
        inner.flush();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        flushCache();
        inner.commit(changelogOffsets);
    }

    @Override
    public Long committedOffset(TopicPartition partition) {
        return inner.committedOffset(partition);
    }

    @Override
    public boolean managesOffsets() {
        return inner.managesOffsets();
    }

    @Override
    public void close() {
        held.clear();
        inner.close();
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound bound, QueryConfig config) {
        // Interactive queries come from other threads: they see what was committed, not the held writes.
        return inner.query(query, bound, config);
    }

    @Override
    public Position getPosition() {
        return inner.getPosition();
    }
}
