package org.trustwatch.elastic.document;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.Evidence;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.Role;

/** Incidents as the correlation app writes them: version 1 when first seen, then one more per update. */
public final class Incidents {

    public static final Instant WINDOW = Instant.parse("2026-11-23T00:00:00Z");

    private Incidents() {}

    /** Version {@code version} of incident {@code id}: each update counts one more event, seen a minute later. */
    public static Incident version(String id, long version) {
        Instant first = WINDOW.plusSeconds(9 * 3600);
        Instant last = first.plusSeconds(60 * (version - 1));
        return Incident.newBuilder()
                .setIncidentId(id)
                .setCategory(IncidentCategory.MISDIRECTED_EMAIL)
                .setSeverity(version > 2 ? 4 : 3)
                .setSchoolId("WOH")
                .setSubject("25wrightd0")
                .setSubjectRole(Role.staff)
                .setRuleId("C03.unknown-domain")
                .setRuleDescription("Personal data sent to a domain the school has not written to before")
                .setRuleThresholds(Map.of("known_after_messages", "5"))
                .setWindowStart(WINDOW)
                .setFirstSeen(first)
                .setLastSeen(last)
                .setEventCount(version)
                .setEvidence(
                        List.of(new Evidence(first, "mail", "hash-" + id, "sent to parent@example.org", null, null)))
                .setEvidenceDropped(0)
                .setBreach(true)
                .setAwareAt(first)
                .setIcoDeadline(first.plusSeconds(72 * 3600))
                .setNotify(List.of(AlertRecipientRole.dpo, AlertRecipientRole.headteacher))
                .setEscalated(false)
                .setUpdatedAt(last)
                .setVersion(version)
                .build();
    }
}
