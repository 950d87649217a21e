package org.trustwatch.connect.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The rotated copies of a live log file (name.1, name-20261123, name.2026-11-23), as logrotate and others name them. */
final class RotatedCopies {

    private static final Pattern ROTATION_SUFFIX = Pattern.compile("[.-](\\d+|\\d{4}-?\\d{2}-?\\d{2}(-\\d+)?)$");
    private static final Pattern COMPRESSED = Pattern.compile("\\.(gz|bz2|xz|zst|zip)$");

    private RotatedCopies() {}

    /** Whether a file name looks like a rotated or compressed copy rather than a live log. */
    static boolean isRotatedCopy(Path file) {
        String name = file.getFileName().toString();
        return COMPRESSED.matcher(name).find() || ROTATION_SUFFIX.matcher(name).find();
    }

    /** The uncompressed rotated copy of {@code live} that starts with the fingerprinted bytes, newest first. */
    static Optional<Path> find(Path live, Fingerprint fingerprint) {
        Path dir = live.toAbsolutePath().getParent();
        String prefix = live.getFileName().toString();
        try (Stream<Path> siblings = Files.list(dir)) {
            List<Path> candidates = siblings.filter(p -> !p.equals(live))
                    .filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> !COMPRESSED.matcher(p.getFileName().toString()).find())
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(RotatedCopies::modified).reversed())
                    .toList();
            return candidates.stream().filter(fingerprint::matches).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
