package org.trustwatch.connect.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A hash of a file's first bytes. Rotation renames or copies a file, so its path no longer identifies it; its first
 * bytes do, even across restarts when the inode is not known.
 */
record Fingerprint(long length, String hash) {

    static final int MAX_LENGTH = 1024;

    static Fingerprint of(FileChannel channel, long upTo) throws IOException {
        int length = (int) Math.min(MAX_LENGTH, upTo);
        ByteBuffer head = ByteBuffer.allocate(length);
        long at = 0;
        while (head.hasRemaining()) {
            int read = channel.read(head, at);
            if (read < 0) {
                break;
            }
            at += read;
        }
        head.flip();
        return new Fingerprint(head.remaining(), sha256(head));
    }

    /** Whether the file at {@code path} starts with the bytes this fingerprint was taken of. */
    boolean matches(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return channel.size() >= length && equals(of(channel, length));
        } catch (IOException e) {
            return false;
        }
    }

    private static String sha256(ByteBuffer bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes);
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
