package org.trustwatch.streams.context;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** {@link IpHistory} and {@link HostContext} as bytes in the app's state stores (version byte first). */
public final class ContextCodec {

    private static final byte VERSION = 1;
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
            out.writeInt(host.storage().size());
            for (HostContext.Storage s : host.storage()) {
                out.writeLong(s.at().toEpochMilli());
                writeNullable(out, s.instanceId());
                writeNullable(out, s.name());
            }
        });
    }

    public static HostContext decodeHost(byte[] data) {
        return read(data, in -> {
            HostContext host = new HostContext(MAX_SESSIONS);
            readSessions(in, host.sessions());
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                host.recognised(Instant.ofEpochMilli(in.readLong()), readNullable(in), readNullable(in));
            }
            return host;
        });
    }

    private static void writeSessions(DataOutputStream out, IpHistory history) throws IOException {
        out.writeInt(history.sessions().size());
        for (IpHistory.Session s : history.sessions()) {
            out.writeLong(s.start().toEpochMilli());
            out.writeLong(s.end() == null ? Long.MIN_VALUE : s.end().toEpochMilli());
            writeNullable(out, s.account());
            writeNullable(out, s.host());
            writeNullable(out, s.logonId());
        }
        out.writeInt(history.earlyLogoffs().size());
        for (var e : history.earlyLogoffs().entrySet()) {
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue().toEpochMilli());
        }
    }

    private static IpHistory readSessions(DataInputStream in, IpHistory into) throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            Instant start = Instant.ofEpochMilli(in.readLong());
            long end = in.readLong();
            String account = readNullable(in);
            String host = readNullable(in);
            String logonId = readNullable(in);
            into.restore(new IpHistory.Session(
                    start, end == Long.MIN_VALUE ? null : Instant.ofEpochMilli(end), account, host, logonId));
        }
        int early = in.readInt();
        for (int i = 0; i < early; i++) {
            into.logoff(Instant.ofEpochMilli(in.readLong()), null, in.readUTF());
        }
        return into;
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] data, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException(
                        "session state has layout version " + version + ", expected " + VERSION);
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("truncated session state", e);
        }
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
