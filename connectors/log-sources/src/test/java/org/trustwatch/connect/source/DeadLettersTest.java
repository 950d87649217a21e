package org.trustwatch.connect.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.trustwatch.ingest.LineReader;
import org.trustwatch.ingest.RawLine;

class DeadLettersTest {

    private final DeadLetters deadLetters = new DeadLetters("dlq.proxy", "squid", "proxy-sch-001");

    @Test
    void sendsTheRawLineWithWhereItCameFromAndWhy() {
        RawLine line = new RawLine("caf\u00e9 is not a squid line", "/var/log/squid/access.log", 42, 8190);
        Map<String, ?> partition = FileOffset.partition("/var/log/squid/access.log");
        Map<String, ?> offset = new FileOffset(8217, 42, 8217, 1024, "ab").toMap();

        SourceRecord record = deadLetters.record(line, "has 4 field(s)", partition, offset);

        assertEquals("dlq.proxy", record.topic());
        assertNull(record.kafkaPartition());
        assertArrayEquals("caf\u00e9 is not a squid line".getBytes(StandardCharsets.UTF_8), (byte[]) record.value());
        assertArrayEquals("/var/log/squid/access.log:42".getBytes(StandardCharsets.UTF_8), (byte[]) record.key());
        assertEquals(Schema.OPTIONAL_BYTES_SCHEMA, record.keySchema());
        assertEquals(Schema.OPTIONAL_BYTES_SCHEMA, record.valueSchema());
        assertEquals(partition, record.sourcePartition());
        assertEquals(offset, record.sourceOffset());
        assertEquals(
                Map.of(
                        "trustwatch.dlq.reason", "has 4 field(s)",
                        "trustwatch.dlq.file", "/var/log/squid/access.log",
                        "trustwatch.dlq.line", 42L,
                        "trustwatch.dlq.format", "squid",
                        "trustwatch.dlq.connector", "proxy-sch-001"),
                headers(record));
    }

    @Test
    void anOversizedLineHasNoValueButKeepsItsHeaders() {
        RawLine line = new RawLine(LineReader.OVERSIZED, "/var/log/squid/access.log", 7, 100);

        SourceRecord record = deadLetters.record(line, "line is longer than 1024 bytes: not read", null, null);

        assertNull(record.value());
        assertArrayEquals("/var/log/squid/access.log:7".getBytes(StandardCharsets.UTF_8), (byte[]) record.key());
        assertEquals("line is longer than 1024 bytes: not read", headers(record).get("trustwatch.dlq.reason"));
        assertEquals(7L, headers(record).get("trustwatch.dlq.line"));
        assertEquals(5, headers(record).size());
    }

    @Test
    void keysASyslogLineByItsSenderAndNumber() {
        RawLine line = RawLine.of("garbage", "syslog:udp:10.0.0.9", 3);

        SourceRecord record = deadLetters.record(line, "has 1 field(s)", null, null);

        assertArrayEquals("syslog:udp:10.0.0.9:3".getBytes(StandardCharsets.UTF_8), (byte[]) record.key());
        assertEquals("syslog:udp:10.0.0.9", headers(record).get("trustwatch.dlq.file"));
        assertNull(record.sourcePartition());
        assertNull(record.sourceOffset());
    }

    private static Map<String, Object> headers(SourceRecord record) {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return headers;
    }
}
