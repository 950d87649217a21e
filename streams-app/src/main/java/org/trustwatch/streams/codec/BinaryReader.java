package org.trustwatch.streams.codec;

import java.nio.charset.StandardCharsets;

/** Reads what {@link BinaryWriter} wrote; a record that ends early is refused as truncated, naming what it was. */
public final class BinaryReader {

    private final byte[] buf;
    private final String what;
    private int pos;

    public BinaryReader(byte[] buf, String what) {
        this.buf = buf;
        this.what = what;
    }

    private void need(int n) {
        if (n < 0 || pos + n > buf.length) {
            throw new IllegalArgumentException("truncated " + what + " (" + buf.length + " bytes)");
        }
    }

    public int readByte() {
        need(1);
        return buf[pos++];
    }

    public boolean readBoolean() {
        return readByte() != 0;
    }

    public int readInt() {
        need(4);
        int v = ((buf[pos] & 0xff) << 24)
                | ((buf[pos + 1] & 0xff) << 16)
                | ((buf[pos + 2] & 0xff) << 8)
                | (buf[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    public long readLong() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos++] & 0xff);
        }
        return v;
    }

    public int readSize() {
        int n = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = readByte();
            n |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return n;
            }
        }
        throw new IllegalArgumentException("bad length in " + what);
    }

    public String readString() {
        return text(readSize());
    }

    public String readNullable() {
        int n = readSize();
        return n == 0 ? null : text(n - 1);
    }

    private String text(int length) {
        need(length);
        String s = new String(buf, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return s;
    }
}
