package org.trustwatch.schema.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.trustwatch.schema.serde.WireFormatFixtures.proxy;
import static org.trustwatch.schema.serde.WireFormatFixtures.wire;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.ProxyEvent;

class WireFormatSerializerTest {

    /** Stands in for the registering serializer: the id it "registered" per topic, and every call it got. */
    private final List<String> registered = new ArrayList<>();

    private final Serializer<ProxyEvent> registering = (topic, event) -> {
        registered.add(topic);
        return wire(topic.equals("events.proxy") ? 7 : 9, event);
    };

    private final WireFormatSerializer<ProxyEvent> serializer = new WireFormatSerializer<>(registering);

    @Test
    void writesTheSameBytesAsTheRegisteringSerializerAndAsksItOncePerTopic() {
        ProxyEvent first = proxy("10.0.0.1");
        ProxyEvent second = proxy("10.0.0.2");

        assertArrayEquals(wire(7, first), serializer.serialize("events.proxy", first));
        assertArrayEquals(wire(7, second), serializer.serialize("events.proxy", second));
        assertArrayEquals(wire(9, second), serializer.serialize("events.other", second));
        assertEquals(List.of("events.proxy", "events.other"), registered);
    }

    @Test
    void readsBackThroughTheWireFormatDeserializer() {
        WireFormatDeserializer<ProxyEvent> deserializer =
                WireFormatDeserializer.specific(id -> ProxyEvent.getClassSchema());
        ProxyEvent event = proxy("10.0.0.3");
        serializer.serialize("events.proxy", proxy("10.0.0.9"));

        assertEquals(event, deserializer.deserialize("events.proxy", serializer.serialize("events.proxy", event)));
    }

    @Test
    void refusesARegisteringSerializerThatDoesNotWriteTheWireFormat() {
        WireFormatSerializer<ProxyEvent> plain = new WireFormatSerializer<>((topic, event) -> new byte[] {1, 2});

        SerializationException e =
                assertThrows(SerializationException.class, () -> plain.serialize("events.proxy", proxy("10.0.0.1")));
        assertEquals(
                "the registering serializer did not write the wire format for org.trustwatch.schema.ProxyEvent on"
                        + " events.proxy",
                e.getMessage());
    }

    @Test
    void nullStaysNull() {
        assertNull(serializer.serialize("events.proxy", null));
    }
}
