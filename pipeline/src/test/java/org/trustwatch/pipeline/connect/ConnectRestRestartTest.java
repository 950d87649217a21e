package org.trustwatch.pipeline.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustwatch.pipeline.PipelineException;

/**
 * A Connect worker's REST API stand-in whose one connector's task has failed as it started, and runs after a restart
 * (or fails again, {@link #failsAgain}): what Connect did to one of 50 agents created in a row.
 */
class ConnectRestRestartTest {

    private static final String FAILED = "{\"name\":\"agent\",\"connector\":{\"state\":\"RUNNING\"},\"tasks\":"
            + "[{\"id\":0,\"state\":\"FAILED\",\"trace\":\"java.util.ConcurrentModificationException\\n\\tat x\"}]}";
    private static final String RUNNING =
            "{\"name\":\"agent\",\"connector\":{\"state\":\"RUNNING\"},\"tasks\":[{\"id\":0,\"state\":\"RUNNING\"}]}";

    private HttpServer server;
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile boolean failsAgain;
    private final ByteArrayOutputStream told = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/connectors/agent/status",
                exchange -> answer(exchange, 200, restarts.get() > 0 && !failsAgain ? RUNNING : FAILED));
        server.createContext("/connectors/agent/restart", exchange -> {
            restarts.incrementAndGet();
            answer(exchange, 202, RUNNING);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ConnectRest rest() {
        return new ConnectRest("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void aTaskThatFailedAsItStartedIsRestartedOnceAndTheRestartIsTold() {
        rest().awaitRunningRestartingOnce("agent", new PrintStream(told, true, StandardCharsets.UTF_8));

        assertEquals(1, restarts.get());
        String text = told.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("connector agent task 0 FAILED: java.util.ConcurrentModificationException"), text);
        assertTrue(text.contains("restarting it once"), text);
    }

    @Test
    void aSecondFailureIsReportedWithWhatToDo() {
        failsAgain = true;

        PipelineException e = assertThrows(PipelineException.class, () -> rest().awaitRunningRestartingOnce(
                        "agent", new PrintStream(told, true, StandardCharsets.UTF_8)));

        assertEquals(1, restarts.get());
        assertTrue(e.getMessage().contains("task 0 FAILED: java.util.ConcurrentModificationException"), e.getMessage());
        assertTrue(e.getMessage().contains("What to do"), e.getMessage());
    }

    @Test
    void withoutRestartsAFailureIsReportedAtOnce() {
        assertThrows(PipelineException.class, () -> rest().awaitRunning("agent"));

        assertEquals(0, restarts.get());
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
