package org.trustwatch.pipeline.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class TopicTallyTest {

    @Test
    void anAgentsDeadLetterIsShownByFileAndLine() {
        assertEquals(
                "/logs/access.log:7: not a Squid line",
                TopicTally.reason(letter(
                        "trustwatch.dlq.reason", "not a Squid line",
                        "trustwatch.dlq.file", "/logs/access.log",
                        "trustwatch.dlq.line", "7")));
    }

    @Test
    void theAppsAndTheSinksAreShownByWhereTheRecordCameFrom() {
        assertEquals(
                "events.proxy-0@12: cannot read the record",
                TopicTally.reason(letter(
                        "trustwatch.dlq.reason", "cannot read the record",
                        "trustwatch.dlq.topic", "events.proxy",
                        "trustwatch.dlq.partition", "0",
                        "trustwatch.dlq.offset", "12")));
        assertEquals(
                "incidents-0@3: mapper_parsing_exception",
                TopicTally.reason(letter(
                        "__connect.errors.exception.message", "mapper_parsing_exception",
                        "__connect.errors.topic", "incidents",
                        "__connect.errors.partition", "0",
                        "__connect.errors.offset", "3")));
        assertEquals("dlq-0@5: (no reason given)", TopicTally.reason(letter()));
    }

    private static ConsumerRecord<byte[], byte[]> letter(String... headers) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("dlq", 0, 5, null, new byte[0]);
        for (int i = 0; i < headers.length; i += 2) {
            record.headers().add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
