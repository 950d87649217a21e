package org.trustwatch.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build assembled each server (modules under stack/servers). */
final class Distributions {

    private Distributions() {}

    static Path kafkaLib(StackSettings settings) {
        return require(settings, "stack/servers/kafka/target/lib", "Kafka");
    }

    static Path registryHome(StackSettings settings) {
        return require(settings, "stack/servers/registry/target/registry", "Apicurio Registry");
    }

    static Path elasticsearchHome(StackSettings settings) {
        return require(settings, "stack/servers/elasticsearch/target/es-home", "Elasticsearch");
    }

    private static Path require(StackSettings settings, String relative, String what) {
        Path dir = settings.home().resolve(relative);
        if (!Files.isDirectory(dir)) {
            throw new StackException(what + " is not assembled: " + dir + " is missing. Build it with "
                    + "'./mvnw -q -B install -DskipTests' in " + settings.home()
                    + " (./trustwatch does this by itself).");
        }
        return dir;
    }
}
