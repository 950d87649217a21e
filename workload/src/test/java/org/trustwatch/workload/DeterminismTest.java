package org.trustwatch.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same options and seed give byte-identical output, another seed another trust. */
class DeterminismTest {

    private static final List<String> SMALL =
            List.of("--schools", "2", "--days", "2", "--pupils", "60", "--requests", "4");

    @Test
    void sameSeedSameBytes(@TempDir Path tmp) throws IOException {
        Path a = GeneratedTrust.generate(tmp.resolve("a"), with(SMALL, "--seed", "7"));
        Path b = GeneratedTrust.generate(tmp.resolve("b"), with(SMALL, "--seed", "7"));
        List<Path> files = files(a);
        assertEquals(files, files(b), "the same files");
        assertFalse(files.isEmpty());
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f + " differs");
        }
    }

    @Test
    void anotherSeedAnotherTrust(@TempDir Path tmp) throws IOException {
        Path a = GeneratedTrust.generate(tmp.resolve("a"), with(SMALL, "--seed", "7"));
        Path b = GeneratedTrust.generate(tmp.resolve("b"), with(SMALL, "--seed", "8"));
        for (String f : List.of(
                "reference/directory.csv",
                "logs/S01/squid/access.log",
                "logs/S02/winlogbeat/security.ndjson",
                "answers.csv")) {
            assertFalse(Files.mismatch(a.resolve(f), b.resolve(f)) < 0, f + " is the same for seeds 7 and 8");
        }
    }

    @Test
    void aSecondRunIntoTheSameDirectoryReplacesTheFirst(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        GeneratedTrust.generate(out, List.of("--schools", "3", "--pupils", "300", "--requests", "4"));
        GeneratedTrust.generate(out, List.of("--schools", "2", "--pupils", "400", "--requests", "4"));
        assertFalse(Files.exists(out.resolve("logs/S03")), "no log of a school the second run does not have");
    }

    private static List<String> with(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return all;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(dir::relativize)
                    .sorted()
                    .toList();
        }
    }
}
