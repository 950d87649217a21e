package org.trustwatch.streams.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the app's internal records: fixed-width numbers, strings as a varint length and UTF-8. It replaces a
 * DataOutputStream over a ByteArrayOutputStream, whose synchronised write per byte and char-by-char writeUTF were a
 * tenth of the stream thread's time; strings of ASCII, nearly all of them here, are copied in one go.
 */
public final class BinaryWriter {

    /** Beyond this a reused buffer is let go after the record that needed it, not kept for the thread's life. */
    private static final int KEPT_CAPACITY = 64 * 1024;

    private static final ThreadLocal<BinaryWriter> SCRATCH = ThreadLocal.withInitial(() -> new BinaryWriter(1024));

    private byte[] buf;
    private int pos;

    public BinaryWriter(int expectedSize) {
        this.buf = new byte[Math.max(16, expectedSize)];
    }

    /**
     * This thread's writer, emptied, for one record: its buffer is reused from record to record, so that writing a
     * record allocates only the {@link #toByteArray} copy (a fresh writer per signal allocated its 256 bytes, grew to
     * 512 for most signals, then copied: three arrays for every record on the repartition and in the stores). Finish
     * the record with {@link #toByteArray} before the thread writes another.
     */
    public static BinaryWriter reused() {
        BinaryWriter w = SCRATCH.get();
        if (w.buf.length > KEPT_CAPACITY) {
            w.buf = new byte[1024];
        }
        w.pos = 0;
        return w;
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
        }
    }

    public BinaryWriter writeByte(int b) {
        ensure(1);
        buf[pos++] = (byte) b;
        return this;
    }

    public BinaryWriter writeBoolean(boolean b) {
        return writeByte(b ? 1 : 0);
    }

    public BinaryWriter writeInt(int v) {
        ensure(4);
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    public BinaryWriter writeLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[pos++] = (byte) (v >>> shift);
        }
        return this;
    }

    /** A non-negative count or length in 1 to 5 bytes. */
    public BinaryWriter writeSize(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative size " + n);
        }
        ensure(5);
        while (n >= 0x80) {
            buf[pos++] = (byte) (n | 0x80);
            n >>>= 7;
        }
        buf[pos++] = (byte) n;
        return this;
    }

    /** A string that is never null. */
    public BinaryWriter writeString(String s) {
        return writeText(s, 0);
    }

    /** A string or null: the length plus one, 0 for null. */
    public BinaryWriter writeNullable(String s) {
        return s == null ? writeSize(0) : writeText(s, 1);
    }

    /**
     * The UTF-8 length plus {@code lengthOffset}, then the bytes. ASCII, nearly every string here, is copied char by
     * char straight into the buffer (its length is then the string's); only a string with other characters is encoded
     * into an array of its own first.
     */
    private BinaryWriter writeText(String s, int lengthOffset) {
        int n = s.length();
        int start = pos;
        writeSize(n + lengthOffset);
        int lengthBytes = pos - start;
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                pos = start;
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                writeSize(utf8.length + lengthOffset);
                ensure(utf8.length);
                System.arraycopy(utf8, 0, buf, pos, utf8.length);
                pos += utf8.length;
                return this;
            }
            buf[start + lengthBytes + i] = (byte) c;
        }
        pos += n;
        return this;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }
}
