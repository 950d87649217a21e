package org.trustwatch.streams.topology;

import java.io.IOException;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.serde.RegistrySchemaLookup;
import org.trustwatch.schema.serde.RegistrySerdes;
import org.trustwatch.schema.serde.WireFormatDeserializer;
import org.trustwatch.streams.signal.RequestTriage;

/** How records on the topics people and other tools read are written: through the registry, or plain offline. */
public interface ExternalSerdes {

    <T extends SpecificRecordBase> Serde<T> value(Class<T> type);

    /** Reads the triage fields of web requests on their own ({@link RequestTriage#SCHEMA}), skipping the rest. */
    Deserializer<GenericRecord> triage();

    static ExternalSerdes registry(String registryUrl) {
        RegistrySchemaLookup schemas = new RegistrySchemaLookup(registryUrl);
        return new ExternalSerdes() {
            @Override
            public <T extends SpecificRecordBase> Serde<T> value(Class<T> type) {
                return RegistrySerdes.valueSerde(registryUrl);
            }

            @Override
            public Deserializer<GenericRecord> triage() {
                return WireFormatDeserializer.projection(RequestTriage.SCHEMA, schemas);
            }
        };
    }

    static ExternalSerdes plain() {
        return new ExternalSerdes() {
            @Override
            public <T extends SpecificRecordBase> Serde<T> value(Class<T> type) {
                return PlainAvroSerde.of(type);
            }

            @Override
            public Deserializer<GenericRecord> triage() {
                GenericDatumReader<GenericRecord> reader =
                        new GenericDatumReader<>(ProxyEvent.getClassSchema(), RequestTriage.SCHEMA);
                return (topic, bytes) -> {
                    try {
                        return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
                    } catch (IOException | RuntimeException e) {
                        throw new SerializationException("not a ProxyEvent in plain Avro binary: " + e.getMessage(), e);
                    }
                };
            }
        };
    }
}
