package org.trustwatch.streams.incident;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.Evidence;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.Role;
import org.trustwatch.streams.signal.SignalCodec;

/** A {@link Detection} on the app's internal repartition topic (layout as in {@link SignalCodec}). */
public final class DetectionCodec {

    private static final byte VERSION = 1;

    private DetectionCodec() {}

    public static byte[] encode(Detection d) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(d.category().ordinal());
            SignalCodec.writeNullable(out, d.schoolId());
            out.writeUTF(d.subject());
            out.writeByte(d.subjectRole() == null ? -1 : d.subjectRole().ordinal());
            out.writeByte(d.severity());
            out.writeUTF(d.ruleId());
            out.writeUTF(d.ruleDescription());
            out.writeInt(d.thresholds().size());
            for (Map.Entry<String, String> t : d.thresholds().entrySet()) {
                out.writeUTF(t.getKey());
                SignalCodec.writeNullable(out, t.getValue());
            }
            out.writeBoolean(d.escalation());
            out.writeBoolean(d.breach());
            int mask = 0;
            for (AlertRecipientRole r : d.recipients()) {
                mask |= 1 << r.ordinal();
            }
            out.writeInt(mask);
            SignalCodec.writeEvidence(out, d.evidence());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Detection decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("detection record has layout version " + version + ", expected "
                        + VERSION + ": reset the application's internal topics or run the matching app version");
            }
            IncidentCategory category = IncidentCategory.values()[in.readByte()];
            String school = SignalCodec.readNullable(in);
            String subject = in.readUTF();
            byte role = in.readByte();
            int severity = in.readByte();
            String ruleId = in.readUTF();
            String description = in.readUTF();
            int n = in.readInt();
            Map<String, String> thresholds = new HashMap<>();
            for (int i = 0; i < n; i++) {
                thresholds.put(in.readUTF(), SignalCodec.readNullable(in));
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
        } catch (IOException e) {
            throw new UncheckedIOException("truncated detection record", e);
        }
    }
}
