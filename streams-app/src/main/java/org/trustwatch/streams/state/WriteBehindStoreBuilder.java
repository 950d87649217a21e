package org.trustwatch.streams.state;

import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds a {@link WriteBehindStore} over a logged store of the given {@link StoreKind} with string keys and byte values. Kafka
 * Streams' own cache is never added below it: the write-behind map is the cache.
 */
public final class WriteBehindStoreBuilder implements StoreBuilder<KeyValueStore<String, byte[]>> {

    private final StoreBuilder<KeyValueStore<String, byte[]>> inner;
    private final Remembering supplier;

    private WriteBehindStoreBuilder(StoreBuilder<KeyValueStore<String, byte[]>> inner, Remembering supplier) {
        this.inner = inner;
        this.supplier = supplier;
    }

    public static WriteBehindStoreBuilder of(String name, StoreKind kind) {
        Remembering supplier = new Remembering(kind.supplier(name));
        return new WriteBehindStoreBuilder(
                Stores.keyValueStoreBuilder(supplier, Serdes.String(), Serdes.ByteArray())
                        .withCachingDisabled(),
                supplier);
    }

    /**
     * Remembers the bottom store each build made, per thread (stream threads build their tasks' stores at the same
     * time), so that the write-behind store may read a heap store's groups directly.
     */
    private static final class Remembering implements KeyValueBytesStoreSupplier {
        private final KeyValueBytesStoreSupplier supplier;
        private final ThreadLocal<KeyValueStore<Bytes, byte[]>> made = new ThreadLocal<>();

        Remembering(KeyValueBytesStoreSupplier supplier) {
            this.supplier = supplier;
        }

        @Override
        public String name() {
            return supplier.name();
        }

        @Override
        public KeyValueStore<Bytes, byte[]> get() {
            KeyValueStore<Bytes, byte[]> store = supplier.get();
            made.set(store);
            return store;
        }

        @Override
        public String metricsScope() {
            return supplier.metricsScope();
        }

        /** The store the last build on this thread made, forgotten here. */
        KeyValueStore<Bytes, byte[]> takeMade() {
            KeyValueStore<Bytes, byte[]> store = made.get();
            made.remove();
            return store;
        }
    }

    /** Already a cache: Kafka Streams' record cache would only add its tree of keys below this one. */
    @Override
    public StoreBuilder<KeyValueStore<String, byte[]>> withCachingEnabled() {
        return this;
    }

    @Override
    public StoreBuilder<KeyValueStore<String, byte[]>> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<KeyValueStore<String, byte[]>> withLoggingEnabled(Map<String, String> config) {
        inner.withLoggingEnabled(config);
        return this;
    }

    /** Refused: the store exists to batch changelog writes, and without a changelog its state could not survive. */
    @Override
    public StoreBuilder<KeyValueStore<String, byte[]>> withLoggingDisabled() {
        throw new UnsupportedOperationException("a write-behind store is always logged");
    }

    @Override
    public KeyValueStore<String, byte[]> build() {
        KeyValueStore<String, byte[]> built = inner.build();
        return new WriteBehindStore(built, supplier.takeMade() instanceof GroupedMemoryStore heap ? heap : null);
    }

    @Override
    public Map<String, String> logConfig() {
        return inner.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
        return inner.loggingEnabled();
    }

    @Override
    public String name() {
        return inner.name();
    }
}
