package org.trustwatch.streams.topology;

import java.util.function.BiConsumer;

/**
 * Reads back web requests the address stage has already passed, for the rare moment it learns something that changes
 * what they were: a device reported lost, or a lost device's logon, arriving after requests that follow it in event
 * time. Both reach the stage through a repartition topic while the requests come straight from the proxy topic, so on
 * a broker they can arrive later than requests that follow them; offline, everything arrives in event time order and
 * there is nothing to read back.
 */
public interface RequestLookback {

    /** Offline: the stage never passes a request before the loss or logon that precedes it. */
    RequestLookback NONE = (partition, fromOffset, untilOffset, each) -> {};

    /** On a broker: a consumer of its own reads the proxy topic (see {@link KafkaRequestLookback}). */
    static RequestLookback kafka(String bootstrap, String proxyTopic, ExternalSerdes serdes) {
        return new KafkaRequestLookback(
                bootstrap, proxyTopic, ProxyRequest.serde(serdes).deserializer());
    }

    /**
     * The requests of one partition of the proxy topic between two offsets, with their record keys (the client
     * address, as the agents key them).
     *
     * <p>Only as far as the stage has passed: the requests after it are still to come to the stage, which will judge
     * them knowing the loss or logon; and read back ahead of the stage, a request's signal would reach the rules
     * before the stage's own signals of the requests in between, which then look late (seen in {@code PipelineIT}:
     * a lost laptop's read back reached 14:36, and its 13:20 request, released by its logon a moment later, was
     * 4,536 s behind its lane).
     *
     * @param partition the proxy topic's partition, the address stage's task's
     * @param fromOffset the first offset to read
     * @param untilOffset the offset after the last request the stage has passed
     */
    void replay(int partition, long fromOffset, long untilOffset, BiConsumer<String, ProxyRequest> each);
}
