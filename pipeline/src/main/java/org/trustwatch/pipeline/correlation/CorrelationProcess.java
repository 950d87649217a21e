package org.trustwatch.pipeline.correlation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.trustwatch.pipeline.PipelineException;
import org.trustwatch.stack.Probes;
import org.trustwatch.stack.ServerProcess;
import org.trustwatch.stack.StackApps;

/**
 * The correlation app as production runs it: its own JVM ({@code CorrelationApp --config FILE}), started detached,
 * with its pid file, its log and its state under {@code <data dir>/apps/correlation}. Its command line carries the
 * stack's process marker, so {@code ./trustwatch stack down} finds and stops it like the servers.
 */
public final class CorrelationProcess {

    public static final String NAME = "correlation";
    private static final String MAIN_CLASS = "org.trustwatch.streams.app.CorrelationApp";
    static final String HEAP_VARIABLE = "TRUSTWATCH_CORRELATION_HEAP";
    static final String DEFAULT_HEAP = "2g";

    private final Path home;
    private final Path dir;
    private final ServerProcess process;

    /**
     * @param home the checkout whose build holds the app
     * @param dataDir the stack's data directory
     */
    public CorrelationProcess(Path home, Path dataDir) {
        this.home = home;
        this.dir = StackApps.dir(dataDir, NAME);
        this.process = new ServerProcess(dir);
    }

    public Path logFile() {
        return dir.resolve(NAME + ".log");
    }

    public Path configFile() {
        return dir.resolve(NAME + ".properties");
    }

    public Optional<ProcessHandle> running() {
        return process.running();
    }

    /**
     * Starts the app with these properties, unless it already runs with exactly them: then it is left alone. One that
     * runs with other properties is stopped first. Returns whether a new process was started.
     */
    public boolean ensureRunning(Map<String, String> properties) {
        String config = propertiesText(properties);
        try {
            Files.createDirectories(dir);
            if (process.running().isPresent()) {
                if (Files.isRegularFile(configFile())
                        && Files.readString(configFile(), StandardCharsets.UTF_8)
                                .equals(config)) {
                    return false;
                }
                process.stop(Duration.ofSeconds(30));
            }
            Files.writeString(configFile(), config, StandardCharsets.UTF_8);
            process.startDetached(command(), dir, logFile());
            return true;
        } catch (IOException e) {
            throw new PipelineException(
                    "Cannot start the correlation app in " + dir + ": " + e.getMessage()
                            + ". Set TRUSTWATCH_DATA_DIR to a writable directory.",
                    e);
        }
    }

    /**
     * Waits until the app's consumer group is stable with members: it has restored its stores and took its inputs.
     * Fails early, with the end of its log, when the process exits.
     */
    public void awaitRunning(Admin admin, String applicationId, Duration timeout) {
        boolean joined = awaitGroup(admin, applicationId, timeout, () -> {
            if (process.running().isEmpty()) {
                throw failure("its process exited");
            }
        });
        if (!joined) {
            throw failure(
                    "it did not join its consumer group '" + applicationId + "' within " + timeout.toSeconds() + " s");
        }
    }

    /**
     * Waits until an app's consumer group is stable with members.
     *
     * @param alive throws when the app is known to be gone, so the wait ends early
     * @return false when the time ran out
     */
    public static boolean awaitGroup(Admin admin, String applicationId, Duration timeout, Runnable alive) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            alive.run();
            try {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId))
                        .describedGroups()
                        .get(applicationId)
                        .get();
                if (group.groupState() == GroupState.STABLE && !group.members().isEmpty()) {
                    return true;
                }
            } catch (ExecutionException e) {
                // the group does not exist until the app joins it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PipelineException("interrupted while waiting for the correlation app", e);
            }
            sleep();
        }
        return false;
    }

    /** Stops the app if it runs; returns its pid, if it did. */
    public Optional<Long> stop() {
        Optional<Long> pid = process.running().map(ProcessHandle::pid);
        process.stop(Duration.ofSeconds(30));
        return pid;
    }

    public PipelineException failure(String why) {
        List<String> tail = Probes.tail(logFile(), 20);
        return new PipelineException("The correlation app failed: " + why + "\nLast lines of " + logFile() + ":\n  "
                + String.join("\n  ", tail) + "\nWhat to do: fix the cause above and run again.");
    }

    /** The same JDK as this process, the class path the build wrote for the streams-app module. */
    private List<String> command() throws IOException {
        Path target = home.resolve("streams-app").resolve("target");
        Path classpath = target.resolve("classpath.txt");
        Path jar = appJar(target);
        if (!Files.isRegularFile(classpath) || jar == null) {
            throw new PipelineException(
                    "The correlation app is not built (" + target + " has no jar or classpath.txt):"
                            + " run './mvnw -q package -DskipTests -pl streams-app -am' or './trustwatch demo', which builds it.");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(process.marker());
        command.add("-Xms256m");
        command.add("-Xmx" + heap(System.getenv()));
        command.add("-XX:+UseParallelGC"); // as ./trustwatch correlate runs it: see the note there
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.trustwatch.schema");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
        command.add("-Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn");
        command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        command.add("-Dtrustwatch.home=" + home);
        command.add("-cp");
        command.add(
                jar + ":" + Files.readString(classpath, StandardCharsets.UTF_8).strip());
        command.add(MAIN_CLASS);
        command.add("--config");
        command.add(configFile().toString());
        return command;
    }

    /**
     * The app's largest heap: {@code TRUSTWATCH_CORRELATION_HEAP}, or 2g. Its state stores are on the heap (the
     * default {@code state.stores=memory}); at the 512m it had before they were, the whole-pipeline bench's app (10
     * schools, two days) ended with its old generation 73 % full after 6 full collections, and bench-correlate's
     * 20-school day keeps about 400 MB of state.
     */
    static String heap(Map<String, String> environment) {
        String value = environment.getOrDefault(HEAP_VARIABLE, "").strip();
        if (value.isEmpty()) {
            return DEFAULT_HEAP;
        }
        if (!value.matches("[0-9]+[kKmMgG]?")) {
            throw new PipelineException(HEAP_VARIABLE + "='" + value + "' is not a heap size: use a number of bytes"
                    + " with k, m or g after it, e.g. 2g or 1536m (as for java -Xmx).");
        }
        return value;
    }

    private static Path appJar(Path target) throws IOException {
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "trustwatch-streams-app-*.jar")) {
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                if (!name.endsWith("-tests.jar") && !name.endsWith("-sources.jar")) {
                    return jar;
                }
            }
        }
        return null;
    }

    private static String propertiesText(Map<String, String> properties) {
        StringBuilder text = new StringBuilder("# Written by the Trustwatch pipeline at every start of the app.\n");
        new TreeMap<>(properties)
                .forEach((k, v) -> text.append(k).append('=').append(escape(v)).append('\n'));
        return text.toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException("interrupted while waiting for the correlation app", e);
        }
    }
}
