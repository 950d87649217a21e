package org.trustwatch.connect.source;

import java.util.EnumSet;
import java.util.Set;
import org.trustwatch.ingest.LogFormat;

/** Reads web filter and proxy logs (squid, w3c, e2guardian), from files or syslog. */
public final class ProxyLogSourceConnector extends LogSourceConnector {

    @Override
    protected Set<LogFormat.Family> families() {
        return EnumSet.of(LogFormat.Family.PROXY);
    }
}
