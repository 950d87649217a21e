package org.trustwatch.stack;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The operating-system side of one server: starting it detached from the caller, remembering its pid, and stopping
 * exactly that process later.
 *
 * <p>Every server's command line carries {@code -Dtrustwatch.stack=<its data directory>}. A pid file alone is not
 * proof: after a reboot the pid may belong to anything, and {@code down} must stop what the stack started and
 * nothing else.
 */
public final class ServerProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Path pidFile;
    private final String marker;
    /** The process this object started, known for sure even before its command line shows the marker. */
    private volatile Process started;

    public ServerProcess(Path serverDir) {
        this.pidFile = serverDir.resolve("server.pid");
        this.marker = "-Dtrustwatch.stack=" + serverDir;
    }

    /** The JVM option that tags the process as this server of this stack. */
    public String marker() {
        return marker;
    }

    /**
     * Starts the command in its own session (so a closing terminal does not take it down), with stdin empty and
     * stdout and stderr appended to {@code output}.
     */
    public Process startDetached(List<String> command, Path workDir, Path output) throws IOException {
        ProcessBuilder builder = builder(command, workDir)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .redirectErrorStream(true);
        return record(builder.start());
    }

    /** Like {@link #startDetached} but stdin and stderr stay connected, for servers that talk over them at start. */
    public Process startTalking(List<String> command, Path workDir, Path output, Map<String, String> environment)
            throws IOException {
        ProcessBuilder builder =
                builder(command, workDir).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().putAll(environment);
        return record(builder.start());
    }

    private ProcessBuilder builder(List<String> command, Path workDir) {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(workDir.toFile());
        // options meant for the caller's JVM must not leak into the servers'
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        return builder;
    }

    private Process record(Process process) throws IOException {
        started = process;
        Files.writeString(pidFile, Long.toString(process.pid()), StandardCharsets.US_ASCII);
        return process;
    }

    /** The running process this stack started for the server, if any. */
    public Optional<ProcessHandle> running() {
        Process own = started;
        if (own != null && own.isAlive()) {
            return Optional.of(own.toHandle());
        }
        if (!Files.isReadable(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(
                    Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::isOurs);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private boolean isOurs(ProcessHandle handle) {
        // /proc/<pid>/cmdline is readable for every user's processes, unlike ProcessHandle.Info on some JDKs
        Path cmdline = Path.of("/proc", Long.toString(handle.pid()), "cmdline");
        try {
            String args = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
            return args.contains(marker + " ");
        } catch (IOException e) {
            return handle.info()
                    .arguments()
                    .map(a -> List.of(a).contains(marker))
                    .orElse(false);
        }
    }

    /** Stops the server (SIGTERM, then SIGKILL after the grace period). Returns whether it was running. */
    public boolean stop(Duration grace) {
        Optional<ProcessHandle> running = running();
        running.ifPresent(handle -> terminate(handle, grace));
        forget();
        return running.isPresent();
    }

    public void forget() {
        started = null;
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // a stale pid file is harmless: running() checks the process behind it
        }
    }

    static void terminate(ProcessHandle handle, Duration grace) {
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // nothing more can be done from here; status will show it
            }
        }
    }
}
