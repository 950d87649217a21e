package org.trustwatch.streams.rule;

import org.trustwatch.streams.codec.BinaryReader;
import org.trustwatch.streams.codec.BinaryWriter;
import org.trustwatch.streams.signal.SignalCodec;

/**
 * One kept entry of a rule as bytes in its state store (same layout rules as {@link SignalCodec}). Each entry is its
 * own store record, so a new signal writes one small record instead of rewriting the key's whole window.
 */
public final class EntriesCodec {

    /**
     * Version 1 held a key's whole window in one record; version 2 holds one entry; version 3 writes the entry's signal
     * in the layout of {@link SignalCodec} version 3.
     */
    private static final byte VERSION = 3;

    private EntriesCodec() {}

    public static byte[] encode(Entry entry) {
        BinaryWriter out = BinaryWriter.reused();
        out.writeByte(VERSION);
        out.writeBoolean(entry.emitted);
        SignalCodec.write(out, entry.signal);
        return out.toByteArray();
    }

    public static Entry decode(byte[] data) {
        BinaryReader in = new BinaryReader(data, "rule state");
        int version = in.readByte();
        if (version != VERSION) {
            throw new IllegalArgumentException("rule state has layout version " + version + ", expected " + VERSION
                    + ": reset the application's state (kafka-streams-application-reset) or run the matching app"
                    + " version");
        }
        boolean emitted = in.readBoolean();
        return new Entry(SignalCodec.read(in), emitted);
    }
}
