package org.trustwatch.pipeline.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.trustwatch.pipeline.Endpoints;
import org.trustwatch.pipeline.Pipeline;
import org.trustwatch.pipeline.PipelineException;
import org.trustwatch.pipeline.workload.Workload;
import org.trustwatch.stack.Probes;

/**
 * The pipeline on servers given by address, for a stack this tool did not start (docker-compose.yml's
 * {@code pipeline} service): {@code --workload DIR --bootstrap HOST:PORT --registry URL --elasticsearch URL --connect
 * URL --work-dir DIR [--external-correlation APP_ID] [--timeout SECONDS]}. The Connect worker must see the work
 * directory at the same path, since its agents tail the logs replayed there.
 */
public final class RunCommand {

    static final String USAGE = "usage: RunCommand --workload DIR --bootstrap HOST:PORT --registry URL"
            + " --elasticsearch URL --connect URL --work-dir DIR [--external-correlation APP_ID] [--timeout SECONDS]";

    private RunCommand() {}

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                fail("'" + args[i] + "' is not an option");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0) {
            fail(args[args.length - 1] + " needs a value");
        }
        for (String required :
                new String[] {"workload", "bootstrap", "registry", "elasticsearch", "connect", "work-dir"}) {
            if (!options.containsKey(required)) {
                fail("--" + required + " is missing");
            }
        }
        Endpoints endpoints = new Endpoints(
                options.get("bootstrap"),
                options.get("registry"),
                options.get("elasticsearch"),
                options.get("connect"),
                Path.of(options.get("work-dir")).toAbsolutePath(),
                Path.of(System.getProperty("trustwatch.home", ".")).toAbsolutePath());
        Pipeline.Options settings = Pipeline.Options.defaults()
                .withTimeout(Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout", "600"))));
        if (options.containsKey("external-correlation")) {
            settings = settings.withExternalCorrelation(options.get("external-correlation"));
        }
        awaitConnect(endpoints.connectUrl());
        try (Pipeline pipeline = new Pipeline(endpoints, settings, System.out)) {
            pipeline.run(Workload.read(Path.of(options.get("workload")))).print(System.out);
        } catch (PipelineException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** Containers start together; Connect answers only once it has joined its group and read its config topic. */
    private static void awaitConnect(String url) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (Probes.httpStatus(url + "/connectors") != 200) {
            if (System.nanoTime() > deadline) {
                System.err.println("Kafka Connect does not answer at " + url + " after 3 minutes: see its log.");
                System.exit(1);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void fail(String problem) {
        System.err.println(problem);
        System.err.println(USAGE);
        System.exit(2);
    }
}
