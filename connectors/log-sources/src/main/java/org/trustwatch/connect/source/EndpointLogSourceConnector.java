package org.trustwatch.connect.source;

import java.util.EnumSet;
import java.util.Set;
import org.trustwatch.ingest.LogFormat;

/** Reads endpoint events (Winlogbeat, NXLog and evtx_dump JSON), MDM actions and self-reported incidents. */
public final class EndpointLogSourceConnector extends LogSourceConnector {

    @Override
    protected Set<LogFormat.Family> families() {
        return EnumSet.of(LogFormat.Family.ENDPOINT, LogFormat.Family.REPORTS);
    }
}
