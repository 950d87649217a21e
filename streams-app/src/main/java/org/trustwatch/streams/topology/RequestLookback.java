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
    RequestLookback NONE = (partition, fromOffset, each) -> {};

    /** On a broker: a consumer of its own reads the proxy topic (see {@link KafkaRequestLookback}). */
    static RequestLookback kafka(String bootstrap, String proxyTopic, ExternalSerdes serdes) {
        return new KafkaRequestLookback(
                bootstrap, proxyTopic, ProxyRequest.serde(serdes).deserializer());
    }

    /**
     * Every request of one partition of the proxy topic from an offset up to the newest committed one, with its
     * record key (the client address, as the agents key them).
     *
     * @param partition the proxy topic's partition, the address stage's task's
     * @param fromOffset the first offset to read
     */
    void replay(int partition, long fromOffset, BiConsumer<String, ProxyRequest> each);
}
