package org.trustwatch.workload.plant;

import org.trustwatch.schema.IncidentCategory;

/**
 * A row of exemptions.csv: an approved exception (reference-data.md); {@code starts}/{@code ends} in the school's
 * local time, as heads write them.
 */
public record Exemption(
        String id,
        String schoolId,
        String subject,
        IncidentCategory category,
        String match,
        String starts,
        String ends,
        String approvedBy,
        String reason) {}
