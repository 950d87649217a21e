package org.trustwatch.connect.source;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The live log files matching the configured paths and glob patterns (rotated copies excluded). */
final class FilePatterns {

    private final List<String> patterns;

    FilePatterns(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    List<Path> matchingFiles() {
        TreeSet<Path> files = new TreeSet<>();
        for (String pattern : patterns) {
            Path base = baseDirectory(pattern);
            if (base.toString().equals(pattern)) {
                if (Files.isRegularFile(base)) {
                    files.add(base);
                }
                continue;
            }
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            try (Stream<Path> walk = Files.walk(base, 8)) {
                walk.filter(Files::isRegularFile)
                        .filter(matcher::matches)
                        .filter(path -> !RotatedCopies.isRotatedCopy(path))
                        .forEach(files::add);
            } catch (IOException e) {
                // the directory may appear later; discovery runs again
            }
        }
        return new ArrayList<>(files);
    }

    /** The longest leading part of the pattern without glob characters. */
    static Path baseDirectory(String pattern) {
        Path path = Path.of(pattern);
        Path base = path.getRoot();
        for (Path part : path) {
            if (part.toString().matches(".*[*?\\[{].*")) {
                return base == null ? Path.of(".") : base;
            }
            base = base == null ? part : base.resolve(part);
        }
        return path;
    }
}
