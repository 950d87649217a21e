package org.trustwatch.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustwatch.schema.School;
import org.trustwatch.schema.serde.RegistrySerdes;
import org.trustwatch.stack.LocalStack;
import org.trustwatch.stack.Probes;
import org.trustwatch.stack.StackSettings;

/** What a person sees of {@code ./trustwatch stack}: restarts keep data, down stops everything, taken ports fail fast. */
class StackLifecycleIT {

    @Test
    void downStopsEveryServerAndUpFindsTopicsAndSchemasAgain() throws Exception {
        LocalStack stack = TestStack.get();
        StackSettings settings = stack.settings();
        String topic = "it.lifecycle.schools";
        try (Admin admin = admin(settings)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        School school = SampleRecords.of(School.class);
        byte[] written;
        try (var serde = RegistrySerdes.<School>valueSerde(settings.registryUrl())) {
            written = serde.serializer().serialize(topic, school);
        }
        String subjectsBefore = Probes.httpBody(settings.registryUrl() + "/apis/ccompat/v7/subjects")
                .orElseThrow();

        stack.down();
        assertEquals(List.of(), processesOf(settings.dataDir()), "processes of the stack after down");

        stack.up(false);
        try (Admin admin = admin(settings)) {
            assertTrue(admin.listTopics().names().get().contains(topic), "topic kept across the restart");
        }
        assertEquals(
                subjectsBefore,
                Probes.httpBody(settings.registryUrl() + "/apis/ccompat/v7/subjects")
                        .orElseThrow());
        try (var serde = RegistrySerdes.<School>valueSerde(settings.registryUrl())) {
            // the schema id in bytes written before the restart still resolves, and is reused rather than renewed
            assertEquals(school, serde.deserializer().deserialize(topic, written));
            assertArrayEquals(written, serde.serializer().serialize(topic, school));
        }
    }

    @Test
    void upFailsFastNamingATakenPortAndItsVariable(@TempDir Path dataDir) throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName(StackSettings.HOST))) {
            List<String> command =
                    List.of(TestStack.home().resolve("trustwatch").toString(), "stack", "up");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.put(StackSettings.DATA_DIR, dataDir.toString());
            env.put(StackSettings.KAFKA_PORT, Integer.toString(squatter.getLocalPort()));
            for (String other : List.of(
                    StackSettings.KAFKA_CONTROLLER_PORT,
                    StackSettings.REGISTRY_PORT,
                    StackSettings.REGISTRY_MANAGEMENT_PORT,
                    StackSettings.ES_PORT,
                    StackSettings.ES_TRANSPORT_PORT,
                    StackSettings.CONNECT_PORT)) {
                env.put(other, Integer.toString(freePort()));
            }
            Process up = builder.start();
            String output = new String(up.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(up.waitFor(60, TimeUnit.SECONDS));

            assertEquals(1, up.exitValue(), output);
            assertTrue(
                    output.contains("port " + squatter.getLocalPort() + " (Kafka broker) is in use: set "
                            + StackSettings.KAFKA_PORT),
                    output);
            assertEquals(List.of(), processesOf(dataDir), "nothing may start when a port is taken");
        }
    }

    private static Admin admin(StackSettings settings) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Live processes whose command line marks them as servers of the stack in this data directory. */
    static List<Long> processesOf(Path dataDir) throws IOException {
        String marker = "-Dtrustwatch.stack=" + dataDir.toAbsolutePath().normalize();
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
            for (Path dir :
                    proc.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmdline = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (cmdline.contains(marker)) {
                        pids.add(Long.parseLong(dir.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        }
        return pids;
    }
}
