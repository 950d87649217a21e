package org.trustwatch.schema.serde;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format (magic byte 0, 4-byte schema id, Avro binary), with one reader per schema id made
 * once: the writer schema is fetched from the registry on the first record that names it. Apicurio's own deserializer
 * builds a reader, and fingerprints the schema, for every record, which was a fifth of the correlation app's time and
 * a fifth of the Elasticsearch sink's.
 */
public final class WireFormatDeserializer<T> implements Deserializer<T> {

    static final byte MAGIC = 0;
    /** The magic byte and the schema id before the Avro binary. */
    public static final int HEADER = 5;

    private final IntFunction<Schema> writerSchemas;
    private final BiFunction<Integer, Schema, DatumReader<T>> readerOf;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    private WireFormatDeserializer(
            IntFunction<Schema> writerSchemas, BiFunction<Integer, Schema, DatumReader<T>> readerOf) {
        this.writerSchemas = writerSchemas;
        this.readerOf = readerOf;
    }

    /**
     * Into the generated classes: the class of the writer's record name is the reader schema, so added fields get
     * their defaults.
     *
     * @param writerSchemas the schema of an id (a registry lookup; called once per id)
     */
    public static <T extends SpecificRecord> WireFormatDeserializer<T> specific(IntFunction<Schema> writerSchemas) {
        return new WireFormatDeserializer<>(writerSchemas, WireFormatDeserializer::specificReader);
    }

    /**
     * As generic records with the writer's own schema, one schema instance per id (so a cache keyed by the schema
     * finds it by identity): for a reader that trusts no generated class.
     */
    public static WireFormatDeserializer<GenericRecord> generic(IntFunction<Schema> writerSchemas) {
        return new WireFormatDeserializer<>(writerSchemas, (id, writer) -> new GenericDatumReader<>(writer, writer));
    }

    /**
     * Only the fields of {@code reader} (a record of the same name with a subset of the writer's fields): Avro's
     * schema resolution skips the others without building them, so a large field that is rarely needed (a raw log
     * line) costs a length read.
     */
    public static WireFormatDeserializer<GenericRecord> projection(Schema reader, IntFunction<Schema> writerSchemas) {
        return new WireFormatDeserializer<>(writerSchemas, (id, writer) -> new GenericDatumReader<>(writer, reader));
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int id = schemaId(topic, data);
        DatumReader<T> reader = readers.computeIfAbsent(id, i -> readerOf.apply(i, writerSchemas.apply(i)));
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(data, HEADER, data.length - HEADER, null));
        } catch (java.io.IOException | RuntimeException e) {
            throw new SerializationException(
                    "record on " + topic + " does not decode with schema id " + id + ": " + e.getMessage(), e);
        }
    }

    /** The schema id a record in the wire format names; its Avro binary starts at {@link #HEADER}. */
    public static int schemaId(String topic, byte[] data) {
        if (data.length < HEADER || data[0] != MAGIC) {
            throw new SerializationException("record on " + topic + " is not in the Confluent wire format (magic byte "
                    + (data.length == 0 ? "missing" : data[0]) + "): it was not written through the schema registry");
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }

    private static <T> DatumReader<T> specificReader(int id, Schema writer) {
        Class<?> type = SpecificData.get().getClass(writer);
        if (type == null) {
            throw new SerializationException(
                    "schema id " + id + " is " + writer.getFullName() + ", which this application has no class for");
        }
        return new SpecificDatumReader<>(writer, SpecificData.get().getSchema(type));
    }
}
