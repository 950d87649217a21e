package org.trustwatch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.trustwatch.ingest.LineReader;
import org.trustwatch.ingest.LogFormat;
import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.RawLine;

/**
 * {@code trustwatch bench-parse [--lines N] [--samples DIR]}: lines per second of each parser on one thread, on the
 * sample logs repeated to N lines. "parser" feeds lines already split; "read+parse" (Squid) starts from bytes.
 */
public final class ParseBenchmark {

    private ParseBenchmark() {}

    public static void main(String[] args) throws IOException {
        int lines = 1_000_000;
        Path samples = Path.of("samples");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--lines" -> lines = Integer.parseInt(args[++i]);
                case "--samples" -> samples = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        System.out.printf(
                "parse throughput, one thread, %,d lines per format (samples repeated), %s%n", lines, machine());
        System.out.printf("%-12s %14s %12s %10s%n", "format", "lines/s", "events", "rejected");
        for (LogFormat format : LogFormat.values()) {
            List<String> sample = sampleLines(samples.resolve(format.formatName()));
            if (sample.isEmpty()) {
                System.out.printf("%-12s %14s%n", format.formatName(), "(no samples)");
                continue;
            }
            List<RawLine> input = repeat(sample, lines);
            run(format, input); // warm-up: let the JIT compile the parser
            Result result = run(format, input);
            System.out.printf(
                    "%-12s %,14.0f %,12d %,10d%n",
                    format.formatName(), input.size() / result.seconds, result.events, result.rejected);
        }
        List<String> squid = sampleLines(samples.resolve("squid"));
        if (!squid.isEmpty()) {
            byte[] bytes = (String.join("\n", repeatText(squid, lines)) + "\n").getBytes(StandardCharsets.UTF_8);
            readAndParse(bytes);
            double seconds = readAndParse(bytes);
            System.out.printf("%-12s %,14.0f   (read+parse from bytes)%n", "squid", lines / seconds);
        }
    }

    private record Result(double seconds, long events, long rejected) {}

    private static Result run(LogFormat format, List<RawLine> input) {
        long[] counts = new long[2];
        ParseSink sink = new ParseSink() {
            @Override
            public void event(SpecificRecord event, RawLine completedBy) {
                counts[0]++;
            }

            @Override
            public void reject(RawLine line, String reason) {
                counts[1]++;
            }
        };
        LogParser parser = format.newParser(ParseContext.defaults());
        long start = System.nanoTime();
        for (RawLine line : input) {
            parser.parse(line, sink);
        }
        parser.flush(sink);
        return new Result((System.nanoTime() - start) / 1e9, counts[0], counts[1]);
    }

    private static double readAndParse(byte[] bytes) throws IOException {
        long[] events = new long[1];
        ParseSink sink = new ParseSink() {
            @Override
            public void event(SpecificRecord event, RawLine completedBy) {
                events[0]++;
            }

            @Override
            public void reject(RawLine line, String reason) {}
        };
        LogParser parser = LogFormat.SQUID.newParser(ParseContext.defaults());
        long start = System.nanoTime();
        LineReader reader = new LineReader(new java.io.ByteArrayInputStream(bytes), "bench");
        RawLine line;
        while ((line = reader.next(true)) != null) {
            parser.parse(line, sink);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static List<String> sampleLines(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    private static List<RawLine> repeat(List<String> sample, int count) {
        List<RawLine> lines = new ArrayList<>(count);
        long position = 0;
        for (int i = 0; i < count; i++) {
            String text = sample.get(i % sample.size());
            lines.add(new RawLine(text, "bench", i + 1, position));
            position += text.length() + 1;
        }
        return lines;
    }

    private static List<String> repeatText(List<String> sample, int count) {
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(sample.get(i % sample.size()));
        }
        return lines;
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java "
                + Runtime.version().feature();
    }
}
