package org.trustwatch.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.trustwatch.stack.StackSettings;

/** The two calls the benchmarks make to the stack's Connect worker: create a connector, delete it. */
final class ConnectorRest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ConnectorRest() {}

    /** Creates (or reconfigures) connector {@code name} with the JSON config object {@code config}. */
    static void put(StackSettings stack, String name, String config) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.connectUrl() + "/connectors/" + name + "/config"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(config))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("Connect refused the connector: " + response.body());
        }
    }

    static void delete(StackSettings stack, String name) throws Exception {
        HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.connectUrl() + "/connectors/" + name))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
