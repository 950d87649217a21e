package org.trustwatch.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/** The Connect worker's REST API, as a person or a deployment script uses it. */
final class ConnectRest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String url;

    ConnectRest(String url) {
        this.url = url;
    }

    void put(String name, Map<String, String> config) throws Exception {
        send("PUT", "/connectors/" + name + "/config", JSON.writeValueAsString(config), 200, 201);
    }

    void stop(String name) throws Exception {
        send("PUT", "/connectors/" + name + "/stop", null, 202, 204);
        awaitState(name, "STOPPED");
    }

    void resume(String name) throws Exception {
        send("PUT", "/connectors/" + name + "/resume", null, 202, 204);
        awaitRunning(name);
    }

    void delete(String name) throws Exception {
        send("DELETE", "/connectors/" + name, null, 204, 404);
    }

    JsonNode offsets(String name) throws Exception {
        return JSON.readTree(send("GET", "/connectors/" + name + "/offsets", null, 200));
    }

    void alterOffsets(String name, String body) throws Exception {
        send("PATCH", "/connectors/" + name + "/offsets", body, 200);
    }

    void awaitRunning(String name) throws Exception {
        await(
                name,
                status -> "RUNNING".equals(status.at("/connector/state").asText())
                        && status.at("/tasks").size() > 0
                        && "RUNNING".equals(status.at("/tasks/0/state").asText()));
    }

    private void awaitState(String name, String state) throws Exception {
        await(name, status -> state.equals(status.at("/connector/state").asText()));
    }

    private void await(String name, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url + "/connectors/" + name + "/status"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                status = JSON.readTree(response.body());
                if (status.at("/tasks/0/state").asText().equals("FAILED")) {
                    throw new AssertionError(
                            "task failed: " + status.at("/tasks/0/trace").asText());
                }
                if (condition.test(status)) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("connector " + name + " did not reach the expected state: " + status);
    }

    private String send(String method, String path, String body, int... expected) throws Exception {
        HttpRequest.BodyPublisher publisher =
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response.body();
            }
        }
        throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
}
