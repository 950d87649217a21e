package org.trustwatch.streams.rule;

import org.trustwatch.streams.signal.Signal;

/** A signal kept in a rule's state, and whether it has already been reported as part of an incident. */
public final class Entry {

    final Signal signal;
    boolean emitted;
    /** What the entry's engine parsed from its signal, kept while the key's state stays decoded in memory. */
    private Object parsed;

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

    /**
     * The engine's parsed form of this entry's signal, made once: an engine that re-reads a key's whole state for
     * every new signal (sessions over a day) would otherwise split the same values again and again. An entry belongs
     * to one rule's state, so one engine, and so one parsed form.
     */
    @SuppressWarnings("unchecked")
    <T> T parsed(java.util.function.Function<Entry, T> parse) {
        if (parsed == null) {
            parsed = parse.apply(this);
        }
        return (T) parsed;
    }

    long time() {
        return signal.time();
    }

    /**
     * Whether the signal is this entry's event again (a duplicate). One event may give several signals of a key that
     * differ by value (C13: one per recipient) or by phase.
     */
    boolean sameEvent(Signal other) {
        return signal.eventHash().equals(other.eventHash())
                && java.util.Objects.equals(signal.phase(), other.phase())
                && java.util.Objects.equals(signal.value(), other.value());
    }

    /** What tells this entry from the others of its key (the event, and the phase and value of its signal). */
    public String id() {
        String value = nullToEmpty(signal.value());
        if (value.length() > 64) { // a message's recipients: the store key stays short
            value = value.length() + "#" + Integer.toHexString(value.hashCode());
        }
        return signal.eventHash() + '\u0001' + nullToEmpty(signal.phase()) + '\u0001' + value;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
