package org.trustwatch.streams.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the app's internal records: fixed-width numbers, strings as a varint length and UTF-8. It replaces a
 * DataOutputStream over a ByteArrayOutputStream, whose synchronised write per byte and char-by-char writeUTF were a
 * tenth of the stream thread's time; strings of ASCII, nearly all of them here, are copied in one go.
 */
public final class BinaryWriter {

    private byte[] buf;
    private int pos;

    public BinaryWriter(int expectedSize) {
        this.buf = new byte[Math.max(16, expectedSize)];
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
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        writeSize(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, buf, pos, utf8.length);
        pos += utf8.length;
        return this;
    }

    /** A string or null: the length plus one, 0 for null. */
    public BinaryWriter writeNullable(String s) {
        if (s == null) {
            return writeSize(0);
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        writeSize(utf8.length + 1);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, buf, pos, utf8.length);
        pos += utf8.length;
        return this;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }
}
