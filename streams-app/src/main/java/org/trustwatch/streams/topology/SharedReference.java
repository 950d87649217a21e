package org.trustwatch.streams.topology;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.trustwatch.streams.context.ReferenceIndex;

/**
 * The one {@link ReferenceIndex} of an app instance, kept by the global-store processors (the global thread) and
 * read by every stream thread: reads share a lock, updates take it alone.
 */
public final class SharedReference {

    private final ReferenceIndex index = new ReferenceIndex();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    public <T> T read(Function<ReferenceIndex, T> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(index);
        } finally {
            lock.readLock().unlock();
        }
    }

    public void update(Consumer<ReferenceIndex> writer) {
        lock.writeLock().lock();
        try {
            writer.accept(index);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The index itself, for code that already holds the read lock through {@link #read}. */
    ReferenceIndex unlocked() {
        return index;
    }
}
