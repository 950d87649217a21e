package org.trustwatch.connect.source;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.trustwatch.ingest.LogFiles;
import org.trustwatch.ingest.RawLine;

/**
 * Records for the dead-letter topic: the raw line as the value, and headers that say where it came from and why it
 * was refused, so a person can find it, fix the source or the parser, and replay it.
 */
final class DeadLetters {

    static final String REASON_HEADER = "trustwatch.dlq.reason";
    static final String FILE_HEADER = "trustwatch.dlq.file";
    static final String LINE_HEADER = "trustwatch.dlq.line";
    static final String FORMAT_HEADER = "trustwatch.dlq.format";
    static final String CONNECTOR_HEADER = "trustwatch.dlq.connector";

    private final String topic;
    private final String format;
    private final String connector;

    DeadLetters(String topic, String format, String connector) {
        this.topic = topic;
        this.format = format;
        this.connector = connector;
    }

    SourceRecord record(RawLine line, String reason, Map<String, ?> partition, Map<String, ?> offset) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString(REASON_HEADER, reason);
        headers.addString(FILE_HEADER, line.file());
        headers.addLong(LINE_HEADER, line.lineNumber());
        headers.addString(FORMAT_HEADER, format);
        headers.addString(CONNECTOR_HEADER, connector);
        byte[] raw = LogFiles.isOversized(line) ? null : line.text().getBytes(StandardCharsets.UTF_8);
        byte[] key = (line.file() + ":" + line.lineNumber()).getBytes(StandardCharsets.UTF_8);
        return new SourceRecord(
                partition,
                offset,
                topic,
                null,
                Schema.OPTIONAL_BYTES_SCHEMA,
                key,
                Schema.OPTIONAL_BYTES_SCHEMA,
                raw,
                null,
                headers);
    }
}
