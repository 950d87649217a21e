package org.trustwatch.streams.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code FILE} arguments that may be globs ({@code logs/*.log}): the glob is matched in its directory. */
final class InputFiles {

    private InputFiles() {}

    static List<Path> expand(String pattern) throws IOException {
        if (!pattern.contains("*") && !pattern.contains("?") && !pattern.contains("[") && !pattern.contains("{")) {
            return List.of(Path.of(pattern));
        }
        Path path = Path.of(pattern);
        Path dir = path.getParent() == null ? Path.of(".") : path.getParent();
        String glob = path.getFileName().toString();
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> matches = Files.newDirectoryStream(dir, glob)) {
            matches.forEach(p -> {
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            });
        }
        files.sort(null);
        return files;
    }
}
