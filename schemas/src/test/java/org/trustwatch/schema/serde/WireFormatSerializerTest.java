package org.trustwatch.schema.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.WebAction;

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
                new WireFormatDeserializer<>(id -> ProxyEvent.getClassSchema());
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

    private static ProxyEvent proxy(String ip) {
        Instant at = Instant.parse("2026-11-23T09:00:00Z");
        return ProxyEvent.newBuilder()
                .setTimestamp(at)
                .setEventIngested(at)
                .setEventDataset("squid")
                .setEventHash("h-" + ip)
                .setSourceIp(ip)
                .setUserName("jsmith")
                .setHttpRequestMethod("GET")
                .setUrlDomain("example.org")
                .setWebAction(WebAction.allowed)
                .build();
    }

    private static byte[] wire(int id, ProxyEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0);
        bytes.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        try {
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
            new SpecificDatumWriter<>(ProxyEvent.class).write(event, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
