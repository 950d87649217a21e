package org.trustwatch.streams.signal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Version 1 was written with DataOutputStream; version 2 with {@link BinaryWriter}; version 3 adds the signal's
     * companions ({@link SignalBundles}).
     */
    static final byte VERSION = 3;

    /** Rule names, phases, school ids, sources and log files: few distinct values, kept once (see Vocabulary). */
    private static final Vocabulary WORDS = new Vocabulary(10_000);

    // values() copies its array on every call
    private static final IncidentCategory[] CATEGORIES = IncidentCategory.values();
    private static final Role[] ROLES = Role.values();

    private SignalCodec() {}

    public static byte[] encode(Signal signal) {
        BinaryWriter out = BinaryWriter.reused();
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

    /** The evidence, the fields, then the companions, each with its evidence only when it is not the first's. */
    public static void write(BinaryWriter out, Signal s) {
        writeEvidence(out, s.evidence());
        writeFields(out, s);
        out.writeSize(s.companions().size());
        for (Signal c : s.companions()) {
            // The companions of a bundle are the same event's: its evidence is written once.
            boolean shared = c.evidence() == s.evidence() || c.evidence().equals(s.evidence());
            out.writeBoolean(shared);
            if (!shared) {
                writeEvidence(out, c.evidence());
            }
            writeFields(out, c);
        }
    }

    private static void writeFields(BinaryWriter out, Signal s) {
        writeFields(out, s, false);
    }

    /** The fields in order; {@code kept}: without the rule and key, and the subject null when it is the key. */
    private static void writeFields(BinaryWriter out, Signal s, boolean kept) {
        if (!kept) {
            out.writeString(s.rule());
            out.writeString(s.key());
        }
        out.writeLong(s.time());
        out.writeByte(s.category().ordinal());
        out.writeNullable(s.schoolId());
        if (kept) {
            out.writeNullable(s.subject().equals(s.key()) ? null : s.subject());
        } else {
            out.writeString(s.subject());
        }
        out.writeByte(s.subjectRole() == null ? -1 : s.subjectRole().ordinal());
        out.writeNullable(s.value());
        out.writeLong(s.amount());
        out.writeNullable(s.phase());
        out.writeByte(s.severity());
        out.writeBoolean(s.breach());
        out.writeNullable(s.exemptionId());
    }

    public static Signal read(BinaryReader in) {
        Evidence evidence = readEvidence(in);
        Signal first = readFields(in, evidence);
        int n = in.readSize();
        if (n == 0) {
            return first;
        }
        List<Signal> companions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean shared = in.readBoolean();
            companions.add(readFields(in, shared ? evidence : readEvidence(in)));
        }
        return first.withCompanions(companions);
    }

    private static Signal readFields(BinaryReader in, Evidence evidence) {
        return readFields(in, evidence, null, null);
    }

    /** The fields {@link #writeFields} wrote; a rule and key given: as kept, with that rule and key. */
    private static Signal readFields(BinaryReader in, Evidence evidence, String keptRule, String keptKey) {
        boolean kept = keptRule != null;
        String rule = WORDS.share(kept ? keptRule : in.readString());
        String key = kept ? keptKey : in.readString();
        long time = in.readLong();
        IncidentCategory category = CATEGORIES[in.readByte()];
        String school = WORDS.share(in.readNullable());
        String subject = kept ? in.readNullable() : in.readString();
        if (subject == null || subject.equals(key)) {
            subject = key; // most rules group by their subject: one copy for both
        }
        int role = in.readByte();
        String value = in.readNullable();
        long amount = in.readLong();
        String phase = WORDS.share(in.readNullable());
        int severity = in.readByte();
        boolean breach = in.readBoolean();
        String exemption = in.readNullable();
        return new Signal(
                rule,
                key,
                time,
                category,
                school,
                subject,
                role < 0 ? null : ROLES[role],
                value,
                amount,
                phase,
                severity,
                breach,
                exemption,
                evidence);
    }

    /**
     * A rule entry's signal without what the entry's store key already holds (the rule, the key and the event hash,
     * see {@code EntriesCodec}): a third of the bytes of {@link #write}, in the store and its changelog. The subject is
     * written only when it is not the key (most rules group by their subject). An entry keeps one signal, unbundled
     * by the rule stage: the companion count is always 0.
     */
    public static void writeKept(BinaryWriter out, Signal s) {
        if (!s.companions().isEmpty()) {
            throw new IllegalArgumentException("a rule entry keeps one signal: unbundle " + s.rule() + " first");
        }
        writeEvidence(out, s.evidence(), false);
        writeFields(out, s, true);
        out.writeSize(0);
    }

    /** The signal {@link #writeKept} wrote, with the rule, key and event hash its store key holds. */
    public static Signal readKept(BinaryReader in, String rule, String key, String eventHash) {
        Signal s = readFields(in, readEvidence(in, eventHash), rule, key);
        int companions = in.readSize();
        if (companions != 0) {
            throw new IllegalArgumentException("a rule entry of " + rule + " holds " + companions
                    + " more signals, which a rule entry never has: reset the application's state");
        }
        return s;
    }

    public static void writeEvidence(BinaryWriter out, Evidence e) {
        writeEvidence(out, e, true);
    }

    private static void writeEvidence(BinaryWriter out, Evidence e, boolean withHash) {
        out.writeLong(e.getTimestamp().toEpochMilli());
        out.writeString(e.getSource());
        if (withHash) {
            out.writeString(e.getEventHash());
        }
        out.writeString(e.getSummary());
        out.writeNullable(e.getLogFilePath());
        out.writeLong(e.getLogLine() == null ? -1 : e.getLogLine());
    }

    public static Evidence readEvidence(BinaryReader in) {
        return readEvidence(in, null);
    }

    /** {@code keptHash} given: evidence written without its hash, which is that one. */
    private static Evidence readEvidence(BinaryReader in, String keptHash) {
        Instant at = Instant.ofEpochMilli(in.readLong());
        String source = WORDS.share(in.readString());
        String hash = keptHash != null ? keptHash : in.readString();
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
