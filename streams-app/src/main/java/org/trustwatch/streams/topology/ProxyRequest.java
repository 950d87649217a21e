package org.trustwatch.streams.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.streams.signal.RequestTriage;

/**
 * A web request as the proxy stage receives it: its triage fields decoded, the whole request decoded only when asked
 * for (once), from the record's own bytes. Most requests are dropped on their triage and never decoded whole.
 */
final class ProxyRequest {

    private final RequestTriage triage;
    private final String topic;
    private final byte[] bytes;
    private final Deserializer<ProxyEvent> whole;
    private ProxyEvent event;

    /**
     * Web requests as the proxy stage takes them: triage fields first, the whole request when a rule may need it.
     * Writing one back gives the bytes it was read from.
     */
    static Serde<ProxyRequest> serde(ExternalSerdes serdes) {
        Deserializer<RequestTriage> triage = serdes.triage();
        Deserializer<ProxyEvent> whole = serdes.value(ProxyEvent.class).deserializer();
        return Serdes.serdeFrom(
                (topic, request) -> request == null ? null : request.bytes(),
                (topic, bytes) ->
                        bytes == null ? null : new ProxyRequest(triage.deserialize(topic, bytes), topic, bytes, whole));
    }

    ProxyRequest(RequestTriage triage, String topic, byte[] bytes, Deserializer<ProxyEvent> whole) {
        this.triage = triage;
        this.topic = topic;
        this.bytes = bytes;
        this.whole = whole;
    }

    RequestTriage triage() {
        return triage;
    }

    long timestamp() {
        return triage.timestamp();
    }

    /** The whole request; a record whose triage fields decoded but whose rest does not fails here. */
    ProxyEvent event() {
        if (event == null) {
            event = whole.deserialize(topic, bytes);
        }
        return event;
    }

    /** The record's bytes as they came, for a serde that must write one back. */
    byte[] bytes() {
        return bytes;
    }
}
