package org.trustwatch.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElasticsearchServerArgsTest {

    @Test
    void writesFlagsKeystoreSettingsAndDirectoriesInElasticsearchsStreamFormat() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("node.name", "n1");
        settings.put("path.data", "/d/\u00e9");

        byte[] encoded = ElasticsearchServerArgs.encode("/p", settings, "/c", "/l");

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(new byte[] {1, 0, 1, 2, '/', 'p'});
        String keystore = "org.elasticsearch.common.settings.KeyStoreWrapper";
        expected.write(keystore.length());
        expected.writeBytes(keystore.getBytes(StandardCharsets.US_ASCII));
        expected.writeBytes(new byte[] {0, 0, 0, 6, 0, 0, 0, 0});
        expected.write(2); // two settings
        expected.write(9);
        expected.writeBytes("node.name".getBytes(StandardCharsets.US_ASCII));
        expected.writeBytes(new byte[] {0, 2, 'n', '1'});
        expected.write(9);
        expected.writeBytes("path.data".getBytes(StandardCharsets.US_ASCII));
        // four chars; the accented one takes two bytes
        expected.writeBytes(new byte[] {0, 4, '/', 'd', '/', (byte) 0xC3, (byte) 0xA9});
        expected.writeBytes(new byte[] {2, '/', 'c', 2, '/', 'l'});

        assertArrayEquals(expected.toByteArray(), encoded);
    }
}
