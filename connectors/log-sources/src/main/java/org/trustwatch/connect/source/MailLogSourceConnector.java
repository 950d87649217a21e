package org.trustwatch.connect.source;

import java.util.EnumSet;
import java.util.Set;
import org.trustwatch.ingest.LogFormat;

/** Reads mail logs (postfix syslog, Microsoft 365 message trace CSV), from files or syslog. */
public final class MailLogSourceConnector extends LogSourceConnector {

    @Override
    protected Set<LogFormat.Family> families() {
        return EnumSet.of(LogFormat.Family.MAIL);
    }
}
