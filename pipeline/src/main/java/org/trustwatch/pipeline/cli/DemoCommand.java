package org.trustwatch.pipeline.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.pipeline.Pipeline;
import org.trustwatch.pipeline.PipelineException;
import org.trustwatch.pipeline.summary.Summary;
import org.trustwatch.pipeline.workload.Workload;
import org.trustwatch.stack.LocalStack;
import org.trustwatch.stack.StackException;
import org.trustwatch.stack.StackSettings;

/**
 * {@code trustwatch demo [--workload DIR] [--timeout SECONDS] | --down}: the pipeline end to end on the sample trust's
 * day (or another workload), on the local stack, started if it is not running; {@code --down} stops everything.
 */
public final class DemoCommand {

    static final String USAGE =
            "usage: trustwatch demo [--workload DIR] [--timeout SECONDS]\n" + "       trustwatch demo --down";

    /** Held so the level set on it is not lost to garbage collection. */
    private static final java.util.logging.Logger APICURIO_CLIENT =
            java.util.logging.Logger.getLogger("io.apicurio.registry.client.common");

    private DemoCommand() {}

    public static void main(String[] args) {
        // its notice about a shared Vert.x instance says nothing a person running the demo can act on
        APICURIO_CLIENT.setLevel(java.util.logging.Level.SEVERE);
        Path home = Path.of(System.getProperty("trustwatch.home", "."))
                .toAbsolutePath()
                .normalize();
        Path workload = home.resolve("samples");
        Duration timeout = Pipeline.Options.defaults().timeout();
        boolean down = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--down" -> down = true;
                case "--workload" -> workload = Path.of(value(args, ++i));
                case "--timeout" -> timeout = Duration.ofSeconds(seconds(value(args, ++i)));
                default -> usage("unknown option '" + args[i] + "'");
            }
        }
        try {
            StackSettings settings = StackSettings.of(home, System.getenv());
            LocalStack stack = new LocalStack(settings, System.out);
            System.exit(down ? down(stack) : up(stack, workload, timeout));
        } catch (PipelineException | StackException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    private static int up(LocalStack stack, Path dir, Duration timeout) {
        long started = System.nanoTime();
        PrintStream out = System.out;
        Workload workload = Workload.read(dir);
        out.printf(
                "trustwatch demo: %d logs of %s on the local stack%n",
                workload.rows().size(), workload.dir());
        stack.up(false);
        Pipeline.Options options = Pipeline.Options.defaults()
                .withTimeout(timeout)
                .withPseudonymKey(stack.settings()
                        .home()
                        .resolve(".trustwatch")
                        .resolve("streams")
                        .resolve("pseudonym.key"));
        Summary summary;
        String appLog;
        LocalDate firstDay;
        try (Pipeline pipeline = new Pipeline(stack.settings(), options, out)) {
            summary = pipeline.run(workload);
            appLog = pipeline.correlation().logFile().toString();
            firstDay = firstDay(summary);
        }
        out.println();
        summary.print(out);
        out.println();
        out.println("Where to look next:");
        StackSettings s = stack.settings();
        out.printf(
                "  curl '%s/trustwatch-incidents/_search?pretty&size=3'   incidents in Elasticsearch%n",
                s.elasticsearchUrl());
        out.printf(
                "  ./trustwatch incidents%s   the DPO's incident history%n",
                firstDay == null ? "" : " --since " + firstDay);
        out.println("  ./trustwatch stack logs connect   the agents' and the sink's worker");
        out.printf("  tail -f %s   the correlation app%n", appLog);
        out.println("  ./trustwatch demo --down   stop the app and the stack");
        out.printf("demo done in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }

    /** Stops the correlation app and the servers, then checks that no process of this stack is left. */
    private static int down(LocalStack stack) {
        stack.down();
        List<String> left = processesOf(stack.settings().dataDir());
        if (!left.isEmpty()) {
            System.err.println("Still running after 'down' (stop them by pid):\n  " + String.join("\n  ", left));
            return 1;
        }
        System.out.println("nothing of the stack in " + stack.settings().dataDir() + " runs any more");
        return 0;
    }

    /** Processes whose command line carries this stack's marker (a server's or an app's directory). */
    static List<String> processesOf(Path dataDir) {
        String marker = "-Dtrustwatch.stack=" + dataDir + "/";
        List<String> found = new ArrayList<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path pid : proc) {
                try {
                    String cmdline = new String(Files.readAllBytes(pid.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    if (cmdline.contains(marker)) {
                        found.add("pid " + pid.getFileName() + ": "
                                + cmdline.substring(0, Math.min(160, cmdline.length())));
                    }
                } catch (IOException e) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            // no /proc: nothing to check on this system
        }
        return found;
    }

    /** The day of the oldest incident, for the history command's --since. */
    private static LocalDate firstDay(Summary summary) {
        return summary.firstSeen()
                .map(Instant::ofEpochMilli)
                .map(at -> at.atZone(ParseContext.DEFAULT_ZONE).toLocalDate())
                .orElse(null);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static long seconds(String text) {
        try {
            long seconds = Long.parseLong(text);
            if (seconds > 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        usage("--timeout takes a number of seconds, not '" + text + "'");
        return 0;
    }

    private static void usage(String problem) {
        System.err.println("trustwatch demo: " + problem);
        System.err.println(USAGE);
        System.exit(2);
    }
}
