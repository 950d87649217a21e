package org.trustwatch.connect.elastic;

import org.apache.avro.generic.GenericRecord;
import org.trustwatch.schema.serde.RegistrySchemaLookup;
import org.trustwatch.schema.serde.WireFormatDeserializer;

/**
 * Reads record values in the Confluent wire format through the registry, as generic records: the writer's own schema,
 * with its ECS paths, decides the document, and no generated class has to be trusted by the worker's JVM. One reader
 * per schema id: Apicurio's deserializer fingerprinted the schema for every record (a fifth of the sink's CPU), and
 * gave each record a schema instance of its own, which the document layout cache then compared field by field.
 */
final class RecordDecoder implements AutoCloseable {

    private final WireFormatDeserializer<GenericRecord> deserializer;

    RecordDecoder(String registryUrl) {
        this.deserializer = WireFormatDeserializer.generic(new RegistrySchemaLookup(registryUrl));
    }

    /** @throws RuntimeException when the bytes are not a record the registry knows */
    GenericRecord decode(String topic, byte[] value) {
        return deserializer.deserialize(topic, value);
    }

    @Override
    public void close() {
        deserializer.close();
    }
}
