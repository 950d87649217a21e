package org.trustwatch.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The small trust the tests share: three schools (two formats of proxy and of mail) over two school days, small
 * enough for the offline correlation to read in seconds. Generated once per test run, in target/.
 */
final class GeneratedTrust {

    static final List<String> OPTIONS =
            List.of("--schools", "3", "--days", "2", "--pupils", "60", "--requests", "8", "--seed", "42");

    private static Path dir;

    private GeneratedTrust() {}

    static synchronized Path dir() throws IOException {
        if (dir == null) {
            dir = generate(Path.of("target", "test-trust"), OPTIONS);
        }
        return dir;
    }

    /** Runs the command as a user would; fails the test with its stderr when it does not succeed. */
    static Path generate(Path out, List<String> options) throws IOException {
        List<String> args = new ArrayList<>(options);
        args.add("--out");
        args.add(out.toString());
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = GenerateCommand.run(
                args,
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertEquals(0, status, stderr.toString(StandardCharsets.UTF_8));
        return out;
    }

    /** manifest.csv's rows: format, school_id, path. */
    static List<String[]> manifest(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("manifest.csv"), StandardCharsets.UTF_8);
        assertEquals("format,school_id,path", lines.get(0));
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }
}
