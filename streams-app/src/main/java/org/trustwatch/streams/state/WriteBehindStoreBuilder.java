package org.trustwatch.streams.state;

import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds a {@link WriteBehindStore} over a logged store of the given {@link StoreKind} with string keys and byte values. Kafka
 * Streams' own cache is never added below it: the write-behind map is the cache.
 */
public final class WriteBehindStoreBuilder implements StoreBuilder<KeyValueStore<String, byte[]>> {

    private final StoreBuilder<KeyValueStore<String, byte[]>> inner;

    private WriteBehindStoreBuilder(StoreBuilder<KeyValueStore<String, byte[]>> inner) {
        this.inner = inner;
    }

    public static WriteBehindStoreBuilder of(String name, StoreKind kind) {
        return new WriteBehindStoreBuilder(
                Stores.keyValueStoreBuilder(kind.supplier(name), Serdes.String(), Serdes.ByteArray())
                        .withCachingDisabled());
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
        return new WriteBehindStore(inner.build());
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
