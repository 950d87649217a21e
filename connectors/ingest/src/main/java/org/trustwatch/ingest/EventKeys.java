package org.trustwatch.ingest;

import org.apache.avro.specific.SpecificRecord;
import org.trustwatch.schema.EndpointEvent;
import org.trustwatch.schema.IncidentReport;
import org.trustwatch.schema.MailEvent;
import org.trustwatch.schema.ProxyEvent;

/**
 * The record key of each event type (architecture: topics). Events of one client, message or device share a
 * partition, so their order is kept for the correlation.
 */
public final class EventKeys {

    private EventKeys() {}

    public static String keyOf(SpecificRecord event) {
        if (event instanceof ProxyEvent proxy) {
            return firstOf(proxy.getSourceIp(), proxy.getUserName());
        }
        if (event instanceof MailEvent mail) {
            return firstOf(mail.getEmailMessageId(), mail.getEmailLocalId());
        }
        if (event instanceof EndpointEvent endpoint) {
            return firstOf(endpoint.getDeviceId(), endpoint.getHostName(), endpoint.getDeviceSerial());
        }
        if (event instanceof IncidentReport report) {
            return report.getReportId();
        }
        throw new IllegalArgumentException("no key for " + event.getClass().getName());
    }

    private static String firstOf(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isEmpty()) {
                return candidate;
            }
        }
        return null;
    }
}
