package org.trustwatch.streams.incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.Evidence;
import org.trustwatch.schema.Incident;

/**
 * Turns detections into incidents: one incident per (category, school, subject) per suppression window, updated by
 * repeats, with bounded evidence.
 *
 * <p>Windows are aligned to fixed boundaries of event time, so an incident's id depends only on the events in it: a
 * replay, late events or a different arrival order give the same ids and, once every event is in, the same incident.
 * Every field is merged the same way whatever the order: first and last seen as min and max, severity as the
 * highest, evidence as the earliest events, breach and escalation once seen, recipients as a union.
 */
public final class IncidentTracker {

    /** The ICO must be told within 72 hours of the school becoming aware of a personal-data breach. */
    public static final Duration ICO_DEADLINE = Duration.ofHours(72);

    private static final Comparator<Evidence> BY_TIME =
            Comparator.comparing(Evidence::getTimestamp).thenComparing(Evidence::getEventHash);

    private final Duration window;
    private final int maxEvidence;

    /**
     * @param window the suppression window (e.g. one day)
     * @param maxEvidence how many events an incident keeps; the rest are only counted
     */
    public IncidentTracker(Duration window, int maxEvidence) {
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("the suppression window must be positive, not " + window);
        }
        this.window = window;
        this.maxEvidence = maxEvidence;
    }

    /** The start of the suppression window an event time falls in. */
    public Instant windowStart(Instant eventTime) {
        long size = window.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(eventTime.toEpochMilli(), size) * size);
    }

    /** The id of the incident a detection belongs to: the state is looked up by it. */
    public String incidentId(Detection detection) {
        return incidentId(detection, windowStart(detection.evidence().getTimestamp()));
    }

    /**
     * The incident after this detection: {@code current} (the one with {@link #incidentId}, or null) updated, or a new
     * one. A detection whose event is already in the kept evidence changes nothing (a duplicated event); events past
     * the evidence bound are deduplicated before they get here.
     */
    public Incident apply(Incident current, Detection detection) {
        Evidence event = detection.evidence();
        Instant at = event.getTimestamp();
        if (current == null) {
            return first(detection, at);
        }
        if (current.getEvidence().stream().anyMatch(e -> e.getEventHash().equals(event.getEventHash()))) {
            return current;
        }
        Incident next = Incident.newBuilder(current).build();
        next.setEventCount(current.getEventCount() + 1);
        next.setFirstSeen(min(current.getFirstSeen(), at));
        next.setLastSeen(max(current.getLastSeen(), at));
        next.setUpdatedAt(next.getLastSeen());
        next.setVersion(current.getVersion() + 1);
        List<Evidence> evidence = new ArrayList<>(current.getEvidence());
        evidence.add(event);
        evidence.sort(BY_TIME);
        if (evidence.size() > maxEvidence) {
            evidence = new ArrayList<>(evidence.subList(0, maxEvidence));
        }
        next.setEvidence(evidence);
        next.setEvidenceDropped(next.getEventCount() - evidence.size());
        if (outranks(detection, current)) {
            next.setSeverity(detection.severity());
            next.setRuleId(detection.ruleId());
            next.setRuleDescription(detection.ruleDescription());
            next.setRuleThresholds(new HashMap<>(detection.thresholds()));
        }
        next.setEscalated(current.getEscalated() || detection.escalation());
        if (detection.breach()) {
            Instant aware = current.getAwareAt() == null ? at : min(current.getAwareAt(), at);
            next.setBreach(true);
            next.setAwareAt(aware);
            next.setIcoDeadline(aware.plus(ICO_DEADLINE));
        }
        next.setNotify(union(current.getNotify(), detection.recipients()));
        if (next.getSubjectRole() == null) {
            next.setSubjectRole(detection.subjectRole());
        }
        return next;
    }

    private Incident first(Detection detection, Instant at) {
        Instant windowStart = windowStart(at);
        return Incident.newBuilder()
                .setIncidentId(incidentId(detection, windowStart))
                .setCategory(detection.category())
                .setSeverity(detection.severity())
                .setSchoolId(detection.schoolId())
                .setSubject(detection.subject())
                .setSubjectRole(detection.subjectRole())
                .setRuleId(detection.ruleId())
                .setRuleDescription(detection.ruleDescription())
                .setRuleThresholds(new HashMap<>(detection.thresholds()))
                .setWindowStart(windowStart)
                .setFirstSeen(at)
                .setLastSeen(at)
                .setEventCount(1)
                .setEvidence(List.of(detection.evidence()))
                .setEvidenceDropped(0)
                .setBreach(detection.breach())
                .setAwareAt(detection.breach() ? at : null)
                .setIcoDeadline(detection.breach() ? at.plus(ICO_DEADLINE) : null)
                .setNotify(union(List.of(), detection.recipients()))
                .setEscalated(detection.escalation())
                .setUpdatedAt(at)
                .setVersion(1)
                .build();
    }

    /** Higher severity wins; between equals, the rule id that sorts first, so the order of events does not matter. */
    private static boolean outranks(Detection detection, Incident current) {
        return detection.severity() > current.getSeverity()
                || detection.severity() == current.getSeverity()
                        && detection.ruleId().compareTo(current.getRuleId()) < 0;
    }

    private static List<AlertRecipientRole> union(List<AlertRecipientRole> current, Set<AlertRecipientRole> added) {
        EnumSet<AlertRecipientRole> all = EnumSet.noneOf(AlertRecipientRole.class);
        all.addAll(current);
        all.addAll(added);
        return new ArrayList<>(all);
    }

    private String incidentId(Detection detection, Instant windowStart) {
        String identity = detection.category() + "|" + (detection.schoolId() == null ? "" : detection.schoolId()) + "|"
                + detection.subject() + "|" + windowStart.toEpochMilli();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "inc-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
