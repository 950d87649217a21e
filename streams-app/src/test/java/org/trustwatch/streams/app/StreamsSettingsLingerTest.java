package org.trustwatch.streams.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.trustwatch.streams.topology.Topics;

/** The app's producers batch for as long as a transaction stays open: a commit interval, whatever it is set to. */
class StreamsSettingsLingerTest {

    private static Object linger(Map<String, String> app) {
        StreamsConfig config = new StreamsConfig(StreamsSettings.of(app, Topics.defaults(), 2));
        return config.getProducerConfigs("client").get(ProducerConfig.LINGER_MS_CONFIG);
    }

    @Test
    void theProducersLingerForTheDefaultCommitInterval() {
        assertEquals("50", linger(Map.of()).toString());
    }

    @Test
    void anOperatorsCommitIntervalSetsTheLingerToo() {
        assertEquals("200", linger(Map.of("commit.interval.ms", "200")).toString());
    }

    @Test
    void anOperatorsOwnLingerWins() {
        assertEquals(
                "10",
                linger(Map.of("commit.interval.ms", "200", "streams.producer.linger.ms", "10"))
                        .toString());
    }
}
