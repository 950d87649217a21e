package org.trustwatch.it;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.trustwatch.elastic.index.IndexNames;

/** What a person sees of incidents in the index: category, school and subject, by incident id. */
final class IndexedIncidents {

    private IndexedIncidents() {}

    /** "category school subject" of the indexed incidents with these ids (after a refresh), by id. */
    static Map<String, String> byId(ElasticsearchClient es, Collection<String> ids) throws IOException {
        es.indices().refresh(r -> r.index(IndexNames.INCIDENTS_ALIAS));
        Map<String, String> found = new TreeMap<>();
        for (Hit<JsonNode> hit : es.search(
                        s -> s.index(IndexNames.INCIDENTS_ALIAS)
                                .size(ids.size())
                                .query(q -> q.ids(i -> i.values(new ArrayList<>(ids)))),
                        JsonNode.class)
                .hits()
                .hits()) {
            JsonNode d = hit.source();
            found.put(
                    hit.id(),
                    d.at("/incident/category").asText() + " "
                            + d.at("/organization/id").asText() + " "
                            + d.at("/incident/subject").asText());
        }
        return found;
    }
}
