package org.trustwatch.workload.logs;

import java.util.List;

/** Self-reported incidents as JSON lines (reference-data.md), as the console's report form exports them. */
public final class ReportLog {

    private final LogFile file;
    private final TimeText time;

    ReportLog(LogFile file, TimeText time) {
        this.file = file;
        this.time = time;
    }

    /**
     * A report: {@code kind} is one of lost_device, lost_media, misdirected_email, paper_records, verbal_disclosure,
     * other; {@code deviceId}, {@code messageId} and {@code recipients} are optional (null or empty).
     */
    public void report(
            long t,
            String reporter,
            String schoolId,
            String kind,
            String description,
            String deviceId,
            String messageId,
            List<String> recipients,
            boolean personalData) {
        StringBuilder b = new StringBuilder(300);
        b.append("{\"time\":\"");
        time.isoUtc(b, t);
        b.append("\",");
        Json.field(b, "reporter", reporter).append(',');
        Json.field(b, "school_id", schoolId).append(',');
        Json.field(b, "kind", kind).append(',');
        Json.field(b, "description", description);
        if (deviceId != null) {
            b.append(',');
            Json.field(b, "device_id", deviceId);
        }
        if (messageId != null) {
            b.append(',');
            Json.field(b, "message_id", "<" + messageId + ">");
        }
        if (recipients != null && !recipients.isEmpty()) {
            b.append(",\"recipients\":[");
            for (int i = 0; i < recipients.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                Json.string(b, recipients.get(i));
            }
            b.append(']');
        }
        b.append(",\"personal_data\":").append(personalData).append('}');
        file.add(t, b.toString());
        file.countEvent();
    }
}
