package org.trustwatch.pipeline.connect;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.trustwatch.pipeline.PipelineException;

/**
 * How far the log source connectors have read, from the offsets Connect has committed for them. With exactly-once
 * delivery an offset is committed in the same transaction as the records before it, so an offset at a position means
 * everything the agent produced up to there is in its topics.
 */
public final class SourceProgress implements AutoCloseable {

    /** One connector tailing one file. */
    public record Reader(String connector, Path file) {}

    private final ConnectRest rest;
    private final ExecutorService pool = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "source-progress");
        thread.setDaemon(true);
        return thread;
    });

    public SourceProgress(ConnectRest rest) {
        this.rest = rest;
    }

    /**
     * The committed read position of each reader in its file ({@code skip.until}: the end of the last line it made a
     * record of), asked of all at once; 0 when nothing is committed yet.
     */
    public long[] committed(List<Reader> readers) {
        List<CompletableFuture<Long>> asked = new ArrayList<>();
        for (Reader reader : readers) {
            asked.add(CompletableFuture.supplyAsync(() -> committed(reader), pool));
        }
        long[] positions = new long[readers.size()];
        for (int i = 0; i < positions.length; i++) {
            try {
                positions[i] = asked.get(i).join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof PipelineException p ? p : new PipelineException(e.getMessage(), e);
            }
        }
        return positions;
    }

    private long committed(Reader reader) {
        for (JsonNode entry : rest.offsets(reader.connector()).path("offsets")) {
            if (reader.file().toString().equals(entry.at("/partition/file").asText())) {
                JsonNode offset = entry.path("offset");
                return offset.has("skip.until")
                        ? offset.path("skip.until").asLong()
                        : offset.path("position").asLong();
            }
        }
        return 0;
    }

    /** Why a connector does not read, if one of them failed: with the first line of its trace. */
    public Optional<String> failure(List<String> connectors) {
        for (String connector : connectors) {
            Optional<String> failed = rest.status(connector).flatMap(ConnectRest::failure);
            if (failed.isPresent()) {
                return failed;
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
