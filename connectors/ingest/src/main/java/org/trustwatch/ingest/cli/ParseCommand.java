package org.trustwatch.ingest.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.trustwatch.ingest.LogFiles;
import org.trustwatch.ingest.LogFormat;
import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.ingest.category.WebCategories;
import org.trustwatch.schema.ecs.EcsDocument;

/**
 * {@code trustwatch parse --format FMT FILE...}: the connectors' parsers without Kafka, for a person checking a log
 * before connecting it. stdout gets one ECS JSON event per line and, last, {@code parsed N, rejected M}; stderr gets
 * {@code file:line: reason} for every rejected line.
 */
public final class ParseCommand {

    static final String USAGE =
            "usage: trustwatch parse --format FMT [--school ID] [--zone ZONE] [--categories FILE|DIR]"
                    + " [--keep-original] FILE... (- is standard input)\n  formats: " + LogFormat.names();

    private ParseCommand() {}

    public static void main(String[] args) {
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        PrintStream err = System.err;
        int status = run(List.of(args), out, err);
        try {
            out.flush();
        } catch (IOException e) {
            status = 1;
        }
        System.exit(status);
    }

    static int run(List<String> args, Writer out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("trustwatch parse: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Counting sink = new Counting(out, err);
        LogParser parser = options.format.newParser(options.context);
        int status = 0;
        for (Path file : options.files) {
            try {
                LogFiles.feed(file, parser, sink);
            } catch (NoSuchFileException e) {
                err.println(file + ": no such file");
                status = 1;
            } catch (IOException e) {
                err.println(file + ": cannot read: " + e.getMessage());
                status = 1;
            }
        }
        parser.flush(sink);
        sink.summary();
        return status;
    }

    /** Writes events and rejections as they come, and counts them. */
    private static final class Counting implements ParseSink {
        private final Writer out;
        private final PrintStream err;
        private long parsed;
        private long rejected;

        Counting(Writer out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public void event(SpecificRecord event, RawLine completedBy) {
            parsed++;
            write(EcsDocument.toJson((org.apache.avro.generic.IndexedRecord) event));
        }

        @Override
        public void reject(RawLine line, String reason) {
            rejected++;
            err.println(line.file() + ":" + line.lineNumber() + ": " + reason);
        }

        void summary() {
            write("parsed " + parsed + ", rejected " + rejected);
        }

        private void write(String line) {
            try {
                out.write(line);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private record Options(LogFormat format, ParseContext context, List<Path> files) {

        static Options parse(List<String> args) {
            LogFormat format = null;
            String school = null;
            ZoneId zone = ParseContext.DEFAULT_ZONE;
            WebCategories categories = WebCategories.none();
            boolean keepOriginal = false;
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--format" -> format = LogFormat.named(value(args, ++i, arg));
                    case "--school" -> school = value(args, ++i, arg);
                    case "--zone" -> zone = zone(value(args, ++i, arg));
                    case "--categories" -> categories = CategoryOption.load(Path.of(value(args, ++i, arg)));
                    case "--keep-original" -> keepOriginal = true;
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        files.add(Path.of(arg));
                    }
                }
            }
            if (format == null) {
                throw new IllegalArgumentException("--format is required");
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no FILE given");
            }
            for (Path file : files) {
                if (Files.isDirectory(file)) {
                    throw new IllegalArgumentException(file + " is a directory: give the log files in it");
                }
            }
            return new Options(
                    format, new ParseContext(school, zone, categories, keepOriginal, Clock.systemUTC()), files);
        }

        private static String value(List<String> args, int i, String option) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.get(i);
        }

        private static ZoneId zone(String name) {
            try {
                return ZoneId.of(name);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("--zone " + name + " is not a time zone; use e.g. Europe/London");
            }
        }
    }
}
