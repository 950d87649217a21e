package org.trustwatch.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees: the summary, the layout of DIR, and usage errors (exit 2) that say what was wrong. */
class GenerateCommandTest {

    @Test
    void summarySaysWhatWasWritten(@TempDir Path tmp) {
        Result r = run("--out", tmp.resolve("out").toString(), "--schools", "1", "--pupils", "400", "--requests", "4");
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("trust of 1 school, 1 school day from 2026-11-23"), r.out);
        assertTrue(r.out.contains("squid") && r.out.contains("postfix") && r.out.contains("winlogbeat"), r.out);
        assertTrue(r.out.matches("(?s).*planted incidents: \\d+ in 18 categories.*"), r.out);
        assertTrue(r.out.contains("lines/s"), r.out);
        for (String f : List.of(
                "manifest.csv",
                "answers.csv",
                "reference/schools.csv",
                "reference/directory.csv",
                "reference/devices.csv",
                "reference/exemptions.csv",
                "reference/categories.csv",
                "logs/S01/squid/access.log",
                "logs/S01/postfix/maillog",
                "logs/S01/winlogbeat/security.ndjson",
                "logs/S01/mdm/device-actions.jsonl",
                "logs/S01/reports/self-reports.jsonl")) {
            assertTrue(Files.isRegularFile(tmp.resolve("out").resolve(f)), f);
        }
    }

    @Test
    void usageErrorsSayWhatWasWrong(@TempDir Path tmp) throws IOException {
        assertUsage("--out DIR is required", "--schools", "2");
        assertUsage("--schools 0: give a number from 1 to 99", "--out", tmp.toString(), "--schools", "0");
        assertUsage("--days x: give a whole number", "--out", tmp.toString(), "--days", "x");
        assertUsage("--start 2026-13-01: give a date as YYYY-MM-DD", "--out", tmp.toString(), "--start", "2026-13-01");
        assertUsage("--pupils 10: give a number from 60 to 5000", "--out", tmp.toString(), "--pupils", "10");
        assertUsage("unknown option --school", "--out", tmp.toString(), "--school", "1");
        Path someone = tmp.resolve("someone");
        Files.createDirectories(someone);
        Files.writeString(someone.resolve("thesis.docx"), "keep me");
        assertUsage("is not empty and holds no earlier generate output", "--out", someone.toString());
        assertTrue(Files.exists(someone.resolve("thesis.docx")));
    }

    @Test
    void tooSmallASchoolForTheIncidentsIsAUsageError(@TempDir Path tmp) {
        Result r = run("--out", tmp.resolve("out").toString(), "--schools", "1", "--pupils", "60");
        assertEquals(2, r.status, r.err);
        assertTrue(r.err.contains("give more --schools, --days or --pupils"), r.err);
    }

    private static void assertUsage(String message, String... args) {
        Result r = run(args);
        assertEquals(2, r.status, r.err);
        assertTrue(r.err.contains(message), r.err);
    }

    private record Result(int status, String out, String err) {}

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = GenerateCommand.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
