package org.trustwatch.bench;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes records, and bounds the registry calls the first record of each topic and schema makes. Twice a bench
 * run waited more than ten minutes on the Apicurio client's first call, whose settings offer no request timeout; a
 * bench that stops with what happened is better than one that never ends.
 */
final class FirstCallGuard implements AutoCloseable {

    private record Target(String topic, Schema schema) {}

    /**
     * A first call that did not return in time, failed or was interrupted: the bench stops with this message and exit
     * code 1 (its own type, so that other failures keep their stack traces).
     */
    static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message);
        }

        Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Serializer<SpecificRecord> serializer;
    private final String registryUrl;
    private final long timeoutSeconds;
    private final Set<Target> seen = ConcurrentHashMap.newKeySet();
    private final ExecutorService caller = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bench-first-registry-call");
        t.setDaemon(true); // a call that never returns must not keep the JVM alive
        return t;
    });

    FirstCallGuard(Serializer<SpecificRecord> serializer, String registryUrl, long timeoutSeconds) {
        this.serializer = serializer;
        this.registryUrl = registryUrl;
        this.timeoutSeconds = timeoutSeconds;
    }

    byte[] serialize(String topic, SpecificRecord record) {
        Target target = new Target(topic, record.getSchema());
        if (seen.contains(target)) {
            return serializer.serialize(topic, record);
        }
        try {
            byte[] bytes =
                    caller.submit(() -> serializer.serialize(topic, record)).get(timeoutSeconds, TimeUnit.SECONDS);
            seen.add(target);
            return bytes;
        } catch (TimeoutException e) {
            throw new Failed("the schema registry at " + registryUrl + " did not answer the serializer's"
                    + " first call for " + record.getSchema().getName() + " on " + topic + " within " + timeoutSeconds
                    + " s. What to do: check it with ./trustwatch stack status, then run the bench again.");
        } catch (ExecutionException e) {
            throw new Failed(
                    "serializing the first " + record.getSchema().getName() + " for " + topic + " failed: "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted while serializing the first record for " + topic, e);
        }
    }

    @Override
    public void close() {
        caller.shutdownNow();
    }
}
