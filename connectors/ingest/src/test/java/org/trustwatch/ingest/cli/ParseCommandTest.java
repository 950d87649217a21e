package org.trustwatch.ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.trustwatch.ingest.LogFormat;

/** {@code trustwatch parse} as a person runs it: its stdout, stderr and exit status. */
class ParseCommandTest {

    private static final Path SAMPLES =
            Path.of(System.getProperty("trustwatch.home", "../..")).resolve("samples");

    private final StringWriter out = new StringWriter();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TestFactory
    Stream<DynamicTest> everySampleFileParsesWithoutARejectedLine() {
        return Arrays.stream(LogFormat.values())
                .map(format -> DynamicTest.dynamicTest(format.formatName(), () -> {
                    List<String> args = new ArrayList<>(List.of(
                            "--format",
                            format.formatName(),
                            "--categories",
                            SAMPLES.resolve("reference/categories.csv").toString()));
                    try (Stream<Path> files = Files.list(SAMPLES.resolve(format.formatName()))) {
                        files.sorted().forEach(file -> args.add(file.toString()));
                    }
                    int status = run(args);

                    assertEquals(0, status);
                    assertEquals("", stderr(), "rejected lines");
                    String summary = lastLine();
                    assertTrue(summary.matches("parsed [1-9]\\d*, rejected 0"), summary);
                }));
    }

    @Test
    void aFileOfGarbageHasEveryLineRejectedWithAReasonAndStillExitsZero(@TempDir Path dir) throws Exception {
        Path garbage = dir.resolve("garbage.log");
        Files.write(
                garbage, new byte[] {'x', '\n', 0, 1, 2, (byte) 0xff, '\n', '{', '"', '\n', '$', '{', 'j', '}', '\n'});

        for (LogFormat format : List.of(LogFormat.SQUID, LogFormat.POSTFIX, LogFormat.WINLOGBEAT, LogFormat.MDM)) {
            out.getBuffer().setLength(0);
            err.reset();
            int status = run(List.of("--format", format.formatName(), garbage.toString()));

            assertEquals(0, status, format.formatName());
            List<String> rejected = stderr().lines().toList();
            assertEquals(4, rejected.size(), format.formatName() + ": " + rejected);
            for (int line = 1; line <= 4; line++) {
                String prefix = garbage + ":" + line + ": ";
                assertTrue(
                        rejected.get(line - 1).startsWith(prefix)
                                && rejected.get(line - 1).length() > prefix.length(),
                        "reason for line " + line + " of " + format.formatName() + ": " + rejected);
            }
            assertEquals("parsed 0, rejected 4", lastLine(), format.formatName());
        }
    }

    @Test
    void usageErrorsSayWhatIsWrongAndExitTwo() {
        assertEquals(2, run(List.of("--format", "syslog", "x.log")));
        assertTrue(stderr().contains("unknown format 'syslog': use one of squid, w3c, e2guardian"), stderr());
    }

    @Test
    void aMissingFileIsNamedAndTheOthersAreStillRead(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("ok.jsonl");
        Files.writeString(
                good,
                "{\"time\":\"2026-11-23T10:05:00Z\",\"device_id\":\"WOH-LT-0004\",\"action\":\"reported_lost\"}\n");

        int status = run(List.of("--format", "mdm", dir.resolve("nope.log").toString(), good.toString()));

        assertEquals(1, status);
        assertTrue(stderr().contains("nope.log: no such file"), stderr());
        assertEquals("parsed 1, rejected 0", lastLine());
    }

    private int run(List<String> args) {
        return ParseCommand.run(args, out, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String lastLine() {
        List<String> lines = out.toString().lines().toList();
        return lines.get(lines.size() - 1);
    }
}
