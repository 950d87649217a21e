package org.trustwatch.workload.logs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** One log file being written: a day of time-sorted lines at a time, and how many lines and events it holds. */
final class LogFile implements AutoCloseable {

    private final Path path;
    private final OutputStream out;
    private final TimedLines day = new TimedLines();
    private long lines;
    private long events;

    LogFile(Path path) {
        this.path = path;
        try {
            Files.createDirectories(path.getParent());
            this.out = Files.newOutputStream(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** A line before all others (a W3C directive, a CSV header): not an event. */
    void header(String line) {
        try {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    void startDay(long baseMillis) {
        day.startDay(baseMillis);
    }

    void add(long millis, CharSequence line) {
        day.add(millis, line);
    }

    /** One more event (a Postfix message is several lines, a trace message one line per recipient). */
    void countEvent() {
        events++;
    }

    void endDay() {
        try {
            lines += day.writeSorted(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    long lines() {
        return lines;
    }

    long events() {
        return events;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
