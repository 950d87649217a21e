package org.trustwatch.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Apicurio Registry 3, whose Confluent-compatible API third-party tools use. Its storage is an H2 database file in
 * the data directory, so schema ids survive a restart.
 */
public final class SchemaRegistry extends Server {

    public static final String NAME = "registry";

    public SchemaRegistry(StackSettings settings) {
        super(NAME, settings);
    }

    @Override
    public List<PortSetting> ports() {
        return List.of(settings.registryPort(), settings.registryManagementPort());
    }

    @Override
    public String url() {
        return settings.registryUrl() + "/apis/ccompat/v7";
    }

    @Override
    public Path logFile() {
        return dir().resolve("registry.log");
    }

    @Override
    public JdkNeed jdkNeed() {
        // Apicurio Registry 3 is compiled for Java 21
        return new JdkNeed(21, Integer.MAX_VALUE, "TRUSTWATCH_REGISTRY_JAVA");
    }

    @Override
    protected Process launch(Jdk jdk) throws IOException {
        Path registryHome = Distributions.registryHome(settings);
        Files.createDirectories(dir().resolve("h2"));
        List<String> command =
                JvmOptions.common(jdk, settings.value("TRUSTWATCH_REGISTRY_HEAP", "384m"), process, dir());
        command.add("-Dquarkus.http.host=" + StackSettings.HOST);
        command.add("-Dquarkus.http.port=" + settings.registryPort().port());
        // the management interface (health) would otherwise listen on 0.0.0.0:9000
        command.add("-Dquarkus.management.host=" + StackSettings.HOST);
        command.add(
                "-Dquarkus.management.port=" + settings.registryManagementPort().port());
        command.add("-Dquarkus.otel.enabled=false");
        command.add("-Dquarkus.log.console.color=false");
        command.add("-Dapicurio.storage.kind=sql");
        command.add("-Dapicurio.storage.sql.kind=h2");
        command.add(
                "-Dapicurio.datasource.url=jdbc:h2:file:" + dir().resolve("h2").resolve("registry"));
        command.add("-Djava.io.tmpdir=" + Files.createDirectories(dir().resolve("tmp")));
        command.add("-jar");
        command.add(registryHome.resolve("quarkus-run.jar").toString());
        return process.startDetached(command, dir(), logFile());
    }

    @Override
    public boolean healthy() {
        return Probes.httpStatus("http://" + StackSettings.HOST + ":"
                        + settings.registryManagementPort().port() + "/health/ready")
                == 200;
    }
}
