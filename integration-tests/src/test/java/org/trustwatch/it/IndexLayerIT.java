package org.trustwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonData;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trustwatch.elastic.client.ElasticClients;
import org.trustwatch.elastic.client.ElasticConnection;
import org.trustwatch.elastic.client.ElasticHandle;
import org.trustwatch.elastic.index.IndexLayer;
import org.trustwatch.elastic.index.IndexLayerException;
import org.trustwatch.elastic.index.IndexNames;

/** The index layer on the real node: installed once, unchanged by a second run, upgraded when a mapping is older. */
class IndexLayerIT {

    private static ElasticHandle elastic;
    private static ElasticsearchClient client;

    @BeforeAll
    static void connect() {
        elastic = ElasticClients.open(
                ElasticConnection.plain(TestStack.get().settings().elasticsearchUrl()));
        client = elastic.client();
    }

    @AfterAll
    static void close() throws Exception {
        elastic.close();
    }

    @Test
    void installsOnceAndAgainChangesNothing() throws Exception {
        IndexLayer.install(client);

        assertEquals(List.of(), IndexLayer.install(client), "a second install has nothing to do");
        var alias = client.indices().getAlias(a -> a.name(IndexNames.INCIDENTS_ALIAS));
        assertEquals(
                List.of(IndexNames.INCIDENTS_INDEX), List.copyOf(alias.result().keySet()));
        assertTrue(client.indices()
                .existsIndexTemplate(t -> t.name("trustwatch-events-proxy"))
                .value());
    }

    @Test
    void aMonthlyEventIndexGetsItsMappingAndAliasesFromTheTemplate() throws Exception {
        IndexLayer.install(client);
        String index = "trustwatch-events-proxy-2001.01";
        client.index(i -> i.index(index).id("e1").withJson(new StringReader("{\"source\":{\"ip\":\"10.0.0.1\"}}")));

        var mapping = client.indices()
                .getMapping(m -> m.index(index))
                .result()
                .get(index)
                .mappings();
        assertTrue(mapping.properties()
                .get("source")
                .object()
                .properties()
                .get("ip")
                .isIp());
        var aliases = client.indices()
                .getAlias(a -> a.index(index))
                .result()
                .get(index)
                .aliases();
        assertEquals(java.util.Set.of(IndexNames.EVENTS_ALIAS, "trustwatch-events-proxy"), aliases.keySet());
        client.indices().delete(d -> d.index(index));
    }

    @Test
    void bringsAnIndexWithAnOlderMappingVersionUpToDate() throws Exception {
        IndexLayer.install(client);
        client.indices()
                .putMapping(m -> m.index(IndexNames.INCIDENTS_INDEX).meta(Map.of("mapping_version", JsonData.of(0))));

        List<String> actions = IndexLayer.install(client);

        assertEquals(
                List.of("upgraded mapping of " + IndexNames.INCIDENTS_INDEX + " (mapping version 0 -> 1)"), actions);
        assertEquals(List.of(), IndexLayer.install(client));
    }

    @Test
    void saysWhatToDoWhenAChangeIsNotAdditive() throws Exception {
        IndexLayer.install(client);
        String index = "trustwatch-events-mail-1999.01";
        client.indices().create(c -> c.index(index).mappings(m -> m.meta(Map.of("mapping_version", JsonData.of(0)))
                .properties("email", p -> p.object(o -> o.properties("size", s -> s.keyword(k -> k))))));
        try {
            IndexLayerException e = assertThrows(IndexLayerException.class, () -> IndexLayer.install(client));
            assertTrue(e.getMessage().startsWith("index " + index + " has mapping version 0"), e.getMessage());
            assertTrue(e.getMessage().contains("not additive"), e.getMessage());
            assertTrue(e.getMessage().contains("What to do"), e.getMessage());
        } finally {
            client.indices().delete(d -> d.index(index));
        }
    }
}
