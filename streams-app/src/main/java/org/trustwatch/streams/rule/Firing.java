package org.trustwatch.streams.rule;

/**
 * One kept event a rule reports: the entry, and how (its rule id and description, the severity it carries or 0 for
 * the category's, whether it escalates the incident).
 */
public record Firing(Entry entry, String ruleId, String description, int severity, boolean escalation) {

    public static Firing of(Entry entry, String description) {
        return new Firing(
                entry, entry.signal().rule(), description, entry.signal().severity(), false);
    }
}
