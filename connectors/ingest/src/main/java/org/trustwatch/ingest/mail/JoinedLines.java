package org.trustwatch.ingest.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The lines an event is made of, kept as a running SHA-256 (the event hash: the same value as
 * {@code LineDigest.sha256Hex} of the lines joined by newlines) and, only when the original is kept, as text
 * (capped at 1 MiB per event), so open messages do not hold their lines in memory.
 */
final class JoinedLines {

    static final int ORIGINAL_MAX = 1 << 20;

    private final MessageDigest digest;
    private StringBuilder original;
    private int count;

    JoinedLines() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    void add(String raw, boolean keepOriginal) {
        if (count > 0) {
            digest.update((byte) '\n');
        }
        digest.update(raw.getBytes(StandardCharsets.UTF_8));
        if (keepOriginal) {
            if (original == null) {
                original = new StringBuilder(raw.length() + 16);
            }
            if (original.length() < ORIGINAL_MAX) {
                if (count > 0) {
                    original.append('\n');
                }
                original.append(raw, 0, Math.min(raw.length(), ORIGINAL_MAX - original.length()));
            }
        }
        count++;
    }

    /** The original text when kept, else the empty string. */
    String original() {
        return original == null ? "" : original.toString();
    }

    /** Hex SHA-256 of the lines; call once. */
    String hash() {
        byte[] d = digest.digest();
        char[] hex = new char[d.length * 2];
        for (int i = 0; i < d.length; i++) {
            hex[2 * i] = Character.forDigit((d[i] >> 4) & 0xF, 16);
            hex[2 * i + 1] = Character.forDigit(d[i] & 0xF, 16);
        }
        return new String(hex);
    }
}
