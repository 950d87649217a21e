package org.trustwatch.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KafkaRequestLookbackTest {

    @Test
    void aBrokerThatCannotBeReachedEndsTheReadBackInsteadOfHangingTheStreamThread() {
        // nothing listens on port 1: the consumer's calls time out
        KafkaRequestLookback lookback = new KafkaRequestLookback(
                "127.0.0.1:1",
                "events.proxy",
                ProxyRequest.serde(ExternalSerdes.plain()).deserializer(),
                Duration.ofSeconds(2));
        List<String> seen = new ArrayList<>();

        // returns, rather than throwing the consumer's timeout into the stream thread (where it would fail the loss
        // report's processing); the loss itself was recorded before the read back
        lookback.replay(0, 0, Long.MAX_VALUE, (key, request) -> seen.add(key));

        assertEquals(List.of(), seen);
    }
}
