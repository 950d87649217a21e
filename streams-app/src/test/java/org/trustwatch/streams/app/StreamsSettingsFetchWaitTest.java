package org.trustwatch.streams.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.trustwatch.streams.topology.Topics;

/**
 * The main consumer waits for a fetch's bytes at most half a commit interval, so a hop between two stages is not held
 * by the consumer's 500 ms default; the consumers that read to an end before the app starts keep their own wait.
 */
class StreamsSettingsFetchWaitTest {

    private static StreamsConfig config(Map<String, String> app) {
        return new StreamsConfig(StreamsSettings.of(app, Topics.defaults(), 2));
    }

    private static Object mainWait(Map<String, String> app) {
        return config(app).getMainConsumerConfigs("group", "client", 0).get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG);
    }

    @Test
    void theMainConsumerWaitsHalfTheDefaultCommitInterval() {
        assertEquals("25", mainWait(Map.of()).toString());
    }

    @Test
    void anOperatorsCommitIntervalSetsTheWaitToo() {
        assertEquals("100", mainWait(Map.of("commit.interval.ms", "200")).toString());
        assertEquals("1", mainWait(Map.of("commit.interval.ms", "1")).toString());
    }

    @Test
    void anOperatorsOwnWaitWins() {
        assertEquals(
                "300",
                mainWait(Map.of("streams.consumer.fetch.max.wait.ms", "300")).toString());
    }

    @Test
    void theRestoreAndGlobalConsumersKeepTheirWait() {
        StreamsConfig config = config(Map.of());
        assertEquals(
                "100",
                config.getRestoreConsumerConfigs("client")
                        .get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG)
                        .toString());
        assertEquals(
                "100",
                config.getGlobalConsumerConfigs("client")
                        .get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG)
                        .toString());
    }

    @Test
    void aCommitIntervalThatIsNoNumberIsReportedByName() {
        ConfigException e = assertThrows(ConfigException.class, () -> config(Map.of("commit.interval.ms", "soon")));
        assertTrue(e.getMessage().contains("commit.interval.ms"), e.getMessage());
    }
}
