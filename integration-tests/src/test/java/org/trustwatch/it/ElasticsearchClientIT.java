package org.trustwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.util.List;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The node the stack runs serves the elasticsearch-java client: explicit mapping, index, search. */
class ElasticsearchClientIT {

    private static final String INDEX = "it-client-check";

    private static RestClientTransport transport;
    private static ElasticsearchClient client;

    record Doc(String incident_id, String category, String school_id, String source_ip) {}

    @BeforeAll
    static void connect() {
        String url = TestStack.get().settings().elasticsearchUrl();
        transport =
                new RestClientTransport(RestClient.builder(HttpHost.create(url)).build(), new JacksonJsonpMapper());
        client = new ElasticsearchClient(transport);
    }

    @AfterAll
    static void close() throws Exception {
        transport.close();
    }

    @Test
    void indexesAndFindsADocumentByKeywordAndIpRange() throws Exception {
        if (client.indices().exists(e -> e.index(INDEX)).value()) {
            client.indices().delete(d -> d.index(INDEX));
        }
        client.indices().create(c -> c.index(INDEX)
                .settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
                .mappings(m -> m.dynamic(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.Strict)
                        .properties("incident_id", p -> p.keyword(k -> k))
                        .properties("category", p -> p.keyword(k -> k))
                        .properties("school_id", p -> p.keyword(k -> k))
                        .properties("source_ip", p -> p.ip(i -> i))));

        client.index(i -> i.index(INDEX)
                .id("inc-1")
                .document(new Doc("inc-1", "MISDIRECTED_EMAIL", "WOH", "10.20.1.15"))
                .refresh(Refresh.WaitFor));
        client.index(i -> i.index(INDEX)
                .id("inc-2")
                .document(new Doc("inc-2", "MALWARE", "GLN", "10.30.4.2"))
                .refresh(Refresh.WaitFor));

        SearchResponse<Doc> response = client.search(
                s -> s.index(INDEX)
                        .query(q -> q.bool(b -> b.filter(
                                        f -> f.term(t -> t.field("category").value("MISDIRECTED_EMAIL")))
                                .filter(f -> f.term(t -> t.field("source_ip").value("10.20.0.0/16"))))),
                Doc.class);

        List<String> ids = response.hits().hits().stream().map(Hit::id).toList();
        assertEquals(List.of("inc-1"), ids);
        assertEquals("WOH", response.hits().hits().get(0).source().school_id());
    }
}
