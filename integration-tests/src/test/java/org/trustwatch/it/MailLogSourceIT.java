package org.trustwatch.it;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.trustwatch.schema.MailEvent;

/** The mail connector on Postfix syslog lines: one message spans five lines. */
class MailLogSourceIT extends LogSourceConnectorContract {

    @Override
    String connectorClass() {
        return "MailLogSourceConnector";
    }

    @Override
    String format() {
        return "postfix";
    }

    @Override
    List<String> eventLines(int i) {
        String queueId = String.format("4F2A3%06X", i);
        String time = String.format("2026-11-23T09:%02d:%02d.000000+00:00 mail", (i / 60) % 60, i % 60);
        return List.of(
                time + " postfix/smtpd[1201]: " + queueId
                        + ": client=laptop.woh.sch.uk[10.20.1.15], sasl_method=LOGIN, sasl_username=jsmith",
                time + " postfix/cleanup[1202]: " + queueId + ": message-id=<it" + i + ".woh@woh.sch.uk>",
                time + " postfix/qmgr[1203]: " + queueId
                        + ": from=<jsmith@woh.sch.uk>, size=2048, nrcpt=1 (queue active)",
                time + " postfix/smtp[1204]: " + queueId + ": to=<parent" + i
                        + "@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.1.26]:25, delay=0.5,"
                        + " delays=0.1/0/0.2/0.2, dsn=2.0.0, status=sent (250 2.0.0 OK)",
                time + " postfix/qmgr[1203]: " + queueId + ": removed");
    }

    @Override
    int eventNumber(SpecificRecord event) {
        String id = ((MailEvent) event).getEmailMessageId();
        return Integer.parseInt(id.substring(2, id.indexOf('.')));
    }

    @Override
    String malformedLine() {
        return "garbage without a syslog header";
    }
}
