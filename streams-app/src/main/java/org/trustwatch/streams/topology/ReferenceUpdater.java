package org.trustwatch.streams.topology;

import java.util.function.BiConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.trustwatch.streams.context.ReferenceIndex;

/**
 * Keeps one global reference store and the in-memory index in step: a record replaces the row with its id, a
 * tombstone removes it. On start the index is rebuilt from what the store already holds.
 */
final class ReferenceUpdater<V> implements Processor<String, V, Void, Void> {

    private final String storeName;
    private final SharedReference reference;
    private final BiConsumer<ReferenceIndex, V> put;
    private final BiConsumer<ReferenceIndex, String> remove;
    private KeyValueStore<String, V> store;

    ReferenceUpdater(
            String storeName,
            SharedReference reference,
            BiConsumer<ReferenceIndex, V> put,
            BiConsumer<ReferenceIndex, String> remove) {
        this.storeName = storeName;
        this.reference = reference;
        this.put = put;
        this.remove = remove;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
        reference.update(index -> {
            try (KeyValueIterator<String, V> all = store.all()) {
                while (all.hasNext()) {
                    KeyValue<String, V> row = all.next();
                    put.accept(index, row.value);
                }
            }
        });
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
            reference.update(index -> remove.accept(index, record.key()));
        } else {
            store.put(record.key(), record.value());
            reference.update(index -> put.accept(index, record.value()));
        }
    }
}
