package org.trustwatch.elastic.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.trustwatch.elastic.audit.AuditLog;
import org.trustwatch.elastic.client.ElasticClients;
import org.trustwatch.elastic.client.ElasticConnection;
import org.trustwatch.elastic.client.ElasticHandle;
import org.trustwatch.elastic.history.HistoryQuery;
import org.trustwatch.elastic.history.HistoryTotals;
import org.trustwatch.elastic.history.IncidentHistory;
import org.trustwatch.elastic.history.IncidentRow;
import org.trustwatch.elastic.history.OutputFormat;
import org.trustwatch.elastic.index.IndexLayer;
import org.trustwatch.schema.privacy.Pseudonyms;

/**
 * {@code trustwatch incidents [filters] [--format table|csv|json] [--names]}: the DPO's search of the incident
 * history in Elasticsearch, every matching incident by first seen, with totals per category and school. Pupils are
 * shown by their pseudonym (the alerts' one) unless {@code --names} is given; every run is written to the audit log
 * first, and shows nothing when it cannot be.
 */
public final class IncidentsCommand {

    static final String USAGE = "usage: trustwatch incidents [--school S] [--category C] [--subject USER]"
            + " [--since DATE] [--until DATE]\n"
            + "         [--status ST] [--breach] [--format table|csv|json] [--names] [--zone ZONE] [--config FILE]\n"
            + "  DATE: YYYY-MM-DD (a day in ZONE, default Europe/London; --until includes the whole day)"
            + " or an ISO instant";

    static final String PSEUDONYM_KEY_FILE = "pseudonym.key.file";
    /** Where {@code ./trustwatch correlate} keeps the key by default, so exports and alerts name pupils alike. */
    static final String DEFAULT_KEY_FILE = ".trustwatch/streams/pseudonym.key";

    static final String WITHHELD = "pupil-withheld";

    private IncidentsCommand() {}

    public static void main(String[] args) {
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        int status;
        try {
            status = run(List.of(args), out, System.err, System.getenv());
            out.flush();
        } catch (IOException e) {
            System.err.println("trustwatch incidents: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    public static int run(List<String> args, Writer out, PrintStream err, Map<String, String> environment)
            throws IOException {
        Options options;
        ElasticConnection connection;
        UnaryOperator<IncidentRow> shown;
        try {
            options = Options.parse(args);
            Map<String, String> settings = CommandSettings.load(options.config);
            connection = CommandSettings.connection(settings, environment);
            shown = options.names ? UnaryOperator.identity() : pupilsPseudonymised(settings, err);
        } catch (RuntimeException e) {
            err.println("trustwatch incidents: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try (ElasticHandle elastic = ElasticClients.open(connection)) {
            IndexLayer.install(elastic.client()); // the audit index must be there before anything is read
            AuditLog audit = AuditLog.ofThisProcess(elastic.client());
            AuditLog.Entry entry = audit.started(new AuditLog.Access(
                    "incident-history-search",
                    "trustwatch incidents",
                    options.query.describe(),
                    options.query.filters(),
                    options.format.toString(),
                    options.names ? "shown" : "pseudonymised"));
            long[] rows = {0};
            try {
                OutputFormat.RowWriter writer = options.format.writer(out, options.zone);
                HistoryTotals totals = new IncidentHistory(elastic.client()).search(options.query, row -> {
                    writer.row(shown.apply(row));
                    rows[0]++;
                });
                writer.finish(totals);
                if (options.format.rowsOnly()) {
                    err.println(totals.total() + (totals.total() == 1 ? " incident" : " incidents") + "; by category: "
                            + join(totals.byCategory()) + "; by school: " + join(totals.bySchool()));
                }
            } catch (IOException | RuntimeException e) {
                audit.finished(entry, rows[0], e.getClass().getSimpleName() + ": " + e.getMessage());
                throw e;
            }
            audit.finished(entry, rows[0], null);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("trustwatch incidents: " + connection + ": " + e.getMessage());
            return 1;
        }
    }

    /**
     * Pupils by the correlation app's pseudonyms, so an export and an alert name a pupil alike. Without the key no
     * pseudonym could match, so pupils are withheld rather than shown.
     */
    private static UnaryOperator<IncidentRow> pupilsPseudonymised(Map<String, String> settings, PrintStream err) {
        Path file = Path.of(settings.getOrDefault(PSEUDONYM_KEY_FILE, DEFAULT_KEY_FILE));
        if (!Files.isReadable(file)) {
            err.println("trustwatch incidents: no pseudonym key at " + file + ": pupils are shown as " + WITHHELD
                    + " (set " + PSEUDONYM_KEY_FILE + " in --config to the correlation app's key, or give --names)");
            return row -> row.pupil() ? row.withSubject(WITHHELD) : row;
        }
        Pseudonyms pseudonyms;
        try {
            pseudonyms = new Pseudonyms(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException(PSEUDONYM_KEY_FILE + " " + file + " cannot be read: " + e.getMessage());
        }
        return row -> row.pupil() ? row.withSubject(pseudonyms.of(row.subject())) : row;
    }

    private static String join(Map<String, Long> counts) {
        return counts.isEmpty()
                ? "-"
                : String.join(
                        ", ",
                        counts.entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .toList());
    }

    private record Options(HistoryQuery query, OutputFormat format, boolean names, ZoneId zone, Path config) {

        static Options parse(List<String> args) {
            String school = null;
            String category = null;
            String subject = null;
            String since = null;
            String until = null;
            String status = null;
            boolean breach = false;
            boolean names = false;
            OutputFormat format = OutputFormat.TABLE;
            String zone = "Europe/London";
            Path config = null;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--school" -> school = value(args, ++i, arg);
                    case "--category" -> category = value(args, ++i, arg);
                    case "--subject" -> subject = value(args, ++i, arg);
                    case "--since" -> since = value(args, ++i, arg);
                    case "--until" -> until = value(args, ++i, arg);
                    case "--status" -> status = value(args, ++i, arg);
                    case "--breach" -> breach = true;
                    case "--names" -> names = true;
                    case "--format" -> format = OutputFormat.parse(value(args, ++i, arg));
                    case "--zone" -> zone = value(args, ++i, arg);
                    case "--config" -> config = Path.of(value(args, ++i, arg));
                    default -> throw new IllegalArgumentException("unknown argument " + arg);
                }
            }
            ZoneId zoneId;
            try {
                zoneId = ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(
                        "--zone '" + zone + "' is not a time zone: use a region such as Europe/London");
            }
            HistoryQuery query = HistoryQuery.of(school, category, subject, since, until, status, breach, zoneId);
            return new Options(query, format, names, zoneId, config);
        }

        private static String value(List<String> args, int i, String option) {
            if (i >= args.size() || args.get(i).startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.get(i);
        }
    }
}
