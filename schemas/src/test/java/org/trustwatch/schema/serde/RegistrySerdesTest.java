package org.trustwatch.schema.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.ProxyEvent;

class RegistrySerdesTest {

    @Test
    void configWritesTheConfluentWireFormatThroughTheV3Api() {
        Map<String, Object> config = RegistrySerdes.config("http://127.0.0.1:8080");

        assertEquals("http://127.0.0.1:8080/apis/registry/v3", config.get("apicurio.registry.url"));
        assertEquals(true, config.get("apicurio.registry.auto-register"));
        assertEquals(true, config.get("apicurio.registry.use-specific-avro-reader"));
        assertEquals(false, config.get("apicurio.registry.headers.enabled"));
        assertEquals("io.apicurio.registry.serde.Default4ByteIdHandler", config.get("apicurio.registry.id-handler"));
        assertEquals("contentId", config.get("apicurio.registry.use-id"));
        assertEquals(true, config.get("apicurio.registry.dereference-schema"));
    }

    @Test
    void trailingSlashesOfTheBaseUrlAreDropped() {
        assertEquals(
                "http://registry:8080/apis/registry/v3",
                RegistrySerdes.config(" http://registry:8080// ").get("apicurio.registry.url"));
    }

    @Test
    void anEmptyUrlIsRejectedWithAnExample() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> RegistrySerdes.config(" "));
        assertTrue(error.getMessage().contains("http://"), error.getMessage());
    }

    @Test
    void serdesAreConfiguredWithoutContactingTheRegistry() {
        try (Serde<ProxyEvent> keys = RegistrySerdes.keySerde("http://127.0.0.1:9");
                Serde<ProxyEvent> values = RegistrySerdes.valueSerde("http://127.0.0.1:9")) {
            assertNotNull(keys.serializer());
            assertNotNull(values.deserializer());
        }
    }
}
