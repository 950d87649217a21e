package org.trustwatch.elastic.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trustwatch.elastic.client.ElasticClients;
import org.trustwatch.elastic.client.ElasticConnection;
import org.trustwatch.elastic.client.ElasticHandle;
import org.trustwatch.elastic.retention.RetentionJob;
import org.trustwatch.elastic.retention.RetentionPeriod;
import org.trustwatch.elastic.retention.RetentionReport;

/**
 * {@code trustwatch retention [--period 6M] [--dry-run] [--once | --every 1h] [--config FILE]}: deletes raw event
 * indices past the retention period, or hands them to ILM where the cluster has it. {@code --once} (the default) suits
 * cron or a systemd timer; {@code --every} keeps running and repeats, carrying on after a failed run.
 */
public final class RetentionCommand {

    static final String USAGE = "usage: trustwatch retention [--period 6M] [--dry-run] [--once | --every 1h]"
            + " [--config FILE]\n"
            + "  --period: 180d, 26w, 6M, 1y or ISO P6M (default: retention.period in --config, else 6M);"
            + " --every: 30m, 1h, 1d or ISO PT1H";

    static final String PERIOD_KEY = "retention.period";
    private static final Pattern EVERY = Pattern.compile("(\\d{1,6})([smhd])");

    private RetentionCommand() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err, System.getenv()));
    }

    public static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> environment) {
        Options options;
        ElasticConnection connection;
        RetentionPeriod period;
        try {
            options = Options.parse(args);
            Map<String, String> settings = CommandSettings.load(options.config);
            connection = CommandSettings.connection(settings, environment);
            period = RetentionPeriod.parse(
                    options.period != null
                            ? options.period
                            : settings.getOrDefault(PERIOD_KEY, RetentionPeriod.DEFAULT));
        } catch (RuntimeException e) {
            err.println("trustwatch retention: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try (ElasticHandle elastic = ElasticClients.open(connection)) {
            RetentionJob job = RetentionJob.on(elastic.client(), period, options.dryRun);
            while (true) {
                boolean succeeded = runOnce(job, connection, out, err);
                if (options.every == null) {
                    return succeeded ? 0 : 1;
                }
                out.println("next run at " + Instant.now().plus(options.every));
                out.flush();
                Thread.sleep(options.every.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (IOException e) {
            err.println("trustwatch retention: closing the connection: " + e.getMessage());
            return 1;
        }
    }

    private static boolean runOnce(RetentionJob job, ElasticConnection connection, PrintStream out, PrintStream err) {
        try {
            RetentionReport report = job.runOnce();
            report.lines().forEach(out::println);
            out.flush();
            return report.succeeded();
        } catch (IOException | RuntimeException e) {
            err.println("trustwatch retention: " + connection + ": " + e.getMessage());
            return false;
        }
    }

    /** @throws IllegalArgumentException saying which forms are accepted */
    static Duration every(String text) {
        Matcher m = EVERY.matcher(text);
        Duration every;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            every = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                every = Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "--every '" + text + "' is not a duration: give 30m, 1h, 1d or an ISO duration such as PT1H");
            }
        }
        if (every.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("--every '" + text + "' is too often: give one minute or more");
        }
        return every;
    }

    private record Options(String period, boolean dryRun, Duration every, Path config) {

        static Options parse(List<String> args) {
            String period = null;
            boolean dryRun = false;
            boolean once = false;
            Duration every = null;
            Path config = null;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--period" -> period = value(args, ++i, arg);
                    case "--dry-run" -> dryRun = true;
                    case "--once" -> once = true;
                    case "--every" -> every = RetentionCommand.every(value(args, ++i, arg));
                    case "--config" -> config = Path.of(value(args, ++i, arg));
                    default -> throw new IllegalArgumentException("unknown argument " + arg);
                }
            }
            if (once && every != null) {
                throw new IllegalArgumentException("--once and --every exclude each other: give one");
            }
            return new Options(period, dryRun, every, config);
        }

        private static String value(List<String> args, int i, String option) {
            if (i >= args.size() || args.get(i).startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.get(i);
        }
    }
}
