package org.trustwatch.streams.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CorrelationAppThreadsTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    void anOperatorsThreadCountIsKept() {
        Map<String, String> config = CorrelationApp.withThreads(Map.of("stream.threads", "3"), 8);

        assertEquals("3", config.get("stream.threads"));
    }

    @Test
    void oneInputPartitionGetsOneThreadWhateverTheCores() {
        Map<String, String> config = CorrelationApp.withThreads(Map.of("bootstrap.servers", "b:9092"), 1);

        assertEquals("1", config.get("stream.threads"));
        assertEquals("b:9092", config.get("bootstrap.servers"));
    }

    @Test
    void manyPartitionsGetAThreadPerCore() {
        Map<String, String> config = CorrelationApp.withThreads(Map.of(), 1_000);

        assertEquals(Integer.toString(CORES), config.get("stream.threads"));
    }

    @Test
    void asManyThreadsAsPartitionsWhenThereAreFewerPartitionsThanCores() {
        Map<String, String> config = CorrelationApp.withThreads(Map.of(), 2);

        assertEquals(Integer.toString(Math.min(CORES, 2)), config.get("stream.threads"));
    }
}
