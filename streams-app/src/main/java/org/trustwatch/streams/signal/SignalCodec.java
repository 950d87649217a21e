package org.trustwatch.streams.signal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.trustwatch.schema.Evidence;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.Role;

/**
 * The bytes of a {@link Signal} on the app's internal topics and in its state stores. Internal records never leave
 * the application, so they skip the registry: a version byte first, then the fields in order, which is several times
 * cheaper than an Avro round trip per record. A record of an unknown version is refused with a clear message, so an
 * upgrade that changes the layout must add a version, not reuse one.
 */
public final class SignalCodec {

    static final byte VERSION = 1;

    private SignalCodec() {}

    public static byte[] encode(Signal signal) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            write(out, signal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Signal decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            checkVersion(in.readByte(), "signal");
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("truncated signal record", e);
        }
    }

    static void checkVersion(byte version, String what) {
        if (version != VERSION) {
            throw new IllegalArgumentException(
                    what + " record has layout version " + version + ", this app reads version " + VERSION
                            + ": reset the application's internal topics or run the matching app version");
        }
    }

    public static void write(DataOutputStream out, Signal s) throws IOException {
        out.writeUTF(s.rule());
        out.writeUTF(s.key());
        out.writeLong(s.time());
        out.writeByte(s.category().ordinal());
        writeNullable(out, s.schoolId());
        out.writeUTF(s.subject());
        out.writeByte(s.subjectRole() == null ? -1 : s.subjectRole().ordinal());
        writeNullable(out, s.value());
        out.writeLong(s.amount());
        writeNullable(out, s.phase());
        out.writeByte(s.severity());
        out.writeBoolean(s.breach());
        writeNullable(out, s.exemptionId());
        writeEvidence(out, s.evidence());
    }

    public static Signal read(DataInputStream in) throws IOException {
        String rule = in.readUTF();
        String key = in.readUTF();
        long time = in.readLong();
        IncidentCategory category = IncidentCategory.values()[in.readByte()];
        String school = readNullable(in);
        String subject = in.readUTF();
        byte role = in.readByte();
        String value = readNullable(in);
        long amount = in.readLong();
        String phase = readNullable(in);
        int severity = in.readByte();
        boolean breach = in.readBoolean();
        String exemption = readNullable(in);
        Evidence evidence = readEvidence(in);
        return new Signal(
                rule,
                key,
                time,
                category,
                school,
                subject,
                role < 0 ? null : Role.values()[role],
                value,
                amount,
                phase,
                severity,
                breach,
                exemption,
                evidence);
    }

    public static void writeEvidence(DataOutputStream out, Evidence e) throws IOException {
        out.writeLong(e.getTimestamp().toEpochMilli());
        out.writeUTF(e.getSource());
        out.writeUTF(e.getEventHash());
        writeLong(out, e.getSummary());
        writeNullable(out, e.getLogFilePath());
        out.writeLong(e.getLogLine() == null ? -1 : e.getLogLine());
    }

    public static Evidence readEvidence(DataInputStream in) throws IOException {
        Instant at = Instant.ofEpochMilli(in.readLong());
        String source = in.readUTF();
        String hash = in.readUTF();
        String summary = readLong(in);
        String file = readNullable(in);
        long line = in.readLong();
        return Evidence.newBuilder()
                .setTimestamp(at)
                .setSource(source)
                .setEventHash(hash)
                .setSummary(summary)
                .setLogFilePath(file)
                .setLogLine(line < 0 ? null : line)
                .build();
    }

    public static void writeNullable(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            writeLong(out, text);
        }
    }

    public static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? readLong(in) : null;
    }

    /** writeUTF is limited to 64 KiB; summaries and recipient lists may be longer. */
    private static void writeLong(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readLong(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
    }
}
