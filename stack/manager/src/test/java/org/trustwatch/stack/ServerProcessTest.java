package org.trustwatch.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerProcessTest {

    @TempDir
    Path serverDir;

    @Test
    void stopsTheProcessItStartedAndForgetsIt() throws Exception {
        ServerProcess server = new ServerProcess(serverDir);
        Process process =
                server.startDetached(MarkedShell.command(server.marker()), serverDir, serverDir.resolve("out.log"));

        assertEquals(Optional.of(process.pid()), server.running().map(ProcessHandle::pid));

        // a later command (stack status, stack down) knows the process only by its pid file and marker
        ServerProcess later = new ServerProcess(serverDir);
        MarkedShell.awaitShell(process.pid());
        assertEquals(Optional.of(process.pid()), later.running().map(ProcessHandle::pid));
        assertTrue(later.stop(Duration.ofSeconds(5)));
        assertFalse(process.isAlive());
        assertEquals(Optional.empty(), server.running());
        assertFalse(Files.exists(serverDir.resolve("server.pid")));
    }

    @Test
    void neverTouchesAProcessThatMerelyHasTheRecordedPid() throws Exception {
        ServerProcess server = new ServerProcess(serverDir);
        Process stranger = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(serverDir.resolve("server.pid"), Long.toString(stranger.pid()));

            assertEquals(Optional.empty(), server.running());
            assertFalse(server.stop(Duration.ofSeconds(1)));
            assertTrue(stranger.isAlive(), "a process without the stack's marker must survive 'down'");
        } finally {
            stranger.destroyForcibly();
        }
    }
}
