package org.trustwatch.workload.logs;

import org.trustwatch.workload.trust.Device;

/** The MDM's device actions as JSON lines (reference-data.md): check-ins, and what ICT did about lost devices. */
public final class MdmLog {

    private final LogFile file;
    private final TimeText time;
    private final StringBuilder b = new StringBuilder(200);

    MdmLog(LogFile file, TimeText time) {
        this.file = file;
        this.time = time;
    }

    /** The device checked in from {@code ip}. */
    public void checkIn(long t, Device d, String ip) {
        action(t, d, "check_in", ip, null, null);
    }

    /**
     * An action on a device: {@code reported_lost}, {@code reported_stolen}, {@code lost_mode_enabled},
     * {@code recovered}, {@code wiped} (who reported it and a note are optional).
     */
    public void action(long t, Device d, String action, String ip, String reportedBy, String note) {
        b.setLength(0);
        b.append("{\"time\":\"");
        time.isoUtc(b, t);
        b.append("\",\"device_id\":\"")
                .append(d.id())
                .append("\",\"serial\":\"")
                .append(d.serial())
                .append("\",\"action\":\"")
                .append(action)
                .append('"');
        if (d.assignedUser() != null && !d.assignedUser().isEmpty()) {
            b.append(",\"user_id\":\"").append(d.assignedUser()).append('"');
        }
        if (ip != null) {
            b.append(",\"ip\":\"").append(ip).append('"');
        }
        if (reportedBy != null) {
            b.append(',');
            Json.field(b, "reported_by", reportedBy);
        }
        if (note != null) {
            b.append(',');
            Json.field(b, "note", note);
        }
        b.append('}');
        file.add(t, b);
        file.countEvent();
    }
}
