package org.trustwatch.ingest;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Feeds whole log files to a parser: the offline commands and benchmarks read files once, start to end. */
public final class LogFiles {

    private LogFiles() {}

    /**
     * Reads every line of the file ({@code -} is standard input; a {@code .gz} file is decompressed) into the parser; over-long lines are rejected.
     * Does not flush the parser: a message may continue in the next file given.
     */
    public static void feed(Path file, LogParser parser, ParseSink sink) throws IOException {
        try (InputStream in = open(file)) {
            LineReader reader = new LineReader(in, file.toString());
            RawLine line;
            while ((line = reader.next(true)) != null) {
                if (isOversized(line)) {
                    sink.reject(line, reader.oversizedReason());
                } else {
                    parser.parse(line, sink);
                }
            }
        }
    }

    /** Whether the reader stood this line in for one over its length limit. */
    public static boolean isOversized(RawLine line) {
        return line.text() == LineReader.OVERSIZED;
    }

    /** A file, or standard input for {@code -}; pipes and devices work too (no seeking). */
    private static InputStream open(Path file) throws IOException {
        if (file.toString().equals("-")) {
            return new BufferedInputStream(
                    new FilterInputStream(System.in) {
                        @Override
                        public void close() {
                            // standard input stays open for whoever reads it next
                        }
                    },
                    1 << 16);
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        InputStream in = new BufferedInputStream(new FileInputStream(file.toFile()), 1 << 16);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
