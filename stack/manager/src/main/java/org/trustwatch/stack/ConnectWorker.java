package org.trustwatch.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A Kafka Connect worker in distributed mode (a cluster of one), with the project's plugins on its path. */
public final class ConnectWorker extends Server {

    public static final String NAME = "connect";

    public ConnectWorker(StackSettings settings) {
        super(NAME, settings);
    }

    @Override
    public List<PortSetting> ports() {
        return List.of(settings.connectPort());
    }

    @Override
    public String url() {
        return settings.connectUrl();
    }

    @Override
    public Path logFile() {
        return dir().resolve("logs").resolve("connect.log");
    }

    @Override
    public JdkNeed jdkNeed() {
        return new JdkNeed(17, Integer.MAX_VALUE, "TRUSTWATCH_KAFKA_JAVA");
    }

    @Override
    protected Process launch(Jdk jdk) throws IOException {
        Path config = dir().resolve("worker.properties");
        Files.writeString(config, workerProperties(), StandardCharsets.UTF_8);
        List<String> command = JvmOptions.kafkaDistribution(
                settings, jdk, settings.value("TRUSTWATCH_CONNECT_HEAP", "1536m"), process, dir(), logFile());
        command.add("org.apache.kafka.connect.cli.ConnectDistributed");
        command.add(config.toString());
        return process.startDetached(command, dir(), logFile().resolveSibling("stdout.log"));
    }

    private String workerProperties() {
        return """
                # Written by the Trustwatch stack at every start.
                bootstrap.servers=%s
                group.id=trustwatch-connect
                listeners=http://%s:%d
                rest.advertised.host.name=%2$s
                rest.advertised.port=%3$d
                config.storage.topic=connect-configs
                offset.storage.topic=connect-offsets
                status.storage.topic=connect-status
                # One broker: one replica of each internal topic.
                config.storage.replication.factor=1
                offset.storage.replication.factor=1
                offset.storage.partitions=5
                status.storage.replication.factor=1
                status.storage.partitions=1
                key.converter=org.apache.kafka.connect.storage.StringConverter
                value.converter=org.apache.kafka.connect.json.JsonConverter
                value.converter.schemas.enable=false
                # Source connectors may ask for exactly-once delivery (transactions per task).
                exactly.once.source.support=enabled
                offset.flush.interval.ms=5000
                plugin.path=%s
                """
                .formatted(
                        settings.kafkaBootstrap(),
                        StackSettings.HOST,
                        settings.connectPort().port(),
                        settings.connectPluginPath().stream()
                                .map(Path::toString)
                                .collect(Collectors.joining(",")));
    }

    @Override
    public boolean healthy() {
        // /connectors answers only once the worker has joined its group and read the config topic
        return Probes.httpStatus(url() + "/connectors") == 200;
    }
}
