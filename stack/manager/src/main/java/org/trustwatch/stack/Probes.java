package org.trustwatch.stack;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Small network and file checks the servers' health depends on. */
public final class Probes {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Probes() {}

    /** Whether something accepts TCP connections on 127.0.0.1:port. */
    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(StackSettings.HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The HTTP status of a GET, or -1 when nothing answers. */
    public static int httpStatus(String url) {
        return get(url).map(HttpResponse::statusCode).orElse(-1);
    }

    /** The body of a GET that answered 200, if it did. */
    public static Optional<String> httpBody(String url) {
        return get(url).filter(response -> response.statusCode() == 200).map(HttpResponse::body);
    }

    private static Optional<HttpResponse<String>> get(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build();
            return Optional.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Asks a Kafka broker for its API versions (the first request every client sends) and says whether it answered
     * without error. An open port alone would also be true for a broker that is still starting.
     */
    public static boolean kafkaAnswers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(StackSettings.HOST, port), 1000);
            socket.setSoTimeout(3000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            byte[] clientId = "trustwatch-stack".getBytes(StandardCharsets.UTF_8);
            int correlationId = 7;
            // ApiVersions v0: size, api_key 18, api_version 0, correlation_id, client_id
            out.writeInt(2 + 2 + 4 + 2 + clientId.length);
            out.writeShort(18);
            out.writeShort(0);
            out.writeInt(correlationId);
            out.writeShort(clientId.length);
            out.write(clientId);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int size = in.readInt();
            return size >= 6 && in.readInt() == correlationId && in.readShort() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The last lines of a log file, for error messages; empty when there is no such file. */
    public static List<String> tail(Path file, int lines) {
        if (!Files.isReadable(file)) {
            return List.of();
        }
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException | UncheckedIOException e) {
            return List.of("(could not read " + file + ": " + e.getMessage() + ")");
        }
    }
}
