package org.trustwatch.stack;

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
}
