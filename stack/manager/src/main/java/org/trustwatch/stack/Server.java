package org.trustwatch.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** One server of the local stack: how to start it, how to tell it is healthy, where it logs. */
public abstract class Server {

    protected final StackSettings settings;
    protected final ServerProcess process;
    private final String name;

    protected Server(String name, StackSettings settings) {
        this.name = name;
        this.settings = settings;
        this.process = new ServerProcess(settings.serverDir(name));
    }

    /** Short name used on the command line: {@code kafka}, {@code registry}, ... */
    public final String name() {
        return name;
    }

    /** The server's directory under the stack's data directory. */
    public final Path dir() {
        return settings.serverDir(name);
    }

    public abstract List<PortSetting> ports();

    /** Where a person or a client reaches it. */
    public abstract String url();

    public abstract Path logFile();

    /** The Java versions it runs on, and the variable that picks a JDK by hand. */
    public abstract JdkNeed jdkNeed();

    /** Starts the process and returns without waiting for it to become healthy. */
    protected abstract Process launch(Jdk jdk) throws IOException;

    /** A quick check that the server serves requests. */
    public abstract boolean healthy();

    public Optional<ProcessHandle> running() {
        return process.running();
    }

    public boolean stop() {
        return process.stop(Duration.ofSeconds(60));
    }

    /** What a server needs of its JDK. */
    public record JdkNeed(int min, int max, String variable) {}
}
