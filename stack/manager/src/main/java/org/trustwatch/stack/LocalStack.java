package org.trustwatch.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * The four servers as one stack: {@code up} starts what is not running and waits until every server is healthy,
 * {@code down} stops what the stack started, {@code status} says what runs where.
 */
public final class LocalStack {

    private static final Duration POLL = Duration.ofMillis(250);

    private final StackSettings settings;
    private final KafkaBroker kafka;
    private final ElasticsearchNode elasticsearch;
    private final SchemaRegistry registry;
    private final ConnectWorker connect;
    private final PrintStream out;

    public LocalStack(StackSettings settings, PrintStream out) {
        this.settings = settings;
        this.kafka = new KafkaBroker(settings);
        this.elasticsearch = new ElasticsearchNode(settings);
        this.registry = new SchemaRegistry(settings);
        this.connect = new ConnectWorker(settings);
        this.out = out;
    }

    public StackSettings settings() {
        return settings;
    }

    /** In start order; {@link #down} stops them in reverse. */
    public List<Server> servers() {
        return List.of(kafka, elasticsearch, registry, connect);
    }

    public Optional<Server> server(String name) {
        return servers().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * Starts every server that is not running and returns once all are healthy. On failure, stops what this call
     * started and throws a {@link StackException} that names the server, shows its last log lines and says what to
     * do.
     */
    public void up(boolean reset) {
        long started = System.nanoTime();
        if (reset) {
            down();
            deleteTree(settings.dataDir());
        }
        List<Server> toStart =
                servers().stream().filter(server -> server.running().isEmpty()).toList();
        refuseTakenPorts(toStart);
        Map<Server, Jdk> jdks = chooseJdks(toStart);
        try {
            Files.createDirectories(settings.dataDir());
            for (Server server : toStart) {
                Files.createDirectories(server.dir());
            }
        } catch (IOException e) {
            throw new StackException("Cannot create the stack's data directory " + settings.dataDir() + ": " + e
                    + ". Set " + StackSettings.DATA_DIR + " to a writable directory.");
        }
        try {
            startAndAwait(
                    toStart, jdks, System.nanoTime() + settings.startTimeout().toNanos());
        } catch (RuntimeException e) {
            toStart.forEach(Server::stop);
            throw e;
        }
        out.printf("stack is up (%.1f s), data in %s%n", (System.nanoTime() - started) / 1e9, settings.dataDir());
        printStatus();
    }

    private void refuseTakenPorts(List<Server> toStart) {
        List<String> taken = new ArrayList<>();
        for (Server server : toStart) {
            for (PortSetting port : server.ports()) {
                if (Probes.listening(port.port())) {
                    taken.add("port " + port.port() + " (" + port.purpose() + ") is in use: set " + port.variable()
                            + " to a free port, or stop what listens there (ss -ltnp 'sport = :" + port.port()
                            + "')");
                }
            }
        }
        if (!taken.isEmpty()) {
            throw new StackException("Cannot start the stack:\n  " + String.join("\n  ", taken));
        }
    }

    private Map<Server, Jdk> chooseJdks(List<Server> toStart) {
        JdkLocator locator = JdkLocator.scan();
        Map<Server, Jdk> jdks = new LinkedHashMap<>();
        for (Server server : toStart) {
            Server.JdkNeed need = server.jdkNeed();
            jdks.put(
                    server,
                    locator.select(
                            server.name(),
                            need.min(),
                            need.max(),
                            need.variable(),
                            settings.value(need.variable(), null)));
        }
        return jdks;
    }

    private void startAndAwait(List<Server> toStart, Map<Server, Jdk> jdks, long deadline) {
        Map<Server, CompletableFuture<Process>> launches = new LinkedHashMap<>();
        // Connect keeps its state in Kafka topics: it starts once the broker answers
        for (Server server : toStart) {
            if (server != connect) {
                launches.put(server, launch(server, jdks.get(server)));
            }
        }
        List<Server> waiting = new ArrayList<>(toStart);
        while (!waiting.isEmpty()) {
            if (toStart.contains(connect) && !launches.containsKey(connect) && kafka.healthy()) {
                launches.put(connect, launch(connect, jdks.get(connect)));
            }
            for (Server server : List.copyOf(waiting)) {
                CompletableFuture<Process> launch = launches.get(server);
                if (launch == null || !launch.isDone()) {
                    continue;
                }
                Process process = join(server, launch);
                if (server.healthy()) {
                    waiting.remove(server);
                    out.printf("  %-14s healthy after %.1f s%n", server.name(), secondsSince(deadline));
                } else if (!process.isAlive()) {
                    throw failure(server, "its process exited with code " + process.exitValue());
                }
            }
            if (System.nanoTime() > deadline && !waiting.isEmpty()) {
                throw failure(
                        waiting.get(0),
                        "it was not healthy within " + settings.startTimeout().toSeconds() + " s ("
                                + StackSettings.START_TIMEOUT + " sets the limit)");
            }
            sleep(POLL);
        }
    }

    private double secondsSince(long deadline) {
        return (System.nanoTime() - (deadline - settings.startTimeout().toNanos())) / 1e9;
    }

    private static CompletableFuture<Process> launch(Server server, Jdk jdk) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return server.launch(jdk);
            } catch (IOException e) {
                throw new StackException("Cannot start " + server.name() + ": " + e, e);
            }
        });
    }

    private Process join(Server server, CompletableFuture<Process> launch) {
        try {
            return launch.get();
        } catch (ExecutionException e) {
            String why =
                    e.getCause() instanceof StackException stack ? stack.getMessage() : String.valueOf(e.getCause());
            throw failure(server, why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while starting " + server.name(), e);
        }
    }

    private StackException failure(Server server, String why) {
        List<String> tail = Probes.tail(server.logFile(), 25);
        StringBuilder message = new StringBuilder()
                .append(server.name())
                .append(" failed to start: ")
                .append(why)
                .append('\n');
        if (!tail.isEmpty()) {
            message.append("Last lines of ").append(server.logFile()).append(":\n  ");
            message.append(String.join("\n  ", tail)).append('\n');
        }
        message.append("What to do: ").append(advice(server, tail));
        return new StackException(message.toString());
    }

    private static String advice(Server server, List<String> logTail) {
        boolean bindFailed = logTail.stream().anyMatch(line -> line.contains("Address already in use"));
        if (bindFailed) {
            return "a port was taken while the stack started: set "
                    + server.ports().stream().map(PortSetting::variable).collect(Collectors.joining(" or "))
                    + " to a free port.";
        }
        return "fix the cause above and run './trustwatch stack up' again ('./trustwatch stack logs " + server.name()
                + "' shows the whole log; 'up --reset' starts from empty data).";
    }

    /**
     * Stops every application running on the stack (they need the servers to shut down cleanly), then every server
     * this stack started, Connect first and Kafka last.
     */
    public void down() {
        for (StackApps.App app : StackApps.all(settings)) {
            Optional<ProcessHandle> running = app.running();
            if (app.stop()) {
                out.printf(
                        "  %-14s stopped (pid %d)%n",
                        app.name(), running.map(ProcessHandle::pid).orElse(-1L));
            }
        }
        List<Server> reversed = new ArrayList<>(servers());
        java.util.Collections.reverse(reversed);
        for (Server server : reversed) {
            Optional<ProcessHandle> running = server.running();
            if (server.stop()) {
                out.printf(
                        "  %-14s stopped (pid %d)%n",
                        server.name(), running.map(ProcessHandle::pid).orElse(-1L));
            }
        }
    }

    /** One line per server; true when every server is healthy. */
    public boolean printStatus() {
        boolean allHealthy = true;
        for (Server server : servers()) {
            Optional<ProcessHandle> running = server.running();
            String state;
            if (running.isEmpty()) {
                state = "stopped";
                allHealthy = false;
            } else if (server.healthy()) {
                state = "healthy";
            } else {
                state = "unhealthy";
                allHealthy = false;
            }
            out.printf(
                    "  %-14s %-9s %-10s %s%n",
                    server.name(), state, running.map(h -> "pid " + h.pid()).orElse(""), server.url());
        }
        for (StackApps.App app : StackApps.all(settings)) {
            Optional<ProcessHandle> running = app.running();
            out.printf(
                    "  %-14s %-9s %-10s %s%n",
                    app.name(),
                    running.isPresent() ? "running" : "stopped",
                    running.map(h -> "pid " + h.pid()).orElse(""),
                    app.dir());
        }
        return allHealthy;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while waiting for the stack", e);
        }
    }

    private static void deleteTree(Path root) {
        try {
            Trees.delete(root);
        } catch (IOException e) {
            throw new StackException("Cannot delete " + root + " for --reset: " + e + ". Delete it by hand.");
        }
    }
}
