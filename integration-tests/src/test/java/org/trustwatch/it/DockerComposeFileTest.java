package org.trustwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot run on a machine without a Docker engine; this checks that it parses, runs the same
 * servers at the versions the build pins, publishes nothing beyond loopback, and that the pipeline's pieces (both
 * plugins, the correlation app, the pipeline command) agree on names and paths.
 */
class DockerComposeFileTest {

    private static JsonNode services;

    @BeforeAll
    static void parse() throws Exception {
        Path file = TestStack.home().resolve("docker-compose.yml");
        services = new ObjectMapper(new YAMLFactory()).readTree(file.toFile()).get("services");
    }

    @Test
    void runsTheFourServersOfTheLocalStackTheCorrelationAppAndThePipeline() {
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("kafka", "registry", "elasticsearch", "connect", "correlation", "pipeline"), names);
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
        String jre = "eclipse-temurin:" + System.getProperty("maven.compiler.release") + "-jre";
        assertEquals(jre, image("correlation"), "the Java the build compiles for");
        assertEquals(jre, image("pipeline"));
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

    @Test
    void connectHasBothPluginsAndSeesTheLogsThePipelineReplaysWhereItWritesThem() {
        List<String> connect = volumes("connect");
        assertTrue(
                connect.contains(
                        "./connectors/elasticsearch-sink/target/connect-plugin:/opt/trustwatch/plugins/elasticsearch-sink:ro"),
                connect.toString());
        List<String> pipeline = volumes("pipeline");
        String workDir = option("pipeline", "--work-dir");
        assertTrue(connect.contains("work:" + workDir), connect.toString());
        assertTrue(pipeline.contains("work:" + workDir), pipeline.toString());
        String workload = option("pipeline", "--workload");
        assertTrue(connect.contains("./samples:" + workload + ":ro"), "the category list at the same path");
        assertTrue(pipeline.contains("./samples:" + workload + ":ro"), pipeline.toString());
        assertTrue(pipeline.contains("./pipeline/target/app:/opt/trustwatch/app:ro"), pipeline.toString());
    }

    @Test
    void theCorrelationAppRunsAsThePipelineExpectsIt() throws Exception {
        List<String> volumes = volumes("correlation");
        assertTrue(volumes.contains("./streams-app/target/app:/opt/trustwatch/app:ro"), volumes.toString());
        assertTrue(volumes.contains("./stack/docker/correlation.properties:/opt/trustwatch/correlation.properties:ro"));
        Properties app = new Properties();
        try (var in = Files.newInputStream(TestStack.home().resolve("stack/docker/correlation.properties"))) {
            app.load(in);
        }
        assertEquals(option("pipeline", "--external-correlation"), app.getProperty("application.id"));
        assertEquals(option("pipeline", "--bootstrap"), app.getProperty("bootstrap.servers"));
        assertEquals(option("pipeline", "--registry"), app.getProperty("registry.url"));
        assertEquals(option("pipeline", "--workload") + "/settings.yaml", app.getProperty("settings"));
        assertEquals(Long.toString(Long.MAX_VALUE), app.getProperty("streams.topic.message.timestamp.after.max.ms"));
    }

    private static List<String> volumes(String service) {
        List<String> volumes = new ArrayList<>();
        services.get(service).get("volumes").forEach(v -> volumes.add(v.asText()));
        return volumes;
    }

    /** The value after an option in a service's command. */
    private static String option(String service, String name) {
        JsonNode command = services.get(service).get("command");
        for (int i = 0; i + 1 < command.size(); i++) {
            if (command.get(i).asText().equals(name)) {
                return command.get(i + 1).asText();
            }
        }
        throw new AssertionError(service + "'s command has no " + name);
    }

    private static String image(String service) {
        return services.get(service).get("image").asText();
    }
}
