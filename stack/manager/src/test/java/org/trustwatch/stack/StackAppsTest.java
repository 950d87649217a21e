package org.trustwatch.stack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackAppsTest {

    @TempDir
    Path dataDir;

    @Test
    void downStopsAnAppTheStacksToolsStartedAndStatusShowsIt() throws Exception {
        StackSettings settings = StackSettings.of(dataDir, Map.of(StackSettings.DATA_DIR, dataDir.toString()));
        Path appDir = StackApps.dir(settings, "correlation");
        java.nio.file.Files.createDirectories(appDir);
        ServerProcess app = new ServerProcess(appDir);
        Process process = app.startDetached(MarkedShell.command(app.marker()), appDir, appDir.resolve("app.log"));
        MarkedShell.awaitShell(process.pid());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalStack stack = new LocalStack(settings, new PrintStream(out, true, StandardCharsets.UTF_8));

        stack.printStatus();
        assertTrue(
                out.toString(StandardCharsets.UTF_8).contains("correlation    running   pid " + process.pid()),
                out::toString);

        stack.down();
        assertFalse(process.isAlive(), "down stops the app");
        assertTrue(
                out.toString(StandardCharsets.UTF_8).contains("correlation    stopped (pid " + process.pid() + ")"),
                out::toString);
    }
}
