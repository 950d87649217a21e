package org.trustwatch.streams.topology;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's three exception handlers: a record that cannot be read, processed or written goes to the dead-letter
 * topic ({@code errors.dead.letter.queue.topic.name}) as its raw source bytes, with the reason, the stage and where
 * it came from in headers, and the app carries on. Each rejection is logged with where it came from.
 */
public final class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {}

    static List<ProducerRecord<byte[], byte[]>> record(
            String topic, ErrorHandlerContext context, String stage, Exception e) {
        String reason = e.getClass().getSimpleName() + ": " + (e.getMessage() == null ? "" : e.getMessage());
        LOG.warn(
                "{} failed on {}-{}@{} (node {}): {}; record sent to {}",
                stage,
                context.topic(),
                context.partition(),
                context.offset(),
                context.processorNodeId(),
                reason,
                topic);
        if (topic == null || topic.isBlank()) {
            return List.of();
        }
        RecordHeaders headers = new RecordHeaders();
        add(headers, "trustwatch.dlq.reason", reason);
        add(headers, "trustwatch.dlq.stage", stage);
        add(headers, "trustwatch.dlq.topic", context.topic());
        add(headers, "trustwatch.dlq.partition", String.valueOf(context.partition()));
        add(headers, "trustwatch.dlq.offset", String.valueOf(context.offset()));
        add(headers, "trustwatch.dlq.node", context.processorNodeId());
        return List.of(new ProducerRecord<>(topic, null, context.sourceRawKey(), context.sourceRawValue(), headers));
    }

    private static void add(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private abstract static class Configured {
        String topic;

        public void configure(Map<String, ?> configs) {
            Object t = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
            topic = t == null ? null : t.toString();
        }
    }

    /** Unreadable input (not Avro, unknown schema id, truncated). */
    public static final class Deserialization extends Configured implements DeserializationExceptionHandler {
        @Override
        public Response handleError(
                ErrorHandlerContext context,
                org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]> record,
                Exception exception) {
            return Response.resume(record(topic, context, "deserialization", exception));
        }
    }

    /** A processor threw on a record. */
    public static final class Processing extends Configured implements ProcessingExceptionHandler {
        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            return Response.resume(record(topic, context, "processing", exception));
        }
    }

    /** A result could not be serialized or written. */
    public static final class Production extends Configured implements ProductionExceptionHandler {
        @Override
        public Response handleError(
                ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
            // Retriable broker errors are retried by the producer itself; what reaches here will not succeed.
            return Response.resume(record(topic, context, "production", exception));
        }

        @Override
        public Response handleSerializationError(
                ErrorHandlerContext context,
                ProducerRecord record,
                Exception exception,
                SerializationExceptionOrigin origin) {
            return Response.resume(record(
                    topic, context, "serialization of the " + origin.name().toLowerCase(), exception));
        }
    }
}
