package org.trustwatch.streams.signal;

import org.trustwatch.schema.Evidence;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.Role;

/**
 * One event as a rule sees it, after the first stage resolved who did it: the rule it feeds, the key its state is
 * grouped by, and the few values the rule counts or compares. Everything else about the event stays in the raw
 * topics; the signal keeps only what a rule needs (and a one-line evidence summary).
 *
 * @param rule the rule family it feeds, see {@link Rules}
 * @param key what the rule's state is grouped by (e.g. the account, {@code ip:10.0.0.1}, {@code device:WOH-LT-1}); the
 *     record key of the repartition topic
 * @param time event time, epoch milliseconds
 * @param subject the incident's subject as the catalogue fixes it for this category
 * @param value what is counted, compared or grouped (a web category, an account ...), may be null; several values
 *     (the recipients of one message) are separated by {@link #VALUES_SEPARATOR}
 * @param amount a size in bytes, or 0
 * @param phase the step of a sequence rule (e.g. {@code failure}, {@code success}); may be null
 * @param severity the severity this event carries, or 0 for the category's configured one
 * @param breach whether an incident made of this event is a personal-data breach
 * @param exemptionId the approved exception that covers the event: it raises nothing and is only recorded
 */
public record Signal(
        String rule,
        String key,
        long time,
        IncidentCategory category,
        String schoolId,
        String subject,
        Role subjectRole,
        String value,
        long amount,
        String phase,
        int severity,
        boolean breach,
        String exemptionId,
        Evidence evidence) {

    /** Separates the values of a signal that carries several (no address or name contains a line break). */
    public static final String VALUES_SEPARATOR = "\n";

    public Signal exempted(String id) {
        return new Signal(
                rule,
                key,
                time,
                category,
                schoolId,
                subject,
                subjectRole,
                value,
                amount,
                phase,
                severity,
                breach,
                id,
                evidence);
    }

    public String eventHash() {
        return evidence.getEventHash();
    }
}
