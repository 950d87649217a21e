package org.trustwatch.elastic.history;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.trustwatch.schema.IncidentCategory;

/**
 * What the DPO asks of the incident history; every part is optional and they all have to hold. The date range picks
 * the incidents that were going on at some time in it (first seen before its end, last seen at or after its start),
 * so an incident that began the day before {@code since} and went on after it is not lost.
 *
 * @param until the first instant after the range (exclusive)
 * @param breachOnly only personal-data breaches
 */
public record HistoryQuery(
        String school,
        IncidentCategory category,
        String subject,
        Instant since,
        Instant until,
        String status,
        boolean breachOnly) {

    /** Triage statuses (architecture: new -> triaged -> investigating -> closed). */
    public static final List<String> STATUSES = List.of("new", "triaged", "investigating", "closed");

    public HistoryQuery {
        subject = subject == null ? null : subject.toLowerCase(Locale.ROOT); // subjects are stored in lower case
        status = status == null ? null : status.toLowerCase(Locale.ROOT);
        if (status != null && !STATUSES.contains(status)) {
            throw new IllegalArgumentException(
                    "--status '" + status + "' is not a triage status: use one of " + String.join(", ", STATUSES));
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("--since " + since + " is not before --until: nothing can match");
        }
    }

    /**
     * The query from the command's options as typed; null for an option not given.
     *
     * @param zone the time zone of days given as {@code YYYY-MM-DD}
     * @throws IllegalArgumentException naming the option, what was wrong and what it accepts
     */
    public static HistoryQuery of(
            String school,
            String category,
            String subject,
            String since,
            String until,
            String status,
            boolean breachOnly,
            ZoneId zone) {
        return new HistoryQuery(
                school,
                category == null ? null : category(category),
                subject,
                since == null ? null : HistoryDates.from("--since", since, zone),
                until == null ? null : HistoryDates.after("--until", until, zone),
                status,
                breachOnly);
    }

    /** @throws IllegalArgumentException listing the categories there are */
    public static IncidentCategory category(String name) {
        List<String> valid = Arrays.stream(IncidentCategory.values())
                .filter(c -> c != IncidentCategory.UNKNOWN)
                .map(Enum::name)
                .toList();
        String wanted = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        if (!valid.contains(wanted)) {
            throw new IllegalArgumentException(
                    "--category '" + name + "' is not an incident category: use one of " + String.join(", ", valid));
        }
        return IncidentCategory.valueOf(wanted);
    }

    /** The Elasticsearch query: filters only, since relevance means nothing here. */
    public Query toQuery() {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        term(bool, "organization.id", school);
        term(bool, "incident.category", category == null ? null : category.name());
        term(bool, "incident.subject", subject);
        term(bool, "triage.status", status);
        if (breachOnly) {
            bool.filter(f -> f.term(t -> t.field("incident.breach").value(true)));
        }
        if (since != null) {
            bool.filter(f -> f.range(r -> r.date(d -> d.field("event.end").gte(since.toString()))));
        }
        if (until != null) {
            bool.filter(f -> f.range(r -> r.date(d -> d.field("event.start").lt(until.toString()))));
        }
        return bool.build()._toQuery();
    }

    private static void term(BoolQuery.Builder bool, String field, String value) {
        if (value != null) {
            bool.filter(f -> f.term(t -> t.field(field).value(value)));
        }
    }

    /** The filters by name, as the audit log records them; only those given. */
    public Map<String, String> filters() {
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "school", school);
        put(filters, "category", category == null ? null : category.name());
        put(filters, "subject", subject);
        put(filters, "since", since == null ? null : since.toString());
        put(filters, "before", until == null ? null : until.toString()); // exclusive, unlike --until
        put(filters, "status", status);
        put(filters, "breach", breachOnly ? "true" : null);
        return filters;
    }

    /** The filters in one line, e.g. {@code category=MISDIRECTED_EMAIL since=2026-10-31T23:00:00Z}. */
    public String describe() {
        String text = filters().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        return text.isEmpty() ? "all incidents" : text;
    }

    private static void put(Map<String, String> filters, String key, String value) {
        if (value != null) {
            filters.put(key, value);
        }
    }
}
