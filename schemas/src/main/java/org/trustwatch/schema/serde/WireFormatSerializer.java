package org.trustwatch.schema.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes the Confluent wire format (magic byte 0, 4-byte schema id, Avro binary) with one writer per topic and schema,
 * made once. The first record of a schema on a topic goes through the registering serializer, which finds or
 * registers the schema; its bytes give the id, which is reused from then on. Apicurio's serializer builds a writer,
 * and fingerprints the schema, for every record.
 */
public final class WireFormatSerializer<T extends SpecificRecord> implements Serializer<T> {

    private static final int HEADER = 5;

    private record Target(String topic, Schema schema) {}

    private record Writer(byte[] header, SpecificDatumWriter<SpecificRecord> datum) {}

    private final Serializer<T> registering;
    private final Map<Target, Writer> writers = new ConcurrentHashMap<>();
    private final ThreadLocal<BinaryEncoder> encoders = new ThreadLocal<>();

    /** @param registering a serializer that writes the wire format and registers a schema the registry lacks */
    public WireFormatSerializer(Serializer<T> registering) {
        this.registering = registering;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        registering.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        Target target = new Target(topic, data.getSchema());
        Writer writer = writers.get(target);
        if (writer == null) {
            byte[] first = registering.serialize(topic, data);
            if (first == null || first.length < HEADER || first[0] != WireFormatDeserializer.MAGIC) {
                throw new SerializationException("the registering serializer did not write the wire format for "
                        + target.schema().getFullName() + " on " + topic);
            }
            writers.putIfAbsent(
                    target,
                    new Writer(java.util.Arrays.copyOf(first, HEADER), new SpecificDatumWriter<>(target.schema())));
            return first;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(writer.header(), 0, HEADER);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, encoders.get());
        encoders.set(encoder);
        try {
            writer.datum().write(data, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "cannot write " + target.schema().getFullName() + " on " + topic + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        registering.close();
    }
}
