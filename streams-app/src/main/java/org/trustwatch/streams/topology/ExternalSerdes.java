package org.trustwatch.streams.topology;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.Serde;
import org.trustwatch.schema.serde.RegistrySerdes;

/** How records on the topics people and other tools read are written: through the registry, or plain offline. */
@FunctionalInterface
public interface ExternalSerdes {

    <T extends SpecificRecordBase> Serde<T> value(Class<T> type);

    static ExternalSerdes registry(String registryUrl) {
        return new ExternalSerdes() {
            @Override
            public <T extends SpecificRecordBase> Serde<T> value(Class<T> type) {
                return RegistrySerdes.valueSerde(registryUrl);
            }
        };
    }

    static ExternalSerdes plain() {
        return new ExternalSerdes() {
            @Override
            public <T extends SpecificRecordBase> Serde<T> value(Class<T> type) {
                return PlainAvroSerde.of(type);
            }
        };
    }
}
