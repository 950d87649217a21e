package org.trustwatch.streams.topology;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.serde.RegistrySchemaLookup;
import org.trustwatch.schema.serde.RegistrySerdes;
import org.trustwatch.schema.serde.WireFormatDeserializer;
import org.trustwatch.streams.signal.RequestTriage;
import org.trustwatch.streams.signal.TriageDecoder;

/** How records on the topics people and other tools read are written: through the registry, or plain offline. */
public interface ExternalSerdes {

    <T extends SpecificRecordBase> Serde<T> value(Class<T> type);

    /** Reads the triage fields of web requests on their own ({@link RequestTriage}), skipping the rest. */
    Deserializer<RequestTriage> triage();

    private static RequestTriage read(TriageDecoder plan, String topic, byte[] bytes, int offset) {
        try {
            return plan.read(bytes, offset);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("web request on " + topic + " does not decode: " + e.getMessage(), e);
        }
    }

    static ExternalSerdes registry(String registryUrl) {
        RegistrySchemaLookup schemas = new RegistrySchemaLookup(registryUrl);
        return new ExternalSerdes() {
            @Override
            public <T extends SpecificRecordBase> Serde<T> value(Class<T> type) {
                return RegistrySerdes.valueSerde(registryUrl);
            }

            @Override
            public Deserializer<RequestTriage> triage() {
                Deserializer<GenericRecord> projection =
                        WireFormatDeserializer.projection(RequestTriage.SCHEMA, schemas);
                Map<Integer, Optional<TriageDecoder>> plans = new ConcurrentHashMap<>();
                return (topic, bytes) -> {
                    int id = WireFormatDeserializer.schemaId(topic, bytes);
                    Optional<TriageDecoder> plan =
                            plans.computeIfAbsent(id, i -> TriageDecoder.forWriter(schemas.apply(i)));
                    return plan.isPresent()
                            ? read(plan.get(), topic, bytes, WireFormatDeserializer.HEADER)
                            : RequestTriage.of(projection.deserialize(topic, bytes));
                };
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
            public Deserializer<RequestTriage> triage() {
                TriageDecoder plan =
                        TriageDecoder.forWriter(ProxyEvent.getClassSchema()).orElseThrow();
                return (topic, bytes) -> read(plan, topic, bytes, 0);
            }
        };
    }
}
