package org.trustwatch.workload.logs;

/** A school's mail log, in whatever format its mail system writes. */
public interface MailLog {

    void message(MailMessage m);
}
