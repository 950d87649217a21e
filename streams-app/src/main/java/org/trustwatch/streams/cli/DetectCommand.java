package org.trustwatch.streams.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trustwatch.ingest.LogFormat;
import org.trustwatch.ingest.Problems;
import org.trustwatch.ingest.reference.ReferenceData;
import org.trustwatch.schema.Incident;
import org.trustwatch.streams.settings.Settings;
import org.trustwatch.streams.settings.SettingsException;

/**
 * {@code trustwatch detect --reference DIR [--settings FILE] FMT:FILE...}: the correlation topology run over log
 * files, without a cluster, to try rules on a sample before going live. Events from all the files are merged by event
 * time and driven through the very topology the app runs, so the incidents are the ones the live app would raise.
 * stdout: one JSON incident per line, then {@code incidents N}; stderr: rejected lines as {@code file:line: reason},
 * bad reference rows, and a summary of exempted and late signals.
 */
public final class DetectCommand {

    static final String USAGE = "usage: trustwatch detect --reference DIR [--settings FILE] FMT:FILE...\n"
            + "  FILE may be a glob (quote it); formats: " + LogFormat.names();

    private static final ObjectMapper JSON = new ObjectMapper();

    private DetectCommand() {}

    public static void main(String[] args) {
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        int status;
        try {
            status = run(List.of(args), out, System.err);
            out.flush();
        } catch (IOException e) {
            System.err.println("trustwatch detect: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    public static int run(List<String> args, Writer out, PrintStream err) throws IOException {
        Options options;
        Settings settings;
        try {
            options = Options.parse(args);
            settings = options.settings == null ? Settings.defaults() : Settings.load(options.settings);
        } catch (IllegalArgumentException e) {
            err.println("trustwatch detect: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (SettingsException e) {
            e.problems().forEach(err::println);
            err.println("trustwatch detect: fix the settings file and run again");
            return 2;
        }
        Problems problems = new Problems();
        ReferenceData reference = ReferenceData.read(options.reference, problems);
        problems.all().forEach(err::println);
        boolean[] failed = {false};
        List<OfflineRun.Event> events =
                OfflineRun.parse(options.inputs, OfflineRun.categories(options.reference), err, failed);
        OfflineRun.byEventTime(events);
        OfflineRun.Outcome outcome = OfflineRun.detect(reference, settings, events);
        outcome.exemptedBy()
                .forEach((id, n) -> err.println(
                        "exempted by " + id + ": " + n + " signal" + (n == 1 ? "" : "s") + " raised nothing"));
        if (outcome.late() > 0) {
            err.println("later than the grace: " + outcome.late() + " signals recorded, not correlated");
        }
        err.println("events " + events.size());
        for (Incident incident : outcome.incidents()) {
            out.write(JSON.writeValueAsString(json(incident)));
            out.write('\n');
        }
        out.write("incidents " + outcome.incidents().size() + "\n");
        return failed[0] ? 1 : 0;
    }

    /** The contract's fields first (reference-data.md), then what a person triaging needs. */
    public static Map<String, Object> json(Incident i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.getIncidentId());
        m.put("category", i.getCategory().name());
        m.put("severity", i.getSeverity());
        m.put("school", i.getSchoolId() == null ? "" : i.getSchoolId());
        m.put("subject", i.getSubject());
        m.put("first_seen", i.getFirstSeen().toString());
        m.put("last_seen", i.getLastSeen().toString());
        m.put("count", i.getEventCount());
        m.put("rule", i.getRuleId());
        m.put("description", i.getRuleDescription());
        m.put(
                "subject_role",
                i.getSubjectRole() == null ? null : i.getSubjectRole().name());
        m.put("escalated", i.getEscalated());
        m.put("breach", i.getBreach());
        m.put(
                "ico_deadline",
                i.getIcoDeadline() == null ? null : i.getIcoDeadline().toString());
        m.put("notify", i.getNotify().stream().map(Enum::name).toList());
        return m;
    }

    private record Options(Path reference, Path settings, List<OfflineRun.Input> inputs) {

        static Options parse(List<String> args) {
            Path reference = null;
            Path settings = null;
            List<OfflineRun.Input> inputs = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--reference" -> reference = Path.of(value(args, ++i, arg));
                    case "--settings" -> settings = Path.of(value(args, ++i, arg));
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        int colon = arg.indexOf(':');
                        if (colon <= 0) {
                            throw new IllegalArgumentException(
                                    arg + ": give inputs as FMT:FILE, e.g. squid:access.log");
                        }
                        inputs.add(new OfflineRun.Input(
                                LogFormat.named(arg.substring(0, colon)), arg.substring(colon + 1)));
                    }
                }
            }
            if (reference == null) {
                throw new IllegalArgumentException("--reference DIR is required");
            }
            if (!Files.isDirectory(reference)) {
                throw new IllegalArgumentException("--reference " + reference + ": not a directory");
            }
            if (inputs.isEmpty()) {
                throw new IllegalArgumentException("no FMT:FILE given");
            }
            return new Options(reference, settings, inputs);
        }

        private static String value(List<String> args, int i, String option) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.get(i);
        }
    }
}
