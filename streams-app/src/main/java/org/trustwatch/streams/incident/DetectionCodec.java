package org.trustwatch.streams.incident;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.Evidence;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.Role;
import org.trustwatch.streams.codec.BinaryReader;
import org.trustwatch.streams.codec.BinaryWriter;
import org.trustwatch.streams.signal.SignalCodec;

/** A {@link Detection} on the app's internal repartition topic (layout as in {@link SignalCodec}). */
public final class DetectionCodec {

    /** Version 1 was written with DataOutputStream; version 2 with {@link BinaryWriter}. */
    private static final byte VERSION = 2;

    private DetectionCodec() {}

    public static byte[] encode(Detection d) {
        BinaryWriter out = BinaryWriter.reused();
        out.writeByte(VERSION);
        out.writeByte(d.category().ordinal());
        out.writeNullable(d.schoolId());
        out.writeString(d.subject());
        out.writeByte(d.subjectRole() == null ? -1 : d.subjectRole().ordinal());
        out.writeByte(d.severity());
        out.writeString(d.ruleId());
        out.writeString(d.ruleDescription());
        out.writeSize(d.thresholds().size());
        for (Map.Entry<String, String> t : d.thresholds().entrySet()) {
            out.writeString(t.getKey());
            out.writeNullable(t.getValue());
        }
        out.writeBoolean(d.escalation());
        out.writeBoolean(d.breach());
        int mask = 0;
        for (AlertRecipientRole r : d.recipients()) {
            mask |= 1 << r.ordinal();
        }
        out.writeInt(mask);
        SignalCodec.writeEvidence(out, d.evidence());
        return out.toByteArray();
    }

    public static Detection decode(byte[] data) {
        BinaryReader in = new BinaryReader(data, "detection record");
        int version = in.readByte();
        if (version != VERSION) {
            throw new IllegalArgumentException("detection record has layout version " + version + ", expected "
                    + VERSION + ": reset the application's internal topics or run the matching app version");
        }
        IncidentCategory category = IncidentCategory.values()[in.readByte()];
        String school = in.readNullable();
        String subject = in.readString();
        int role = in.readByte();
        int severity = in.readByte();
        String ruleId = in.readString();
        String description = in.readString();
        int n = in.readSize();
        Map<String, String> thresholds = new HashMap<>();
        for (int i = 0; i < n; i++) {
            thresholds.put(in.readString(), in.readNullable());
        }
        boolean escalation = in.readBoolean();
        boolean breach = in.readBoolean();
        int mask = in.readInt();
        Set<AlertRecipientRole> recipients = EnumSet.noneOf(AlertRecipientRole.class);
        for (AlertRecipientRole r : AlertRecipientRole.values()) {
            if ((mask & (1 << r.ordinal())) != 0) {
                recipients.add(r);
            }
        }
        Evidence evidence = SignalCodec.readEvidence(in);
        return new Detection(
                category,
                school,
                subject,
                role < 0 ? null : Role.values()[role],
                severity,
                ruleId,
                description,
                thresholds,
                escalation,
                breach,
                recipients,
                evidence);
    }
}
