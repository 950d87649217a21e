package org.trustwatch.streams.rule;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.trustwatch.streams.signal.SignalCodec;

/** A rule's kept entries as bytes in its state store (same layout rules as {@link SignalCodec}). */
public final class EntriesCodec {

    private static final byte VERSION = 1;

    private EntriesCodec() {}

    public static byte[] encode(List<Entry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + entries.size() * 200);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(entries.size());
            for (Entry e : entries) {
                out.writeBoolean(e.emitted);
                SignalCodec.write(out, e.signal);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static List<Entry> decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("rule state has layout version " + version + ", expected " + VERSION
                        + ": reset the application's state or run the matching app version");
            }
            int n = in.readInt();
            List<Entry> entries = new ArrayList<>(n + 1);
            for (int i = 0; i < n; i++) {
                boolean emitted = in.readBoolean();
                entries.add(new Entry(SignalCodec.read(in), emitted));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("truncated rule state", e);
        }
    }
}
