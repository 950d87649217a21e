package org.trustwatch.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the local stack lives and which ports it uses, read from {@code TRUSTWATCH_*} variables.
 *
 * <p>Everything binds to 127.0.0.1: the stack is for one developer's machine or one CI run.
 */
public final class StackSettings {

    public static final String DATA_DIR = "TRUSTWATCH_DATA_DIR";
    public static final String KAFKA_PORT = "TRUSTWATCH_KAFKA_PORT";
    public static final String KAFKA_CONTROLLER_PORT = "TRUSTWATCH_KAFKA_CONTROLLER_PORT";
    public static final String REGISTRY_PORT = "TRUSTWATCH_REGISTRY_PORT";
    public static final String REGISTRY_MANAGEMENT_PORT = "TRUSTWATCH_REGISTRY_MANAGEMENT_PORT";
    public static final String ES_PORT = "TRUSTWATCH_ES_PORT";
    public static final String ES_TRANSPORT_PORT = "TRUSTWATCH_ES_TRANSPORT_PORT";
    public static final String CONNECT_PORT = "TRUSTWATCH_CONNECT_PORT";
    public static final String CONNECT_PLUGIN_PATH = "TRUSTWATCH_CONNECT_PLUGIN_PATH";
    public static final String START_TIMEOUT = "TRUSTWATCH_START_TIMEOUT";

    public static final String HOST = "127.0.0.1";

    private final Path home;
    private final Map<String, String> variables;

    private StackSettings(Path home, Map<String, String> variables) {
        this.home = home.toAbsolutePath().normalize();
        this.variables = Map.copyOf(variables);
    }

    /** @param home the checkout, where the server distributions are assembled by the build */
    public static StackSettings of(Path home, Map<String, String> variables) {
        StackSettings settings = new StackSettings(home, variables);
        settings.validate();
        return settings;
    }

    /** The same settings with some variables replaced, e.g. the test ports. */
    public StackSettings with(Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(variables);
        merged.putAll(overrides);
        return of(home, merged);
    }

    private void validate() {
        kafkaPort();
        kafkaControllerPort();
        registryPort();
        registryManagementPort();
        esPort();
        esTransportPort();
        connectPort();
        startTimeout();
    }

    public Path home() {
        return home;
    }

    public Path dataDir() {
        String dir = variables.get(DATA_DIR);
        return dir == null || dir.isBlank()
                ? home.resolve(".trustwatch").resolve("stack")
                : Path.of(dir).toAbsolutePath().normalize();
    }

    public Path serverDir(String server) {
        return dataDir().resolve(server);
    }

    /**
     * Connect's plugin.path: the variable's comma-separated directories, else the plugin directory each connector
     * module's build assembles ({@code connectors/<module>/target/connect-plugin}).
     */
    public List<Path> connectPluginPath() {
        String path = variables.get(CONNECT_PLUGIN_PATH);
        if (path != null && !path.isBlank()) {
            return Arrays.stream(path.split(","))
                    .map(String::trim)
                    .filter(p -> !p.isEmpty())
                    .map(p -> Path.of(p).toAbsolutePath().normalize())
                    .toList();
        }
        List<Path> built = new ArrayList<>();
        try (Stream<Path> modules = Files.list(home.resolve("connectors"))) {
            modules.map(module -> module.resolve("target").resolve("connect-plugin"))
                    .filter(Files::isDirectory)
                    .sorted()
                    .forEach(built::add);
        } catch (IOException e) {
            // no connectors built yet: the worker starts with no plugins of ours
        }
        return built;
    }

    public PortSetting kafkaPort() {
        return port(KAFKA_PORT, 9092, "Kafka broker");
    }

    public PortSetting kafkaControllerPort() {
        return port(KAFKA_CONTROLLER_PORT, 9093, "Kafka KRaft controller");
    }

    public PortSetting registryPort() {
        return port(REGISTRY_PORT, 8081, "schema registry API");
    }

    public PortSetting registryManagementPort() {
        return port(REGISTRY_MANAGEMENT_PORT, 8091, "schema registry health");
    }

    public PortSetting esPort() {
        return port(ES_PORT, 9200, "Elasticsearch HTTP");
    }

    public PortSetting esTransportPort() {
        return port(ES_TRANSPORT_PORT, 9300, "Elasticsearch transport");
    }

    public PortSetting connectPort() {
        return port(CONNECT_PORT, 8083, "Kafka Connect REST");
    }

    public String kafkaBootstrap() {
        return HOST + ":" + kafkaPort().port();
    }

    public String registryUrl() {
        return "http://" + HOST + ":" + registryPort().port();
    }

    public String elasticsearchUrl() {
        return "http://" + HOST + ":" + esPort().port();
    }

    public String connectUrl() {
        return "http://" + HOST + ":" + connectPort().port();
    }

    public Duration startTimeout() {
        return Duration.ofSeconds(positiveInt(START_TIMEOUT, 180));
    }

    /** A server-specific value such as {@code TRUSTWATCH_ES_HEAP}, or the default. */
    public String value(String variable, String defaultValue) {
        String value = variables.get(variable);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    private PortSetting port(String variable, int defaultPort, String purpose) {
        int port = positiveInt(variable, defaultPort);
        if (port > 65535) {
            throw new StackException(variable + "=" + port + " is not a port number: use 1-65535.");
        }
        return new PortSetting(variable, port, purpose);
    }

    private int positiveInt(String variable, int defaultValue) {
        String raw = variables.get(variable);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the variable's name
        }
        throw new StackException(variable + "='" + raw + "' is not a positive whole number: fix or unset it.");
    }
}
