package org.trustwatch.ingest.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.trustwatch.ingest.Problems;
import org.trustwatch.ingest.reference.ReferenceData;
import org.trustwatch.ingest.reference.ReferencePublisher;

/**
 * {@code trustwatch load-reference DIR}: checks the trust's reference files and makes the compacted reference topics
 * match them. Bad rows are reported as {@code file:row: reason} and skipped; the rest is published.
 */
public final class LoadReferenceCommand {

    /** Held so the level set on it is not lost to garbage collection. */
    private static final java.util.logging.Logger APICURIO_CLIENT =
            java.util.logging.Logger.getLogger("io.apicurio.registry.client.common");

    private LoadReferenceCommand() {}

    public static void main(String[] args) throws Exception {
        // its notice about a shared Vert.x instance says nothing a person loading files can act on
        APICURIO_CLIENT.setLevel(java.util.logging.Level.SEVERE);
        String bootstrap = "127.0.0.1:" + env("TRUSTWATCH_KAFKA_PORT", "9092");
        String registry = "http://127.0.0.1:" + env("TRUSTWATCH_REGISTRY_PORT", "8081");
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap" -> bootstrap = args[++i];
                case "--registry" -> registry = args[++i];
                default -> dir = Path.of(args[i]);
            }
        }
        if (dir == null || !Files.isDirectory(dir)) {
            System.err.println("usage: trustwatch load-reference [--bootstrap HOST:PORT] [--registry URL] DIR\n"
                    + "  DIR holds schools.csv, directory.csv, devices.csv and exemptions.csv");
            System.exit(2);
        }
        Problems problems = new Problems();
        ReferenceData data = ReferenceData.read(dir, problems);
        problems.all().forEach(System.err::println);
        List<ReferencePublisher.Outcome> outcomes = new ReferencePublisher(bootstrap, registry).publish(data);
        for (ReferencePublisher.Outcome outcome : outcomes) {
            System.out.printf(
                    "%-22s %6d written, %4d removed%n", outcome.topic(), outcome.written(), outcome.removed());
        }
        System.out.println("problems " + problems.all().size());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
