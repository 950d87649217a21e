package org.trustwatch.stack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applications that run on the stack as processes of their own, such as the correlation app the demo starts. Each has
 * a directory {@code <data dir>/apps/<name>} with its pid file, and the stack's process marker for that directory on
 * its command line, so {@code down} finds exactly the processes this stack's tools started.
 */
public final class StackApps {

    private StackApps() {}

    /** Where an application keeps its pid file, log and state. */
    public static Path dir(StackSettings settings, String name) {
        return dir(settings.dataDir(), name);
    }

    /** The same, for the stack whose data directory this is. */
    public static Path dir(Path dataDir, String name) {
        return dataDir.resolve("apps").resolve(name);
    }

    /** The applications with a directory, by name, and their process when it runs. */
    static List<App> all(StackSettings settings) {
        Path apps = settings.dataDir().resolve("apps");
        List<App> found = new ArrayList<>();
        if (!Files.isDirectory(apps)) {
            return found;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(apps, Files::isDirectory)) {
            for (Path dir : dirs) {
                found.add(new App(dir.getFileName().toString(), dir, new ServerProcess(dir)));
            }
        } catch (IOException e) {
            // an unreadable apps directory holds nothing we started
        }
        found.sort((a, b) -> a.name().compareTo(b.name()));
        return found;
    }

    /** One application's process. */
    record App(String name, Path dir, ServerProcess process) {

        Optional<ProcessHandle> running() {
            return process.running();
        }

        /** Stops it (it gets the time to commit its work); returns whether it was running. */
        boolean stop() {
            return process.stop(Duration.ofSeconds(30));
        }
    }
}
