package org.trustwatch.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A single-node KRaft Kafka: one process that is both broker and controller. */
public final class KafkaBroker extends Server {

    public static final String NAME = "kafka";

    public KafkaBroker(StackSettings settings) {
        super(NAME, settings);
    }

    @Override
    public List<PortSetting> ports() {
        return List.of(settings.kafkaPort(), settings.kafkaControllerPort());
    }

    @Override
    public String url() {
        return settings.kafkaBootstrap();
    }

    @Override
    public Path logFile() {
        return dir().resolve("logs").resolve("server.log");
    }

    @Override
    public JdkNeed jdkNeed() {
        return new JdkNeed(17, Integer.MAX_VALUE, "TRUSTWATCH_KAFKA_JAVA");
    }

    @Override
    protected Process launch(Jdk jdk) throws IOException {
        Path data = Files.createDirectories(dir().resolve("data"));
        Path config = dir().resolve("server.properties");
        Files.writeString(config, serverProperties(data), StandardCharsets.UTF_8);
        List<String> command = JvmOptions.kafkaDistribution(
                settings, jdk, settings.value("TRUSTWATCH_KAFKA_HEAP", "512m"), process, dir(), logFile());
        Path logs = logFile().getParent();
        if (!Files.exists(data.resolve("meta.properties"))) {
            format(new ArrayList<>(command), config, logs);
        }
        command.add("kafka.Kafka");
        command.add(config.toString());
        return process.startDetached(command, dir(), logs.resolve("stdout.log"));
    }

    /** KRaft needs its log directory formatted with a cluster id once, before the first start. */
    private void format(List<String> command, Path config, Path logs) throws IOException {
        command.addAll(List.of("kafka.tools.StorageTool", "format", "-t", newClusterId(), "-c", config.toString()));
        Path output = logs.resolve("format.log");
        Process format = new ProcessBuilder(command)
                .directory(dir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new StackException(
                        "Formatting Kafka's storage in " + dir().resolve("data") + " failed:\n  "
                                + String.join("\n  ", Probes.tail(output, 15))
                                + "\nWhat to do: fix the cause above, or start from empty data with './trustwatch stack up --reset'.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            format.destroyForcibly();
            throw new StackException("Interrupted while formatting Kafka's storage", e);
        }
    }

    /**
     * A Kafka cluster id: 16 random bytes, URL-safe base64 without padding. One id in 64 would start
     * with '-', which the storage tool's argument parser reads as an option ("argument --cluster-id/-t:
     * expected one argument"), so such ids are drawn again, as Kafka's own Uuid.randomUuid() does.
     */
    static String newClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private String serverProperties(Path data) {
        int port = settings.kafkaPort().port();
        int controller = settings.kafkaControllerPort().port();
        String host = StackSettings.HOST;
        return """
                # Written by the Trustwatch stack at every start, so changed ports take effect.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@%2$s:%4$d
                listeners=PLAINTEXT://%2$s:%3$d,CONTROLLER://%2$s:%4$d
                advertised.listeners=PLAINTEXT://%2$s:%3$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%1$s
                num.partitions=1
                # One node: every internal topic has one replica.
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=3
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                transaction.state.log.num.partitions=3
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                # Topics are created on purpose, with the partitions and compaction they need.
                auto.create.topics.enable=false
                """
                .formatted(data, host, port, controller);
    }

    @Override
    public boolean healthy() {
        return Probes.kafkaAnswers(settings.kafkaPort().port());
    }
}
