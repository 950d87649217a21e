package org.trustwatch.elastic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionCommandTest {

    @Test
    void readsHowOftenToRun() {
        assertEquals(Duration.ofMinutes(30), RetentionCommand.every("30m"));
        assertEquals(Duration.ofHours(1), RetentionCommand.every("1h"));
        assertEquals(Duration.ofDays(1), RetentionCommand.every("1d"));
        assertEquals(Duration.ofHours(6), RetentionCommand.every("PT6H"));
        assertThrows(IllegalArgumentException.class, () -> RetentionCommand.every("hourly"));
        assertThrows(IllegalArgumentException.class, () -> RetentionCommand.every("10s"));
    }

    @Test
    void aBadPeriodStopsBeforeConnectingAndSaysWhy() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = RetentionCommand.run(
                List.of("--period", "6 months"),
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of());

        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8)
                .startsWith(
                        "trustwatch retention: retention period '6 months' is not a period: give a number and a unit"));
    }

    @Test
    void onceAndEveryExcludeEachOther() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = RetentionCommand.run(
                List.of("--once", "--every", "1h"),
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of());

        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--once and --every exclude each other"));
    }
}
