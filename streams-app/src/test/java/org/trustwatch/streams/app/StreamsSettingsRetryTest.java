package org.trustwatch.streams.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.trustwatch.streams.topology.Topics;

/**
 * The short wait between rounds of readying the internal topics reaches the partition assignor that runs them (through
 * the main consumer's settings) and no other client.
 */
class StreamsSettingsRetryTest {

    private final StreamsConfig config = new StreamsConfig(StreamsSettings.of(Map.of(), Topics.defaults(), 2));

    @Test
    void theAssignorReadyingTheInternalTopicsWaitsTenMilliseconds() {
        // the assignor builds its own StreamsConfig from the main consumer's settings
        StreamsConfig assignors = new StreamsConfig(config.getMainConsumerConfigs("group", "client", 0));

        assertEquals(10L, assignors.getLong(StreamsConfig.RETRY_BACKOFF_MS_CONFIG));
    }

    @Test
    void theOtherClientsKeepTheirDefaultBackOff() {
        long expected = CommonClientConfigs.DEFAULT_RETRY_BACKOFF_MS;
        assertEquals(expected, backOff(config.getProducerConfigs("client")), "producer");
        assertEquals(expected, backOff(config.getRestoreConsumerConfigs("client")), "restore consumer");
        assertEquals(expected, backOff(config.getGlobalConsumerConfigs("client")), "global consumer");
        assertEquals(expected, backOff(config.getAdminConfigs("client")), "admin");
    }

    private static long backOff(Map<String, Object> clientConfig) {
        return Long.parseLong(
                clientConfig.get(CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG).toString());
    }
}
