package org.trustwatch.connect.elastic;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustwatch.elastic.client.ElasticClients;
import org.trustwatch.elastic.client.ElasticHandle;
import org.trustwatch.elastic.document.EventDocument;
import org.trustwatch.elastic.document.IncidentDocument;
import org.trustwatch.elastic.index.IndexLayer;

/**
 * Reads each record, hands events to the bulk writer and incidents to the upserter, and commits only offsets whose
 * records Elasticsearch acknowledged (or that had nothing to write). Pauses its partitions while too much waits for
 * Elasticsearch, e.g. during an outage, and resumes them when half of it is written.
 */
public class ElasticsearchSinkTask extends SinkTask {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchSinkTask.class);

    private ElasticsearchSinkConfig config;
    private ElasticHandle elastic;
    private RecordDecoder decoder;
    private BulkWriter writer;
    private IncidentUpserter upserter;
    private ErrantRecordReporter reporter;
    private final OffsetTracker offsets = new OffsetTracker();
    private final SinkMetrics metrics = new SinkMetrics();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private boolean paused;

    @Override
    public String version() {
        return ElasticsearchSinkConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new ElasticsearchSinkConfig(props);
        elastic = ElasticClients.open(config.connection());
        installIndexLayer();
        decoder = new RecordDecoder(config.registryUrl());
        reporter = errantRecordReporter();
        WriteOutcomes outcomes = new Acknowledger();
        writer = new BulkWriter(elastic.client(), config, outcomes, pending -> upserter.reconsider(pending), metrics);
        upserter = new IncidentUpserter(elastic.client(), writer, outcomes, config, metrics);
        metrics.register(context.pluginMetrics());
        log.info("Elasticsearch sink task writing to {}", elastic.connection());
    }

    /** Tries for a while, since the task may start while the cluster is still coming up. */
    private void installIndexLayer() {
        Backoff backoff = config.backoff();
        for (int attempt = 1; ; attempt++) {
            try {
                IndexLayer.install(elastic.client()).forEach(action -> log.info("index layer: {}", action));
                return;
            } catch (IOException | RuntimeException e) {
                if (!Failures.isTransient(e) || attempt >= 8) {
                    throw new ConnectException(
                            "cannot install the index layer in Elasticsearch at " + elastic.connection() + ": "
                                    + Failures.describe(e) + ". Check that the cluster is up and that the credentials"
                                    + " may manage index templates, then restart the task.",
                            e);
                }
                log.warn("Elasticsearch is not reachable yet ({}); trying again", Failures.describe(e));
                sleep(backoff.delayMs(attempt));
            }
        }
    }

    private ErrantRecordReporter errantRecordReporter() {
        try {
            return context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            return null; // a worker older than Kafka 2.6
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        String failed = failure.get();
        if (failed != null) {
            throw new ConnectException(failed);
        }
        Map<String, IncidentUpserter.Update> incidents = new LinkedHashMap<>();
        for (SinkRecord record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.kafkaPartition());
            offsets.waiting(partition, record.kafkaOffset(), sizeOf(record));
            route(record, incidents);
        }
        if (!incidents.isEmpty()) {
            upserter.submit(List.copyOf(incidents.values()));
        }
        applyBackPressure();
    }

    private void route(SinkRecord record, Map<String, IncidentUpserter.Update> incidents) {
        if (!(record.value() instanceof byte[] value)) {
            // a tombstone, or a converter other than ByteArrayConverter: nothing this sink can index
            if (record.value() == null) {
                done(record, true);
            } else {
                dead(
                        record,
                        "the value is a " + record.value().getClass().getSimpleName() + ", not bytes: set"
                                + " value.converter to " + ElasticsearchSinkConnector.BYTE_ARRAY_CONVERTER);
            }
            return;
        }
        GenericRecord decoded;
        try {
            decoded = decoder.decode(record.topic(), value);
        } catch (RuntimeException e) {
            dead(record, "not an Avro record the registry knows: " + Failures.describe(e));
            return;
        }
        try {
            if (record.topic().equals(config.incidentsTopic())) {
                IncidentDocument incident = IncidentDocument.of(decoded);
                // the latest version of an incident in a batch is the one to write; earlier ones are superseded
                IncidentUpserter.Update earlier = incidents.get(incident.id());
                if (earlier != null && earlier.document().version() > incident.version()) {
                    done(record, true);
                    return;
                }
                if (earlier != null) {
                    done(earlier.record(), true);
                }
                incidents.put(incident.id(), new IncidentUpserter.Update(record, incident, 0));
            } else {
                EventDocument event = EventDocument.of(decoded);
                BinaryData json = BinaryData.of(event.json(), ContentType.APPLICATION_JSON);
                writer.submit(Pending.event(
                        record,
                        BulkOperation.of(op -> op.create(create ->
                                create.index(event.index()).id(event.id()).document(json)))));
            }
        } catch (IllegalArgumentException e) {
            dead(record, e.getMessage());
        }
    }

    private void applyBackPressure() {
        int waiting = offsets.waitingRecords();
        long bytes = offsets.waitingBytes();
        if (!paused && (waiting >= config.maxBufferedRecords() || bytes >= config.maxBufferedBytes())) {
            context.pause(context.assignment().toArray(TopicPartition[]::new));
            paused = true;
            log.info("{} records ({} bytes) wait for Elasticsearch: partitions paused", waiting, bytes);
        } else if (paused && waiting <= config.maxBufferedRecords() / 2 && bytes <= config.maxBufferedBytes() / 2) {
            context.resume(context.assignment().toArray(TopicPartition[]::new));
            paused = false;
            log.info("{} records wait for Elasticsearch: partitions resumed", waiting);
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        return offsets.committable().entrySet().stream()
                .filter(entry -> currentOffsets.containsKey(entry.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        if (paused) {
            context.pause(partitions.toArray(TopicPartition[]::new));
        }
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        // writes in flight for these partitions still land (idempotently); their offsets are now another task's
        offsets.forget(partitions);
    }

    @Override
    public void stop() {
        if (upserter != null) {
            upserter.close();
        }
        if (writer != null) {
            writer.close();
        }
        if (decoder != null) {
            decoder.close();
        }
        if (elastic != null) {
            try {
                elastic.close();
            } catch (IOException e) {
                log.debug("closing the Elasticsearch client: {}", e.toString());
            }
        }
        log.info("Elasticsearch sink task stopped: {}", metrics);
    }

    private void done(SinkRecord record, boolean skipped) {
        if (skipped) {
            metrics.skipped.incrementAndGet();
        } else {
            metrics.written.incrementAndGet();
        }
        offsets.done(new TopicPartition(record.topic(), record.kafkaPartition()), record.kafkaOffset());
    }

    private void dead(SinkRecord record, String reason) {
        if (reporter == null) {
            failure.compareAndSet(
                    null,
                    "record " + record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset()
                            + " cannot be indexed (" + reason + ") and there is no dead-letter queue: set"
                            + " errors.tolerance=all and errors.deadletterqueue.topic.name on the connector");
            return;
        }
        try {
            // Connect waits for the dead-letter write before it commits this offset
            reporter.report(record, new DataException(reason));
        } catch (RuntimeException e) {
            // errors.tolerance=none: the framework refuses to skip the record
            failure.compareAndSet(
                    null,
                    "record " + record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset()
                            + " cannot be indexed (" + reason + "); set errors.tolerance=all and"
                            + " errors.deadletterqueue.topic.name to send such records to a dead-letter queue");
            return;
        }
        metrics.deadLettered.incrementAndGet();
        offsets.done(new TopicPartition(record.topic(), record.kafkaPartition()), record.kafkaOffset());
    }

    private static long sizeOf(SinkRecord record) {
        return record.value() instanceof byte[] bytes ? bytes.length : 0;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while waiting for Elasticsearch", e);
        }
    }

    /** Turns the writers' outcomes into offsets, dead letters and metrics; called from the writers' threads. */
    private final class Acknowledger implements WriteOutcomes {
        @Override
        public void written(SinkRecord record) {
            done(record, false);
        }

        @Override
        public void skipped(SinkRecord record) {
            done(record, true);
        }

        @Override
        public void rejected(SinkRecord record, String reason) {
            // the reason may quote a field's value, i.e. personal data: it goes to the dead-letter queue, not the log
            log.warn(
                    "record {}-{}@{} refused by Elasticsearch: sent to the dead-letter queue",
                    record.topic(),
                    record.kafkaPartition(),
                    record.kafkaOffset());
            dead(record, reason);
        }

        @Override
        public void failed(String message) {
            if (failure.compareAndSet(null, message)) {
                log.error("the task will stop: {}", message);
            }
        }
    }
}
