package org.trustwatch.streams.incident;

import java.util.Map;
import java.util.Set;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.Evidence;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.Role;

/**
 * What a rule found in one event: the incident it belongs to (category, school, subject), how serious, and the event
 * as evidence (its time is the detection's event time).
 *
 * @param escalation whether this detection raises the incident above what its category starts at (e.g. a lost device
 *     in use)
 * @param breach whether it makes the incident a personal-data breach (catalogue, last column)
 * @param recipients who is told (the catalogue's notify column)
 */
public record Detection(
        IncidentCategory category,
        String schoolId,
        String subject,
        Role subjectRole,
        int severity,
        String ruleId,
        String ruleDescription,
        Map<String, String> thresholds,
        boolean escalation,
        boolean breach,
        Set<AlertRecipientRole> recipients,
        Evidence evidence) {

    public Detection {
        if (severity < 1 || severity > 5) {
            throw new IllegalArgumentException("severity " + severity + " of rule " + ruleId + " is not 1-5");
        }
    }
}
