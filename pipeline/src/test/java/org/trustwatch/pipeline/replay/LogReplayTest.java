package org.trustwatch.pipeline.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.pipeline.PipelineException;
import org.trustwatch.pipeline.workload.Workload;

class LogReplayTest {

    private static final Path SAMPLES =
            Path.of(System.getProperty("trustwatch.home", "..")).resolve("samples");

    @TempDir
    Path staging;

    @Test
    void theCopiesGrowSliceBySliceToTheWholeLogs() throws Exception {
        LogReplay replay = LogReplay.plan(Workload.read(SAMPLES), staging, ParseContext.defaults());
        replay.prepare();
        for (LogReplay.Staged f : replay.files()) {
            assertEquals(0, Files.size(f.copy()), "copies start empty: " + f.copy());
            assertTrue(f.copy().startsWith(staging));
        }
        assertEquals(staging.resolve("squid/access.log"), replay.files().get(0).copy(), "the workload's layout");

        long noon = java.time.Instant.parse("2026-11-23T12:00:00Z").toEpochMilli();
        long[] expected = replay.revealUpTo(noon);
        for (int i = 0; i < expected.length; i++) {
            LogReplay.Staged f = replay.files().get(i);
            assertEquals(expected[i], Files.size(f.copy()), f.copy().toString());
            byte[] source = Files.readAllBytes(f.row().file());
            byte[] copy = Files.readAllBytes(f.copy());
            assertArrayEquals(java.util.Arrays.copyOf(source, copy.length), copy, "a copy is a start of its log");
        }
        assertTrue(
                expected[0] > 0
                        && expected[0] < Files.size(replay.files().get(0).row().file()),
                "half a day");

        replay.revealAll();
        for (LogReplay.Staged f : replay.files()) {
            assertArrayEquals(Files.readAllBytes(f.row().file()), Files.readAllBytes(f.copy()));
        }
        replay.prepare(); // a second run keeps the copies its agents have read
    }

    @Test
    void aCopyThatIsNotTheStartOfItsLogIsRefused() throws Exception {
        LogReplay replay = LogReplay.plan(Workload.read(SAMPLES), staging, ParseContext.defaults());
        replay.prepare();
        Files.writeString(replay.files().get(0).copy(), "another day\n");

        PipelineException e = assertThrows(PipelineException.class, replay::prepare);
        assertTrue(e.getMessage().contains("is not the start of"), e.getMessage());
        assertTrue(e.getMessage().contains("--reset"), e.getMessage());
    }
}
