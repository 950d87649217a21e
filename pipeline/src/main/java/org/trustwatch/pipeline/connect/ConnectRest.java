package org.trustwatch.pipeline.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.trustwatch.pipeline.PipelineException;

/**
 * A Connect worker's REST API, as a person or a deployment script uses it: create or reconfigure a connector, stop,
 * resume and delete it, read and alter its offsets, and wait for a state. A task that failed is reported with the
 * first line of its trace, which names the cause.
 */
public final class ConnectRest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String url;
    private final HttpClient http;

    public ConnectRest(String url) {
        this.url = url;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public String url() {
        return url;
    }

    /** Creates the connector or replaces its config; the same config again changes nothing. */
    public void put(String name, Map<String, String> config) {
        send("PUT", "/connectors/" + name + "/config", write(config), 200, 201);
    }

    public void stop(String name) {
        send("PUT", "/connectors/" + name + "/stop", null, 202, 204);
        await(name, status -> "STOPPED".equals(status.at("/connector/state").asText()), "STOPPED", null);
    }

    public void resume(String name) {
        send("PUT", "/connectors/" + name + "/resume", null, 202, 204);
        awaitRunning(name);
    }

    /** Deletes the connector if there is one; its offsets stay, so a connector of the same name resumes. */
    public void delete(String name) {
        send("DELETE", "/connectors/" + name, null, 204, 404);
    }

    /** Restarts the connector's failed tasks (and the connector itself, if it failed). */
    public void restartFailed(String name) {
        send("POST", "/connectors/" + name + "/restart?includeTasks=true&onlyFailed=true", null, 202, 204);
    }

    /** {@link #restartFailed(String)} after the failure {@code failure}, told on {@code out} as an agent's restart. */
    public void restartFailed(String name, String failure, PrintStream out) {
        out.println("  " + failure + "; restarting it once");
        restartFailed(name);
    }

    public JsonNode offsets(String name) {
        return read(send("GET", "/connectors/" + name + "/offsets", null, 200));
    }

    public void alterOffsets(String name, String body) {
        send("PATCH", "/connectors/" + name + "/offsets", body, 200);
    }

    /** The connector's config as it stands, or empty when there is no such connector. */
    public Optional<Map<String, String>> config(String name) {
        HttpResponse<String> response = exchange("GET", "/connectors/" + name + "/config", null);
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        Map<String, String> config = new LinkedHashMap<>();
        read(response.body())
                .fields()
                .forEachRemaining(f -> config.put(f.getKey(), f.getValue().asText()));
        return Optional.of(config);
    }

    /** The connector's status document, or empty when there is no such connector. */
    public Optional<JsonNode> status(String name) {
        HttpResponse<String> response = exchange("GET", "/connectors/" + name + "/status", null);
        return response.statusCode() == 200 ? Optional.of(read(response.body())) : Optional.empty();
    }

    /** Waits until the connector and all its tasks (at least one) run; a failure is reported at once. */
    public void awaitRunning(String name) {
        await(name, RUNNING, "RUNNING", null);
    }

    /**
     * Waits until the connector and all its tasks run, answering a first failure with one restart, told on
     * {@code out}, as the replay does for a running agent ({@code SourceProgress#failure}): Connect itself can fail an
     * exactly-once task that starts while other connectors are being created. A second failure is reported.
     */
    public void awaitRunningRestartingOnce(String name, PrintStream out) {
        await(name, RUNNING, "RUNNING", out);
    }

    private static final Predicate<JsonNode> RUNNING =
            status -> "RUNNING".equals(status.at("/connector/state").asText())
                    && status.at("/tasks").size() > 0
                    && allTasks(status, "RUNNING");

    /**
     * Why the connector does not work, if it has failed: its own state or a task's, with the first line of the trace.
     */
    public static Optional<String> failure(JsonNode status) {
        String name = status.path("name").asText();
        if ("FAILED".equals(status.at("/connector/state").asText())) {
            return Optional.of("connector " + name + " FAILED: " + firstLine(status.at("/connector/trace")));
        }
        for (JsonNode task : status.path("tasks")) {
            if ("FAILED".equals(task.path("state").asText())) {
                return Optional.of("connector " + name + " task "
                        + task.path("id").asText() + " FAILED: " + firstLine(task.path("trace")));
            }
        }
        return Optional.empty();
    }

    private static boolean allTasks(JsonNode status, String state) {
        for (JsonNode task : status.path("tasks")) {
            if (!state.equals(task.path("state").asText())) {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(JsonNode trace) {
        String text = trace.asText("");
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    /** @param restartOnceTellingOn null to report a failure at once */
    private void await(String name, Predicate<JsonNode> condition, String wanted, PrintStream restartOnceTellingOn) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode last = null;
        boolean restarted = false;
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> status = status(name);
            if (status.isPresent()) {
                last = status.get();
                Optional<String> failed = failure(last);
                if (failed.isPresent() && restartOnceTellingOn != null && !restarted) {
                    // answered with the tasks' new state (RESTARTING), so the next status no longer shows the failure
                    restartFailed(name, failed.get(), restartOnceTellingOn);
                    restarted = true;
                    continue;
                }
                if (failed.isPresent()) {
                    throw new PipelineException(failed.get() + "\nWhat to do: fix the cause in the connector's config"
                            + " or the worker's log ('./trustwatch stack logs connect'), then run again.");
                }
                if (condition.test(last)) {
                    return;
                }
            }
            sleep(200);
        }
        throw new PipelineException("connector " + name + " was not " + wanted + " within " + PATIENCE.toSeconds()
                + " s (last status: " + last + "). See './trustwatch stack logs connect'.");
    }

    private String send(String method, String path, String body, int... expected) {
        HttpResponse<String> response = exchange(method, path, body);
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response.body();
            }
        }
        throw new PipelineException(
                method + " " + url + path + " answered " + response.statusCode() + ": " + message(response.body()));
    }

    private HttpResponse<String> exchange(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PipelineException(
                    "Kafka Connect does not answer at " + url + " (" + e + "): is the stack up? Check with"
                            + " './trustwatch stack status'.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException("interrupted while calling " + url + path, e);
        }
    }

    /** Connect's errors are {@code {"error_code":..,"message":..}}; the message is what a person needs. */
    private static String message(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node.hasNonNull("message") ? node.get("message").asText() : body;
        } catch (IOException e) {
            return body;
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new PipelineException("Connect answered something that is not JSON: " + body, e);
        }
    }

    private static String write(Map<String, String> config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException("interrupted while waiting for Kafka Connect", e);
        }
    }
}
