package org.trustwatch.streams.context;

import java.time.Instant;
import org.trustwatch.streams.codec.BinaryReader;
import org.trustwatch.streams.codec.BinaryWriter;

/** {@link IpHistory} and {@link HostContext} as bytes in the app's state stores (version byte first). */
public final class ContextCodec {

    /** Version 1 was written with DataOutputStream; version 2 with {@link BinaryWriter}. */
    private static final byte VERSION = 2;
    /** How many sessions an address or a host remembers. */
    public static final int MAX_SESSIONS = 64;

    private ContextCodec() {}

    public static byte[] encode(IpHistory history) {
        return write(out -> writeSessions(out, history));
    }

    public static IpHistory decodeIpHistory(byte[] data) {
        return read(data, in -> readSessions(in, new IpHistory(MAX_SESSIONS)));
    }

    public static byte[] encode(HostContext host) {
        return write(out -> {
            writeSessions(out, host.sessions());
            out.writeSize(host.storage().size());
            for (HostContext.Storage s : host.storage()) {
                out.writeLong(s.at().toEpochMilli());
                out.writeNullable(s.instanceId());
                out.writeNullable(s.name());
            }
        });
    }

    public static HostContext decodeHost(byte[] data) {
        return read(data, in -> {
            HostContext host = new HostContext(MAX_SESSIONS);
            readSessions(in, host.sessions());
            int n = in.readSize();
            for (int i = 0; i < n; i++) {
                host.recognised(Instant.ofEpochMilli(in.readLong()), in.readNullable(), in.readNullable());
            }
            return host;
        });
    }

    private static void writeSessions(BinaryWriter out, IpHistory history) {
        out.writeSize(history.sessions().size());
        for (IpHistory.Session s : history.sessions()) {
            out.writeLong(s.start().toEpochMilli());
            out.writeLong(s.end() == null ? Long.MIN_VALUE : s.end().toEpochMilli());
            out.writeNullable(s.account());
            out.writeNullable(s.host());
            out.writeNullable(s.logonId());
        }
        out.writeSize(history.earlyLogoffs().size());
        for (var e : history.earlyLogoffs().entrySet()) {
            out.writeString(e.getKey());
            out.writeLong(e.getValue().toEpochMilli());
        }
    }

    private static IpHistory readSessions(BinaryReader in, IpHistory into) {
        int n = in.readSize();
        for (int i = 0; i < n; i++) {
            Instant start = Instant.ofEpochMilli(in.readLong());
            long end = in.readLong();
            String account = in.readNullable();
            String host = in.readNullable();
            String logonId = in.readNullable();
            into.restore(new IpHistory.Session(
                    start, end == Long.MIN_VALUE ? null : Instant.ofEpochMilli(end), account, host, logonId));
        }
        int early = in.readSize();
        for (int i = 0; i < early; i++) {
            into.logoff(Instant.ofEpochMilli(in.readLong()), null, in.readString());
        }
        return into;
    }

    private interface Writer {
        void write(BinaryWriter out);
    }

    private interface Reader<T> {
        T read(BinaryReader in);
    }

    private static byte[] write(Writer writer) {
        BinaryWriter out = BinaryWriter.reused();
        out.writeByte(VERSION);
        writer.write(out);
        return out.toByteArray();
    }

    private static <T> T read(byte[] data, Reader<T> reader) {
        BinaryReader in = new BinaryReader(data, "session state");
        int version = in.readByte();
        if (version != VERSION) {
            throw new IllegalArgumentException("session state has layout version " + version + ", expected " + VERSION
                    + ": reset the application's state or run the matching app version");
        }
        return reader.read(in);
    }
}
