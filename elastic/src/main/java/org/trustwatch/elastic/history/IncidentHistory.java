package org.trustwatch.elastic.history;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustwatch.elastic.index.IndexNames;

/**
 * Runs a history search over the incidents alias: every matching incident, oldest first seen first, and the totals.
 * Pages through a point in time with {@code search_after}, so there is no 10,000-hit cap and incidents the sink
 * writes meanwhile neither appear twice nor shift the pages.
 */
public final class IncidentHistory {

    static final int PAGE = 1_000;
    private static final String KEEP_ALIVE = "2m";
    private static final String BY_CATEGORY = "by_category";
    private static final String BY_SCHOOL = "by_school";

    private final ElasticsearchClient client;

    public IncidentHistory(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * Hands each matching incident to {@code rows}, in order, and returns the totals.
     *
     * @throws IOException when the cluster cannot be reached
     */
    public HistoryTotals search(HistoryQuery query, Rows rows) throws IOException {
        String pit = client.openPointInTime(
                        open -> open.index(IndexNames.INCIDENTS_ALIAS).keepAlive(t -> t.time(KEEP_ALIVE)))
                .id();
        try {
            Query filter = query.toQuery();
            SearchResponse<JsonNode> first = client.search(page(pit, filter, null, true), JsonNode.class);
            HistoryTotals totals = new HistoryTotals(
                    first.hits().total() == null ? 0 : first.hits().total().value(),
                    counts(first.aggregations().get(BY_CATEGORY)),
                    counts(first.aggregations().get(BY_SCHOOL)));
            SearchResponse<JsonNode> response = first;
            while (true) {
                List<Hit<JsonNode>> hits = response.hits().hits();
                for (Hit<JsonNode> hit : hits) {
                    rows.accept(IncidentRow.of(hit.source()));
                }
                if (hits.size() < PAGE) {
                    return totals;
                }
                pit = response.pitId() == null ? pit : response.pitId();
                List<FieldValue> after = hits.get(hits.size() - 1).sort();
                response = client.search(page(pit, filter, after, false), JsonNode.class);
            }
        } finally {
            String id = pit;
            client.closePointInTime(close -> close.id(id));
        }
    }

    /** Where the rows go, e.g. a writer of the output format. */
    @FunctionalInterface
    public interface Rows {
        void accept(IncidentRow row) throws IOException;
    }

    /** The first page also asks for the total and the aggregations; the later ones only for hits. */
    static SearchRequest page(String pit, Query filter, List<FieldValue> after, boolean first) {
        return SearchRequest.of(s -> {
            s.pit(p -> p.id(pit).keepAlive(t -> t.time(KEEP_ALIVE)))
                    .query(filter)
                    .size(PAGE)
                    .sort(o -> o.field(f -> f.field("event.start").order(SortOrder.Asc)))
                    .sort(o -> o.field(f -> f.field("incident.id").order(SortOrder.Asc)));
            if (after != null) {
                s.searchAfter(after);
            }
            if (first) {
                s.trackTotalHits(t -> t.enabled(true))
                        .aggregations(
                                BY_CATEGORY,
                                a -> a.terms(t -> t.field("incident.category").size(100)))
                        .aggregations(
                                BY_SCHOOL,
                                a -> a.terms(t ->
                                        t.field("organization.id").size(1_000).missing(HistoryTotals.NO_SCHOOL)));
            } else {
                s.trackTotalHits(t -> t.enabled(false));
            }
            return s;
        });
    }

    private static Map<String, Long> counts(Aggregate terms) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (StringTermsBucket bucket : terms.sterms().buckets().array()) {
            counts.put(bucket.key().stringValue(), bucket.docCount());
        }
        return counts;
    }
}
