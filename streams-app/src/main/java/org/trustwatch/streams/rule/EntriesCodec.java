package org.trustwatch.streams.rule;

import org.trustwatch.streams.codec.BinaryReader;
import org.trustwatch.streams.codec.BinaryWriter;
import org.trustwatch.streams.signal.Signal;
import org.trustwatch.streams.signal.SignalCodec;
import org.trustwatch.streams.state.WriteBehindStore;

/**
 * One kept entry of a rule as bytes in its state store (same layout rules as {@link SignalCodec}). Each entry is its
 * own store record, so a new signal writes one small record instead of rewriting the key's whole window.
 */
public final class EntriesCodec {

    /**
     * Version 1 held a key's whole window in one record; version 2 holds one entry; version 3 writes the entry's signal
     * in the layout of {@link SignalCodec} version 3; version 4 leaves out what the entry's store key holds.
     */
    private static final byte VERSION = 4;

    private EntriesCodec() {}

    public static byte[] encode(Entry entry) {
        BinaryWriter out = BinaryWriter.reused();
        out.writeByte(VERSION);
        out.writeBoolean(entry.emitted);
        SignalCodec.writeKept(out, entry.signal);
        return out.toByteArray();
    }

    /** The group of a rule's key in the store: its entries are the window the rule stage scans. */
    public static String group(String rule, String key) {
        return rule + '|' + key;
    }

    /**
     * The store key of an entry: its {@link #group}, then the entry's {@link Entry#id()}, which starts with the event
     * hash. The value leaves the rule, the key and the hash out.
     */
    public static String storeKey(String group, Entry e) {
        return group + WriteBehindStore.GROUP_END + e.id();
    }

    /** The entry stored under {@code storeKey} ({@link #storeKey}) with the value {@code data}. */
    public static Entry decode(String storeKey, byte[] data) {
        int bar = storeKey.indexOf('|');
        int groupEnd = storeKey.indexOf(WriteBehindStore.GROUP_END, bar);
        int hashEnd = storeKey.indexOf('\u0001', groupEnd);
        if (bar < 0 || groupEnd < 0 || hashEnd < 0) {
            throw new IllegalArgumentException("rule state key '" + storeKey.replace(WriteBehindStore.GROUP_END, '|')
                    + "' is not rule|key, then an entry id: reset the application's state"
                    + " (kafka-streams-application-reset) or run the matching app version");
        }
        BinaryReader in = new BinaryReader(data, "rule state");
        int version = in.readByte();
        if (version != VERSION) {
            throw new IllegalArgumentException("rule state has layout version " + version + ", expected " + VERSION
                    + ": reset the application's state (kafka-streams-application-reset) or run the matching app"
                    + " version");
        }
        boolean emitted = in.readBoolean();
        Signal signal = SignalCodec.readKept(
                in,
                storeKey.substring(0, bar),
                storeKey.substring(bar + 1, groupEnd),
                storeKey.substring(groupEnd + 1, hashEnd));
        return new Entry(signal, emitted);
    }
}
