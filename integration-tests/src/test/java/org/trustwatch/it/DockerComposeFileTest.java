package org.trustwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot run on a machine without a Docker engine; this checks that it parses, runs the same
 * servers at the versions the build pins, and publishes nothing beyond loopback.
 */
class DockerComposeFileTest {

    private static JsonNode services;

    @BeforeAll
    static void parse() throws Exception {
        Path file = TestStack.home().resolve("docker-compose.yml");
        services = new ObjectMapper(new YAMLFactory()).readTree(file.toFile()).get("services");
    }

    @Test
    void runsTheFourServersOfTheLocalStack() {
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("kafka", "registry", "elasticsearch", "connect"), names);
    }

    @Test
    void imagesAreTheVersionsThePomPins() {
        assertEquals("apache/kafka:" + System.getProperty("kafka.version"), image("kafka"));
        assertEquals("apache/kafka:" + System.getProperty("kafka.version"), image("connect"));
        assertEquals(
                "docker.elastic.co/elasticsearch/elasticsearch:" + System.getProperty("elasticsearch.version"),
                image("elasticsearch"));
        assertEquals(
                "apicurio/apicurio-registry:" + System.getProperty("apicurio.registry.version"), image("registry"));
    }

    @Test
    void publishesPortsOnLoopbackOnly() {
        services.forEach(service -> service.path("ports")
                .forEach(port -> assertTrue(port.asText().startsWith("127.0.0.1:"), "published port " + port)));
    }

    @Test
    void connectMountsTheProjectsPluginsAndWorkerSettings() {
        List<String> volumes = new ArrayList<>();
        services.get("connect").get("volumes").forEach(v -> volumes.add(v.asText()));
        assertTrue(
                volumes.contains(
                        "./connectors/log-sources/target/connect-plugin:/opt/trustwatch/plugins/log-sources:ro"),
                volumes.toString());
        assertTrue(TestStack.home()
                .resolve("stack/docker/connect-worker.properties")
                .toFile()
                .isFile());
    }

    private static String image(String service) {
        return services.get(service).get("image").asText();
    }
}
