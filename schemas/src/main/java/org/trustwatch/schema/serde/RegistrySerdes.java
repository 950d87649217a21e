package org.trustwatch.schema.serde;

import io.apicurio.registry.serde.Default4ByteIdHandler;
import io.apicurio.registry.serde.avro.AvroSerde;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.IdOption;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.apicurio.registry.serde.kafka.config.KafkaSerdeConfig;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Avro serdes backed by the schema registry, writing the Confluent wire format (magic byte 0 + 4-byte schema
 * id + Avro binary) so that any Confluent-compatible client can read the topics.
 */
public final class RegistrySerdes {

    /** The Apicurio serde talks to the registry's native v3 API, not to its Confluent-compatible one. */
    static final String REGISTRY_API_PATH = "/apis/registry/v3";

    private RegistrySerdes() {}

    /**
     * Serde configuration for a registry at {@code registryBaseUrl}, e.g. {@code http://127.0.0.1:8080}.
     *
     * @throws IllegalArgumentException when the URL is blank
     */
    public static Map<String, Object> config(String registryBaseUrl) {
        return Map.of(
                SerdeConfig.REGISTRY_URL,
                apiUrl(registryBaseUrl),
                SerdeConfig.AUTO_REGISTER_ARTIFACT,
                true,
                AvroSerdeConfig.USE_SPECIFIC_AVRO_READER,
                true,
                // The schema id travels in the payload, as Confluent clients expect, never in record headers.
                KafkaSerdeConfig.ENABLE_HEADERS,
                false,
                SerdeConfig.ID_HANDLER,
                Default4ByteIdHandler.class.getName(),
                // The registry's Confluent-compatible API uses contentIds as schema ids (unless in legacy-id mode).
                SerdeConfig.USE_ID,
                IdOption.contentId.name(),
                // One self-contained schema per subject: shared enums inlined, not registered as references
                // that clients without reference support cannot follow.
                SerdeConfig.DEREFERENCE_SCHEMA,
                true);
    }

    /** A configured serde for record keys. */
    public static <T extends SpecificRecord> Serde<T> keySerde(String registryBaseUrl) {
        return configured(registryBaseUrl, true);
    }

    /** A configured serde for record values. */
    public static <T extends SpecificRecord> Serde<T> valueSerde(String registryBaseUrl) {
        return configured(registryBaseUrl, false);
    }

    /**
     * Apicurio's serializer registers a schema and names its id on the first record of each schema and topic; after
     * that {@link WireFormatSerializer} writes the same bytes itself and {@link WireFormatDeserializer} reads them, a
     * writer and a reader made once per schema instead of once per record.
     */
    private static <T extends SpecificRecord> Serde<T> configured(String registryBaseUrl, boolean isKey) {
        AvroSerde<T> serde = new AvroSerde<>();
        serde.configure(config(registryBaseUrl), isKey);
        return Serdes.serdeFrom(
                new WireFormatSerializer<>(serde.serializer()),
                WireFormatDeserializer.specific(new RegistrySchemaLookup(registryBaseUrl)));
    }

    private static String apiUrl(String registryBaseUrl) {
        if (registryBaseUrl == null || registryBaseUrl.isBlank()) {
            throw new IllegalArgumentException(
                    "schema registry URL is empty: give the registry's base URL, e.g. http://127.0.0.1:8080");
        }
        return registryBaseUrl.strip().replaceAll("/+$", "") + REGISTRY_API_PATH;
    }
}
