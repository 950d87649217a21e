package org.trustwatch.workload.logs;

import java.util.SplittableRandom;
import org.trustwatch.workload.trust.Trust;

/**
 * {@code Get-MessageTrace | Export-Csv} from an en-GB PowerShell session, appended day by day: a {@code #TYPE} line,
 * the header, then one row per recipient (rows of one message together). The trace has no headers, TLS or DMARC.
 */
final class M365TraceLog implements MailLog {

    private final LogFile file;
    private final TimeText time;
    private final Trust trust;
    private final SplittableRandom random;
    private final StringBuilder b = new StringBuilder(300);

    M365TraceLog(LogFile file, TimeText time, Trust trust, SplittableRandom random) {
        this.file = file;
        this.time = time;
        this.trust = trust;
        this.random = random;
        file.header("#TYPE Deserialized.Microsoft.Exchange.Management.FfoReporting.MessageTrace");
        file.header("\"Received\",\"SenderAddress\",\"RecipientAddress\",\"Subject\",\"Status\",\"ToIP\",\"FromIP\","
                + "\"Size\",\"MessageId\",\"MessageTraceId\"");
    }

    @Override
    public void message(MailMessage m) {
        String traceId = guid();
        for (String r : m.recipients()) {
            b.setLength(0);
            b.append('"');
            time.enGb(b, m.time());
            b.append("\",");
            cell(m.envelopeFrom());
            cell(r);
            cell(m.subject());
            cell("Delivered");
            String domain = PostfixLog.domainOf(r);
            boolean outside = trust.schoolOfAddress(r) == null;
            String mx = MailHosts.mx(domain);
            cell(outside ? mx.substring(mx.indexOf('[') + 1, mx.length() - 1) : "");
            cell(m.clientIp());
            cell(Long.toString(m.size()));
            cell("<" + m.messageId() + ">");
            b.append('"').append(traceId).append('"');
            file.add(m.time(), b);
        }
        file.countEvent();
    }

    private void cell(String value) {
        b.append('"').append(value.replace("\"", "\"\"")).append("\",");
    }

    private String guid() {
        String h = Long.toHexString(random.nextLong() | Long.MIN_VALUE)
                + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }
}
