package org.trustwatch.streams.context;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one endpoint's own events say about it over time: who had an interactive session on it (C11 attributes a
 * plugged-in device to them) and which removable storage devices were recognised (C02: a file write names only a
 * drive letter, which belongs to the most recent stick recognised on that host).
 */
public final class HostContext {

    /** A removable storage device recognised at a time. */
    public record Storage(Instant at, String instanceId, String name) {}

    private static final int MAX_STORAGE = 16;

    private final IpHistory sessions;
    private final List<Storage> storage = new ArrayList<>();

    public HostContext(int maxSessions) {
        this.sessions = new IpHistory(maxSessions);
    }

    public IpHistory sessions() {
        return sessions;
    }

    public void recognised(Instant at, String instanceId, String name) {
        int i = storage.size();
        while (i > 0 && storage.get(i - 1).at().isAfter(at)) {
            i--;
        }
        storage.add(i, new Storage(at, instanceId, name));
        while (storage.size() > MAX_STORAGE) {
            storage.remove(0);
        }
    }

    /** The storage device most recently recognised at or before {@code at}. */
    public Optional<Storage> storageAt(Instant at) {
        for (int i = storage.size() - 1; i >= 0; i--) {
            if (!storage.get(i).at().isAfter(at)) {
                return Optional.of(storage.get(i));
            }
        }
        return Optional.empty();
    }

    public List<Storage> storage() {
        return List.copyOf(storage);
    }
}
