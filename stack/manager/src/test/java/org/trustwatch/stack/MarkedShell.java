package org.trustwatch.stack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A long-running stand-in for a server, whose command line carries the stack's marker. */
final class MarkedShell {

    private MarkedShell() {}

    /**
     * {@code sh -c} takes the marker as $0, so it shows in the command line like a JVM option would. The shell must
     * stay the process: dash and bash exec a lone last command, and "sleep 60" would then replace the shell, marker
     * and all, between one look at the command line and the next.
     */
    static List<String> command(String marker) {
        return List.of("sh", "-c", "trap 'kill $! 2>/dev/null; exit 0' TERM; sleep 60 & wait", marker);
    }

    /**
     * Waits until the process runs the shell itself. Before that it is setsid, whose command line also carries the
     * marker; while one program execs the next, /proc shows an empty command line, and a look at that moment would
     * not recognise the process.
     */
    static void awaitShell(long pid) throws InterruptedException {
        Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).startsWith("sh\0")) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not there yet, or gone: look again until the deadline
            }
            Thread.sleep(10);
        }
        throw new AssertionError("process " + pid + " did not exec the shell within 10 s");
    }
}
