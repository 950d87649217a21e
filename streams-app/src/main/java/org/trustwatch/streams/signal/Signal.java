package org.trustwatch.streams.signal;

import java.util.ArrayList;
import java.util.List;
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
 * @param companions other signals of the same event bound for the same rule-stage partition ({@link SignalBundles}),
 *     carried in this one record across the repartition; empty for a signal on its own and for every kept entry
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
        Evidence evidence,
        List<Signal> companions) {

    public Signal {
        companions = List.copyOf(companions);
    }

    /** A signal on its own (no companions), as every rule sees it. */
    public Signal(
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
        this(
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
                exemptionId,
                evidence,
                List.of());
    }

    /** Separates the values of a signal that carries several (no address or name contains a line break). */
    public static final String VALUES_SEPARATOR = "\n";

    public Signal exempted(String id) {
        return copy(id, companions);
    }

    /** This signal carrying others of the same event to the same partition. */
    public Signal withCompanions(List<Signal> others) {
        return copy(exemptionId, others);
    }

    private Signal copy(String exemption, List<Signal> others) {
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
                exemption,
                evidence,
                others);
    }

    /** This signal and its companions, each on its own, in the order the first stage made them. */
    public List<Signal> unbundled() {
        if (companions.isEmpty()) {
            return List.of(this);
        }
        List<Signal> all = new ArrayList<>(1 + companions.size());
        all.add(withCompanions(List.of()));
        all.addAll(companions);
        return all;
    }

    public String eventHash() {
        return evidence.getEventHash();
    }
}
