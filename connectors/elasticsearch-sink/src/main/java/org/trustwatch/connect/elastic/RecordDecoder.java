package org.trustwatch.connect.elastic;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.trustwatch.schema.serde.RegistrySerdes;

/**
 * Reads record values in the Confluent wire format through the registry, as generic records: the writer's own schema,
 * with its ECS paths, decides the document, and no generated class has to be trusted by the worker's JVM.
 */
final class RecordDecoder implements AutoCloseable {

    private final AvroKafkaDeserializer<GenericRecord> deserializer = new AvroKafkaDeserializer<>();

    RecordDecoder(String registryUrl) {
        Map<String, Object> config = new HashMap<>(RegistrySerdes.config(registryUrl));
        config.put(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, false);
        deserializer.configure(config, false);
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
