package org.trustwatch.workload.logs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of one file for one day, collected in whatever order they are made (background and planted incidents
 * interleave) and written in time order. Lines of the same millisecond keep the order they were added in, so the
 * lines of one Postfix message or one trace message stay together. Lines are kept as UTF-8 bytes in one growing
 * buffer and sorted by one primitive key each: no string per line, no encoder when writing.
 */
final class TimedLines {

    /** Up to 2^24 lines a day per file; the time takes the upper bits, relative to {@link #base}. */
    private static final int SEQ_BITS = 24;

    private long base;
    private long[] keys = new long[1024];
    private int[] starts = new int[1024];
    private byte[] bytes = new byte[1 << 16];
    private int used;
    private int size;

    /** Starts a day: no line may be earlier than {@code base}. */
    void startDay(long baseMillis) {
        this.base = baseMillis;
        this.size = 0;
        this.used = 0;
    }

    void add(long millis, CharSequence line) {
        long offset = millis - base;
        if (offset < 0 || size >= (1 << SEQ_BITS) - 1) {
            throw new IllegalStateException("line out of the day being written: " + line);
        }
        if (size + 1 >= keys.length) {
            keys = Arrays.copyOf(keys, keys.length * 2);
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        int n = line.length();
        if (used + 3 * n + 1 > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + 3 * n + 1));
        }
        keys[size] = (offset << SEQ_BITS) | size;
        starts[size] = used;
        // ASCII lines (nearly all) are copied by the JDK's vectorised paths: String's own bytes, then one arraycopy
        byte[] utf8 = line.toString().getBytes(StandardCharsets.UTF_8);
        int p = used;
        System.arraycopy(utf8, 0, bytes, p, utf8.length);
        p += utf8.length;
        bytes[p++] = '\n';
        used = p;
        size++;
        starts[size] = used;
    }

    /** Writes the day's lines in time order and forgets them; returns how many there were. */
    int writeSorted(OutputStream out) throws IOException {
        long[] sorted = Arrays.copyOf(keys, size);
        Arrays.sort(sorted);
        int mask = (1 << SEQ_BITS) - 1;
        byte[] chunk = new byte[1 << 20];
        int fill = 0;
        for (long key : sorted) {
            int i = (int) (key & mask);
            int from = starts[i];
            int len = starts[i + 1] - from;
            if (fill + len > chunk.length) {
                out.write(chunk, 0, fill);
                fill = 0;
            }
            if (len > chunk.length) {
                out.write(bytes, from, len);
            } else {
                System.arraycopy(bytes, from, chunk, fill, len);
                fill += len;
            }
        }
        out.write(chunk, 0, fill);
        int written = size;
        size = 0;
        used = 0;
        return written;
    }
}
