package org.trustwatch.streams.topology;

import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time throughout: a record's time is the event's own {@code timestamp} field (when it happened), not when it
 * was written to Kafka; records without one keep the Kafka timestamp.
 */
public final class EventTime implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof ProxyRequest request) {
            return request.timestamp();
        }
        Instant at = record.value() instanceof SpecificRecord event ? of(event) : null;
        if (at != null) {
            return at.toEpochMilli();
        }
        return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
    }

    /** An event's own time (its {@code timestamp} field), or null for a record without one. */
    public static Instant of(SpecificRecord event) {
        var field = event.getSchema().getField("timestamp");
        return field != null && event.get(field.pos()) instanceof Instant at ? at : null;
    }
}
