package org.trustwatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into lines, keeping each line's byte position (the connectors' offset) and number.
 *
 * <p>Lines end at {@code \n}; a {@code \r} before it is dropped. Bytes that are not UTF-8 become U+FFFD, so a line
 * in another encoding still arrives and the parser decides. A line longer than the limit is not held in memory:
 * it arrives as an {@link #OVERSIZED} marker line to reject, and reading resumes after it.
 */
public final class LineReader {

    /** Text of the line that stands for a line over the limit; its reason is given by {@link #oversizedReason}. */
    public static final String OVERSIZED = "\u0000oversized";

    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    private final InputStream in;
    private final String file;
    private final int maxLineBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);

    private final byte[] buffer = new byte[64 * 1024];
    private int bufferStart;
    private int bufferEnd;
    private byte[] line = new byte[1024];
    private int lineLength;
    private long lineBytesSeen;
    private long position;
    private long lineNumber;
    private long lastOversizedBytes;
    private boolean eof;

    /**
     * @param position the byte position of the first byte {@code in} delivers
     * @param lineNumber the number of the line before that position (0 at the start of a file)
     */
    public LineReader(InputStream in, String file, long position, long lineNumber, int maxLineBytes) {
        this.in = in;
        this.file = file;
        this.position = position;
        this.lineNumber = lineNumber;
        this.maxLineBytes = maxLineBytes;
    }

    public LineReader(InputStream in, String file) {
        this(in, file, 0, 0, DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * The next complete line, or null when the input has no further complete line for now. With
     * {@code takeUnterminated}, a last line without {@code \n} at the end of the input is returned too (a file that is
     * read once); without it, that partial line stays unread (a file that is still being written).
     */
    public RawLine next(boolean takeUnterminated) throws IOException {
        long start = position;
        while (true) {
            if (bufferStart == bufferEnd && !fill()) {
                if (takeUnterminated && lineBytesSeen > 0) {
                    return finishLine(start, lineBytesSeen);
                }
                return null;
            }
            for (int i = bufferStart; i < bufferEnd; i++) {
                if (buffer[i] == '\n') {
                    append(bufferStart, i - bufferStart);
                    long consumed = lineBytesSeen + 1;
                    bufferStart = i + 1;
                    return finishLine(start, consumed);
                }
            }
            append(bufferStart, bufferEnd - bufferStart);
            bufferStart = bufferEnd;
        }
    }

    /** The byte position after the last line returned: where reading resumes. */
    public long position() {
        return position;
    }

    public long lineNumber() {
        return lineNumber;
    }

    public boolean atEof() {
        return eof;
    }

    /** Why the last {@link #OVERSIZED} line was not read. */
    public String oversizedReason() {
        return "line of " + lastOversizedBytes + " bytes is longer than the limit of " + maxLineBytes
                + " bytes: not read";
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read <= 0) {
            eof = read < 0;
            return false;
        }
        bufferStart = 0;
        bufferEnd = read;
        return true;
    }

    private void append(int from, int length) {
        lineBytesSeen += length;
        if (lineBytesSeen > maxLineBytes) {
            return; // counted, not kept
        }
        if (lineLength + length > line.length) {
            byte[] bigger = new byte[Math.min(maxLineBytes + 1, Math.max(line.length * 2, lineLength + length))];
            System.arraycopy(line, 0, bigger, 0, lineLength);
            line = bigger;
        }
        System.arraycopy(buffer, from, line, lineLength, length);
        lineLength += length;
    }

    private RawLine finishLine(long start, long consumed) throws CharacterCodingException {
        position = start + consumed;
        lineNumber++;
        String text;
        if (lineBytesSeen > maxLineBytes) {
            lastOversizedBytes = lineBytesSeen;
            text = OVERSIZED;
        } else {
            int length = lineLength;
            if (length > 0 && line[length - 1] == '\r') {
                length--;
            }
            text = decode(length);
        }
        lineLength = 0;
        lineBytesSeen = 0;
        return new RawLine(text, file, lineNumber, start);
    }

    private String decode(int length) throws CharacterCodingException {
        boolean ascii = true;
        for (int i = 0; i < length && ascii; i++) {
            ascii = line[i] >= 0;
        }
        if (ascii) {
            return new String(line, 0, length, StandardCharsets.ISO_8859_1);
        }
        CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(line, 0, length));
        return chars.toString();
    }
}
