package org.trustwatch.elastic.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElasticConnectionTest {

    @Test
    void readsSeveralUrlsAndAnApiKey() {
        ElasticConnection connection = ElasticConnection.fromSettings(Map.of(
                ElasticConnection.URLS, " https://es1:9200, https://es2:9200 ",
                ElasticConnection.API_KEY, "a2V5OnNlY3JldA=="));

        assertEquals(List.of(URI.create("https://es1:9200"), URI.create("https://es2:9200")), connection.urls());
        assertEquals("a2V5OnNlY3JldA==", connection.apiKey());
        assertNull(connection.username());
        assertTrue(connection.verifyHostname(), "host names are verified unless turned off");
        assertTrue(connection.usesTls());
    }

    @Test
    void neverShowsASecretWhenLogged() {
        ElasticConnection connection = ElasticConnection.fromSettings(Map.of(
                ElasticConnection.URLS, "http://127.0.0.1:9200",
                ElasticConnection.USERNAME, "trustwatch",
                ElasticConnection.PASSWORD, "hunter2"));

        assertFalse(connection.toString().contains("hunter2"), connection.toString());
        assertTrue(connection.toString().contains("user trustwatch"), connection.toString());
    }

    @Test
    void namesTheKeyAndWhatToDoWhenSettingsAreWrong() {
        assertMessage(Map.of(), "elasticsearch.urls is missing");
        assertMessage(Map.of(ElasticConnection.URLS, "es1:9200"), "elasticsearch.urls 'es1:9200' is not an http");
        assertMessage(
                Map.of(
                        ElasticConnection.URLS, "http://es1:9200",
                        ElasticConnection.API_KEY, "k",
                        ElasticConnection.USERNAME, "u",
                        ElasticConnection.PASSWORD, "p"),
                "elasticsearch.api.key is set together with elasticsearch.username");
        assertMessage(
                Map.of(ElasticConnection.URLS, "http://es1:9200", ElasticConnection.USERNAME, "u"),
                "elasticsearch.password is missing");
        assertMessage(
                Map.of(ElasticConnection.URLS, "https://es1:9200", ElasticConnection.CA_PATH, "/no/such/ca.pem"),
                "elasticsearch.ssl.ca.path '/no/such/ca.pem' is not a readable file");
        assertMessage(
                Map.of(ElasticConnection.URLS, "https://es1:9200", ElasticConnection.VERIFY_HOSTNAME, "maybe"),
                "elasticsearch.ssl.verify.hostname 'maybe' is not true or false");
    }

    @Test
    void refusesACaCertificateWithoutHttps(@TempDir Path dir) throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");

        assertMessage(
                Map.of(ElasticConnection.URLS, "http://es1:9200", ElasticConnection.CA_PATH, ca.toString()),
                "elasticsearch.ssl.ca.path is set but no URL in elasticsearch.urls uses https");
    }

    private static void assertMessage(Map<String, String> settings, String start) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ElasticConnection.fromSettings(settings));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
