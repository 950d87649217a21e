package org.trustwatch.connect.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ElasticsearchSinkConfigTest {

    @Test
    void readsTheConnectionWithItsSecrets() {
        ElasticsearchSinkConfig config = new ElasticsearchSinkConfig(settings(
                Map.of("elasticsearch.urls", "https://es1:9200,https://es2:9200", "elasticsearch.api.key", "a2V5")));

        assertEquals(2, config.connection().urls().size());
        assertEquals("a2V5", config.connection().apiKey());
        assertEquals("incidents", config.incidentsTopic());
        assertEquals(1000, config.batchRecords());
        assertEquals(0, config.retryMaxAttempts(), "retries without limit by default");
    }

    @Test
    void namesTheKeyThatIsWrong() {
        assertMessage(Map.of("elasticsearch.urls", "es1:9200"), "elasticsearch.urls 'es1:9200' is not an http");
        assertMessage(
                Map.of("elasticsearch.username", "trustwatch"),
                "elasticsearch.password is missing: elasticsearch.username is set");
        assertMessage(Map.of("retry.backoff.ms", "500", "retry.backoff.max.ms", "100"), "retry.backoff.max.ms");
        assertMessage(Map.of("batch.max.bytes", "10000000", "max.buffered.bytes", "1000000"), "max.buffered.bytes");
    }

    private static void assertMessage(Map<String, String> overrides, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> new ElasticsearchSinkConfig(settings(overrides)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static Map<String, String> settings(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>();
        settings.put("elasticsearch.urls", "http://127.0.0.1:9200");
        settings.put("schema.registry.url", "http://127.0.0.1:8081");
        settings.putAll(overrides);
        return settings;
    }
}
