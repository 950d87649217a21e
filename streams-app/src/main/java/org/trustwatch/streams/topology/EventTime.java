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
        if (record.value() instanceof SpecificRecord event) {
            var field = event.getSchema().getField("timestamp");
            if (field != null && event.get(field.pos()) instanceof Instant at) {
                return at.toEpochMilli();
            }
        }
        return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
    }
}
