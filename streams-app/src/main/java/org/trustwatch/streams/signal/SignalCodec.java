package org.trustwatch.streams.signal;

import java.time.Instant;
import org.trustwatch.schema.Evidence;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.Role;
import org.trustwatch.streams.codec.BinaryReader;
import org.trustwatch.streams.codec.BinaryWriter;
import org.trustwatch.streams.codec.Vocabulary;

/**
 * The bytes of a {@link Signal} on the app's internal topics and in its state stores. Internal records never leave
 * the application, so they skip the registry: a version byte first, then the fields in order ({@link BinaryWriter}),
 * which is several times cheaper than an Avro round trip per record. A record of an unknown version is refused with a clear message, so an
 * upgrade that changes the layout must add a version, not reuse one.
 */
public final class SignalCodec {

    /** Version 1 was written with DataOutputStream; version 2 with {@link BinaryWriter}. */
    static final byte VERSION = 2;

    /** Rule names, phases, school ids, sources and log files: few distinct values, kept once (see Vocabulary). */
    private static final Vocabulary WORDS = new Vocabulary(10_000);

    private SignalCodec() {}

    public static byte[] encode(Signal signal) {
        BinaryWriter out = new BinaryWriter(256);
        out.writeByte(VERSION);
        write(out, signal);
        return out.toByteArray();
    }

    public static Signal decode(byte[] data) {
        BinaryReader in = new BinaryReader(data, "signal record");
        checkVersion(in.readByte(), "signal");
        return read(in);
    }

    static void checkVersion(int version, String what) {
        if (version != VERSION) {
            throw new IllegalArgumentException(
                    what + " record has layout version " + version + ", this app reads version " + VERSION
                            + ": reset the application's internal topics or run the matching app version");
        }
    }

    public static void write(BinaryWriter out, Signal s) {
        out.writeString(s.rule());
        out.writeString(s.key());
        out.writeLong(s.time());
        out.writeByte(s.category().ordinal());
        out.writeNullable(s.schoolId());
        out.writeString(s.subject());
        out.writeByte(s.subjectRole() == null ? -1 : s.subjectRole().ordinal());
        out.writeNullable(s.value());
        out.writeLong(s.amount());
        out.writeNullable(s.phase());
        out.writeByte(s.severity());
        out.writeBoolean(s.breach());
        out.writeNullable(s.exemptionId());
        writeEvidence(out, s.evidence());
    }

    public static Signal read(BinaryReader in) {
        String rule = WORDS.share(in.readString());
        String key = in.readString();
        long time = in.readLong();
        IncidentCategory category = IncidentCategory.values()[in.readByte()];
        String school = WORDS.share(in.readNullable());
        String subject = in.readString();
        if (subject.equals(key)) {
            subject = key; // most rules group by their subject: one copy for both
        }
        int role = in.readByte();
        String value = in.readNullable();
        long amount = in.readLong();
        String phase = WORDS.share(in.readNullable());
        int severity = in.readByte();
        boolean breach = in.readBoolean();
        String exemption = in.readNullable();
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

    public static void writeEvidence(BinaryWriter out, Evidence e) {
        out.writeLong(e.getTimestamp().toEpochMilli());
        out.writeString(e.getSource());
        out.writeString(e.getEventHash());
        out.writeString(e.getSummary());
        out.writeNullable(e.getLogFilePath());
        out.writeLong(e.getLogLine() == null ? -1 : e.getLogLine());
    }

    public static Evidence readEvidence(BinaryReader in) {
        Instant at = Instant.ofEpochMilli(in.readLong());
        String source = WORDS.share(in.readString());
        String hash = in.readString();
        String summary = in.readString();
        String file = WORDS.share(in.readNullable());
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
}
