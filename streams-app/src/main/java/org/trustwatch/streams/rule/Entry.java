package org.trustwatch.streams.rule;

import org.trustwatch.streams.signal.Signal;

/** A signal kept in a rule's state, and whether it has already been reported as part of an incident. */
public final class Entry {

    final Signal signal;
    boolean emitted;

    public Entry(Signal signal, boolean emitted) {
        this.signal = signal;
        this.emitted = emitted;
    }

    public Signal signal() {
        return signal;
    }

    public boolean emitted() {
        return emitted;
    }

    long time() {
        return signal.time();
    }
}
