package org.trustwatch.streams.signal;

import java.util.List;
import org.trustwatch.schema.EndpointEvent;
import org.trustwatch.schema.Evidence;
import org.trustwatch.schema.IncidentReport;
import org.trustwatch.schema.MailEvent;
import org.trustwatch.schema.ProxyEvent;

/** One event as evidence: where it came from and a line saying what it shows, for the person triaging it. */
public final class EvidenceOf {

    private EvidenceOf() {}

    public static Evidence proxy(ProxyEvent e) {
        String url =
                (e.getUrlDomain() == null ? "" : e.getUrlDomain()) + (e.getUrlPath() == null ? "" : e.getUrlPath());
        String summary = nz(e.getHttpRequestMethod()) + " " + url + " (" + nz(e.getWebCategory()) + ", "
                + e.getWebAction()
                + (e.getHttpRequestBytes() == null ? "" : ", " + e.getHttpRequestBytes() + " bytes sent")
                + ") from " + nz(e.getSourceIp()) + (e.getUserName() == null ? "" : " as " + e.getUserName());
        return build(e.getTimestamp(), "proxy", e.getEventHash(), summary, e.getLogFilePath(), e.getLogLine());
    }

    public static Evidence mail(MailEvent m) {
        List<String> to =
                m.getEmailRecipients().stream().map(r -> r.getAddress()).toList();
        String summary =
                "mail from " + nz(m.getEmailFromAddress() != null ? m.getEmailFromAddress() : m.getEmailSenderAddress())
                        + " to "
                        + (to.size() > 5
                                ? String.join(", ", to.subList(0, 5)) + " and " + (to.size() - 5) + " more"
                                : String.join(", ", to))
                        + (m.getEmailSubject() == null ? "" : ", subject \"" + m.getEmailSubject() + "\"")
                        + (m.getEmailSize() == null ? "" : ", " + m.getEmailSize() + " bytes")
                        + (m.getEmailClassification() == null ? "" : ", marked " + m.getEmailClassification())
                        + (m.getEmailDmarcResult() == null ? "" : ", DMARC " + m.getEmailDmarcResult());
        return build(m.getTimestamp(), "mail", m.getEventHash(), summary, m.getLogFilePath(), m.getLogLine());
    }

    public static Evidence endpoint(EndpointEvent e) {
        StringBuilder s = new StringBuilder(e.getEventAction());
        s.append(" (")
                .append(e.getEventCode())
                .append(") on ")
                .append(nz(e.getHostName() != null ? e.getHostName() : e.getDeviceId()));
        if (e.getUserName() != null) {
            s.append(" by ")
                    .append(e.getUserDomain() == null ? "" : e.getUserDomain() + "\\")
                    .append(e.getUserName());
        }
        append(s, "logon type", e.getWinlogLogonType());
        append(s, "from", e.getSourceIp() != null ? e.getSourceIp() : e.getSourceHostname());
        append(s, "process", e.getProcessExecutable() != null ? e.getProcessExecutable() : e.getProcessName());
        append(s, "target", e.getTargetProcessName());
        append(s, "file", e.getFilePath());
        append(
                s,
                "device",
                e.getExternalDeviceName() != null
                        ? e.getExternalDeviceName() + " [" + e.getExternalDeviceClass() + "]"
                        : null);
        append(s, "package", e.getPackageName());
        append(s, "service", e.getServiceName());
        append(s, "threat", e.getThreatName());
        append(s, "reported by", e.getMdmReportedBy());
        return build(e.getTimestamp(), "endpoint", e.getEventHash(), s.toString(), e.getLogFilePath(), e.getLogLine());
    }

    public static Evidence report(IncidentReport r) {
        String summary = r.getKind() + " reported by " + r.getReporter() + ": " + r.getDescription()
                + (r.getDeviceId() == null ? "" : " (device " + r.getDeviceId() + ")");
        return build(r.getTimestamp(), "report", r.getEventHash(), summary, r.getLogFilePath(), r.getLogLine());
    }

    private static void append(StringBuilder s, String label, Object value) {
        if (value != null) {
            s.append(", ").append(label).append(' ').append(value);
        }
    }

    private static Evidence build(
            java.time.Instant at, String source, String hash, String summary, String file, Long line) {
        return Evidence.newBuilder()
                .setTimestamp(at)
                .setSource(source)
                .setEventHash(hash)
                .setSummary(summary.length() > 1000 ? summary.substring(0, 1000) + "..." : summary)
                .setLogFilePath(file)
                .setLogLine(line)
                .build();
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }
}
