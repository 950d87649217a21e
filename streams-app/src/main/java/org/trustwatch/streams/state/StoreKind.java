package org.trustwatch.streams.state;

import java.util.Locale;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * Where the app's state stores keep their data between commits; the changelog topics are the durable copy either way
 * (app setting {@code state.stores}).
 *
 * <ul>
 *   <li>{@link #MEMORY} (the default): on the heap ({@link GroupedMemoryStore}). Each read and write is a map operation. A task that starts on a
 *       new instance, or after a restart, reads its whole changelog back first, and the heap must hold the state (the
 *       rules' windows, the hosts' and addresses' sessions, the open incidents).
 *   <li>{@link #ROCKSDB}: in RocksDB under {@code state.dir}, checkpointed, so a restart reads back only the changelog
 *       written since; for state larger than the heap. Every read and write goes through JNI, and a window read is an
 *       iterator seek.
 * </ul>
 */
public enum StoreKind {
    MEMORY,
    ROCKSDB;

    /** The kind the app's config names ({@code state.stores}), {@link #MEMORY} when it names none. */
    public static StoreKind of(Map<String, String> config) {
        return parse(config.getOrDefault("state.stores", "memory"));
    }

    /** The app setting's value, {@code memory} or {@code rocksdb}; anything else is refused with what is accepted. */
    public static StoreKind parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "memory" -> MEMORY;
            case "rocksdb" -> ROCKSDB;
            default ->
                throw new IllegalArgumentException(
                        "state.stores is '" + value + "': use memory (state on the heap) or rocksdb (state on disk)");
        };
    }

    /** A supplier of this kind's key-value stores, named {@code name}. */
    public KeyValueBytesStoreSupplier supplier(String name) {
        return this == MEMORY ? GroupedMemoryStore.supplier(name) : Stores.persistentKeyValueStore(name);
    }
}
