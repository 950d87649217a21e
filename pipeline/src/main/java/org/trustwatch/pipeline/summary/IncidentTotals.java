package org.trustwatch.pipeline.summary;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.trustwatch.elastic.index.IndexNames;

/**
 * Incidents in Elasticsearch by category and school: what the index behind the incidents alias holds, counted by
 * its own aggregations after a refresh, so the numbers are the ones a search would show.
 *
 * @param byCategory category, then school (the catalogue's id, {@value #NO_SCHOOL} for none), then incidents
 * @param firstSeen the earliest first-seen time (epoch ms) of them all, when there is an incident
 */
public record IncidentTotals(long total, Map<String, Map<String, Long>> byCategory, Optional<Long> firstSeen) {

    public static final String NO_SCHOOL = "-";

    /** Categories and schools in name order, as they are printed. */
    public IncidentTotals {
        Map<String, Map<String, Long>> sorted = new TreeMap<>();
        byCategory.forEach((category, bySchool) -> sorted.put(category, new TreeMap<>(bySchool)));
        byCategory = sorted;
    }

    public static IncidentTotals read(ElasticsearchClient client) throws IOException {
        client.indices().refresh(r -> r.index(IndexNames.INCIDENTS_ALIAS));
        SearchResponse<Void> response = client.search(
                s -> s.index(IndexNames.INCIDENTS_ALIAS)
                        .size(0)
                        .trackTotalHits(t -> t.enabled(true))
                        .aggregations("first", a -> a.min(m -> m.field("event.start")))
                        .aggregations("category", a -> a.terms(
                                        t -> t.field("incident.category").size(100))
                                .aggregations(
                                        "school",
                                        school -> school.terms(t -> t.field("organization.id")
                                                .size(1000)
                                                .missing(NO_SCHOOL)))),
                Void.class);
        Map<String, Map<String, Long>> byCategory = new TreeMap<>();
        for (StringTermsBucket category :
                response.aggregations().get("category").sterms().buckets().array()) {
            Map<String, Long> bySchool = new TreeMap<>();
            for (StringTermsBucket school :
                    category.aggregations().get("school").sterms().buckets().array()) {
                bySchool.put(school.key().stringValue(), school.docCount());
            }
            byCategory.put(category.key().stringValue(), bySchool);
        }
        double first = response.aggregations().get("first").min().value();
        return new IncidentTotals(
                response.hits().total().value(),
                byCategory,
                Double.isFinite(first) ? Optional.of((long) first) : Optional.empty());
    }

    public Set<String> schools() {
        Set<String> schools = new TreeSet<>();
        byCategory.values().forEach(bySchool -> schools.addAll(bySchool.keySet()));
        return schools;
    }

    public long inCategory(String category) {
        return byCategory.getOrDefault(category, Map.of()).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    public long atSchool(String school) {
        return byCategory.values().stream()
                .mapToLong(bySchool -> bySchool.getOrDefault(school, 0L))
                .sum();
    }
}
