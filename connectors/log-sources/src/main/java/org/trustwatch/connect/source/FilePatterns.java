package org.trustwatch.connect.source;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
            try {
                Files.walkFileTree(base, Set.of(), 8, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (matcher.matches(file) && !RotatedCopies.isRotatedCopy(file) && Files.isRegularFile(file)) {
                            files.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE; // a directory the worker may not read: the others still count
                    }
                });
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
