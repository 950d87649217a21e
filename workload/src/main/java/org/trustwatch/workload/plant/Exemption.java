package org.trustwatch.workload.plant;

/**
 * A row of exemptions.csv: an approved exception (reference-data.md); {@code starts}/{@code ends} in the school's
 * local time, as heads write them.
 */
public record Exemption(
        String id,
        String schoolId,
        String subject,
        Category category,
        String match,
        String starts,
        String ends,
        String approvedBy,
        String reason) {}
