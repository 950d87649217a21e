package org.trustwatch.schema.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.WebAction;

/** A web request and its bytes in the Confluent wire format, as the registry's serdes write them. */
final class WireFormatFixtures {

    private WireFormatFixtures() {}

    static ProxyEvent proxy(String ip) {
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

    /** Magic byte 0 and the 4-byte schema id. */
    static ByteArrayOutputStream header(int id) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(WireFormatDeserializer.MAGIC);
        bytes.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        return bytes;
    }

    static byte[] wire(int id, ProxyEvent event) {
        ByteArrayOutputStream bytes = header(id);
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
