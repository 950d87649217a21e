package org.trustwatch.workload.plant;

/**
 * One planted incident, as the correlation must raise it: category, school and subject exactly as the Incident record
 * has them, the event time of its first event, and the rule id the incident ends with.
 */
public record Answer(Category category, String schoolId, String subject, long firstSeen, String ruleId, String note) {}
