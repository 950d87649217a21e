package org.trustwatch.elastic.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ElasticClientsTest {

    @Test
    void signsInWithAnApiKeyOrAUserAndPassword() {
        assertEquals(
                "ApiKey a2V5",
                ElasticClients.authorization(ElasticConnection.fromSettings(
                                Map.of(ElasticConnection.URLS, "http://es:9200", ElasticConnection.API_KEY, "a2V5")))
                        .getValue());
        assertEquals(
                "Basic dXNlcjpwYXNz",
                ElasticClients.authorization(ElasticConnection.fromSettings(Map.of(
                                ElasticConnection.URLS, "http://es:9200",
                                ElasticConnection.USERNAME, "user",
                                ElasticConnection.PASSWORD, "pass")))
                        .getValue());
        assertNull(ElasticClients.authorization(ElasticConnection.plain("http://es:9200")));
    }
}
