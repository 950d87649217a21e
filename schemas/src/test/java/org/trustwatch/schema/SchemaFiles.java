package org.trustwatch.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;

/** Reads the schema files of this module: the current ones and every released version. */
final class SchemaFiles {

    static final String NAMESPACE = "org.trustwatch.schema";
    /** Paths are relative to the module directory, which is where surefire runs the tests. */
    static final Path CURRENT_DIR = Path.of("src", "main", "avro");

    static final Path RELEASED_DIR = Path.of("released");

    private SchemaFiles() {}

    static Map<String, Schema> current() {
        return parseDirectory(CURRENT_DIR);
    }

    /** Released version -> (schema name -> schema), each version parsed on its own. */
    static SortedMap<String, Map<String, Schema>> released() {
        SortedMap<String, Map<String, Schema>> versions = new TreeMap<>();
        for (Path versionDir : list(RELEASED_DIR)) {
            if (Files.isDirectory(versionDir)) {
                versions.put(versionDir.getFileName().toString(), parseDirectory(versionDir));
            }
        }
        return versions;
    }

    /** Every .avsc file below {@code dir}, at any depth. */
    static List<Path> avscFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.toString().endsWith(".avsc"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list schema files under " + dir.toAbsolutePath(), e);
        }
    }

    /**
     * Schema name -> schema of every file in {@code dir}. One parser reads them all, so a file may use a named
     * type of another file whatever the order; each file must hold the schema its name says.
     */
    static Map<String, Schema> parseDirectory(Path dir) {
        SchemaParser parser = new SchemaParser();
        Map<Path, SchemaParser.ParseResult> parsed = new LinkedHashMap<>();
        for (Path file : avscFiles(dir)) {
            try {
                parsed.put(file, parser.parse(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
            }
        }
        Map<String, Schema> schemas = new TreeMap<>();
        parsed.forEach((file, result) -> {
            Schema schema = parser.resolve(result);
            String fileName = file.getFileName().toString().replaceFirst("\\.avsc$", "");
            assertEquals(
                    NAMESPACE + "." + fileName,
                    schema.getFullName(),
                    file + " must define the schema named after the file, in namespace " + NAMESPACE);
            schemas.put(fileName, schema);
        });
        return schemas;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir.toAbsolutePath(), e);
        }
    }
}
