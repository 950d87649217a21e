package org.trustwatch.streams.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.trustwatch.streams.topology.Topics;

class StreamsSettingsThreadsTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private static Properties settings(Map<String, String> app, int inputPartitions) {
        return StreamsSettings.of(app, Topics.defaults(), inputPartitions);
    }

    @Test
    void anOperatorsThreadCountIsKept() {
        Properties config = settings(Map.of("stream.threads", "3"), 8);

        assertEquals("3", config.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
    }

    @Test
    void oneInputPartitionGetsOneThreadWhateverTheCores() {
        Properties config = settings(Map.of("bootstrap.servers", "b:9092"), 1);

        assertEquals("1", config.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
        assertEquals("b:9092", config.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    @Test
    void manyPartitionsGetAThreadPerCore() {
        Properties config = settings(Map.of(), 1_000);

        assertEquals(Integer.toString(CORES), config.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
    }

    @Test
    void asManyThreadsAsPartitionsWhenThereAreFewerPartitionsThanCores() {
        Properties config = settings(Map.of(), 2);

        assertEquals(Integer.toString(Math.min(CORES, 2)), config.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
    }
}
