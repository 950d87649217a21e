package org.trustwatch.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    private static final Path HOME = Path.of("/srv/trustwatch");

    @Test
    void defaultsAreTheUsualPortsOnLoopbackAndADataDirInTheCheckout() {
        StackSettings settings = StackSettings.of(HOME, Map.of());

        assertEquals("127.0.0.1:9092", settings.kafkaBootstrap());
        assertEquals("http://127.0.0.1:8081", settings.registryUrl());
        assertEquals("http://127.0.0.1:9200", settings.elasticsearchUrl());
        assertEquals("http://127.0.0.1:8083", settings.connectUrl());
        assertEquals(HOME.resolve(".trustwatch/stack"), settings.dataDir());
    }

    @Test
    void variablesMovePortsAndData() {
        StackSettings settings = StackSettings.of(
                HOME, Map.of(StackSettings.KAFKA_PORT, "19092", StackSettings.DATA_DIR, "/var/lib/tw"));

        assertEquals(new PortSetting(StackSettings.KAFKA_PORT, 19092, "Kafka broker"), settings.kafkaPort());
        assertEquals(Path.of("/var/lib/tw/elasticsearch"), settings.serverDir("elasticsearch"));
    }

    @Test
    void aBadPortNamesTheVariableAndTheValue() {
        StackException e =
                assertThrows(StackException.class, () -> StackSettings.of(HOME, Map.of(StackSettings.ES_PORT, "92OO")));
        assertTrue(
                e.getMessage().startsWith("TRUSTWATCH_ES_PORT='92OO' is not a positive whole number"), e.getMessage());

        e = assertThrows(
                StackException.class, () -> StackSettings.of(HOME, Map.of(StackSettings.CONNECT_PORT, "70000")));
        assertTrue(e.getMessage().contains("TRUSTWATCH_CONNECT_PORT=70000 is not a port number"), e.getMessage());
    }

    @Test
    void overridesReplaceOnlyWhatTheyName() {
        StackSettings settings = StackSettings.of(HOME, Map.of(StackSettings.KAFKA_PORT, "1234"))
                .with(Map.of(StackSettings.ES_PORT, "4321"));

        assertEquals(1234, settings.kafkaPort().port());
        assertEquals(4321, settings.esPort().port());
    }
}
