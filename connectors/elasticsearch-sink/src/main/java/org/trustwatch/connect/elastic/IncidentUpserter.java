package org.trustwatch.connect.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.sink.SinkRecord;
import org.trustwatch.elastic.document.IncidentDocument;
import org.trustwatch.elastic.index.IndexNames;

/**
 * Writes incidents so that people's fields survive, without scripting: read the stored documents (one mget per
 * batch), skip a record whose version the index already has (so a replay writes nothing), create a missing incident,
 * and replace the machine fields of an older one with a write that only succeeds if the document is still the one
 * that was read ({@code if_seq_no}/{@code if_primary_term}). When a person or another write changed it in between,
 * Elasticsearch answers 409 and the record is planned again from a fresh read.
 *
 * <p>Planning runs on a thread of its own so that a slow or absent cluster never blocks the task's {@code put}.
 */
final class IncidentUpserter implements AutoCloseable {

    /** A document that changes under the sink this often in a row is being fought over; better to stop and say so. */
    static final int MAX_CONFLICTS = 50;

    private static final ObjectMapper JSON = new ObjectMapper();

    record Update(SinkRecord record, IncidentDocument document, int conflicts) {}

    private final ElasticsearchClient client;
    private final BulkWriter writer;
    private final WriteOutcomes outcomes;
    private final Backoff backoff;
    private final int maxAttempts;
    private final SinkMetrics metrics;
    private final ScheduledExecutorService planner =
            Executors.newSingleThreadScheduledExecutor(runnable -> BulkWriter.daemon(runnable, "es-sink-incidents"));

    IncidentUpserter(
            ElasticsearchClient client,
            BulkWriter writer,
            WriteOutcomes outcomes,
            ElasticsearchSinkConfig config,
            SinkMetrics metrics) {
        this.client = client;
        this.writer = writer;
        this.outcomes = outcomes;
        this.backoff = config.backoff();
        this.maxAttempts = config.retryMaxAttempts();
        this.metrics = metrics;
    }

    /** Plans the latest update of each incident of a batch (one record per id). */
    void submit(List<Update> updates) {
        run(() -> plan(updates, 0), 0);
    }

    /** A write found the document changed since it was read: read it again and decide again. */
    void reconsider(Pending pending) {
        int conflicts = pending.conflicts + 1;
        if (conflicts > MAX_CONFLICTS) {
            outcomes.failed("incident " + pending.incident.id() + " changed " + MAX_CONFLICTS
                    + " times while the sink tried to update it; is another writer replacing it in a loop?");
            return;
        }
        run(() -> plan(List.of(new Update(pending.record, pending.incident, conflicts)), 0), 0);
    }

    private void plan(List<Update> updates, int readAttempts) {
        Map<String, MultiGetResponseItem<ObjectNode>> stored;
        try {
            stored = read(updates);
        } catch (Exception e) {
            if (!Failures.isTransient(e)) {
                outcomes.failed("cannot read incidents from " + IndexNames.INCIDENTS_ALIAS + ": "
                        + Failures.describe(e) + ". Check that the index layer is installed (the task installs it"
                        + " when it starts) and that the credentials may read it.");
                return;
            }
            int attempt = readAttempts + 1;
            if (maxAttempts > 0 && attempt > maxAttempts) {
                outcomes.failed("gave up reading incidents after " + maxAttempts + " retries: " + Failures.describe(e)
                        + ". Raise " + ElasticsearchSinkConfig.RETRY_MAX_ATTEMPTS_CONFIG + " or make the cluster"
                        + " available, then restart the task.");
                return;
            }
            metrics.retried.incrementAndGet();
            run(() -> plan(updates, attempt), backoff.delayMs(attempt));
            return;
        }
        for (Update update : updates) {
            MultiGetResponseItem<ObjectNode> item = stored.get(update.document().id());
            if (item == null || item.isFailure()) {
                // a shard could not answer for this id: read it again later, like any transient failure
                metrics.retried.incrementAndGet();
                run(() -> plan(List.of(update), readAttempts + 1), backoff.delayMs(readAttempts + 1));
                continue;
            }
            BulkOperation write = decide(update, item.result());
            if (write == null) {
                outcomes.skipped(update.record());
            } else {
                writer.submit(Pending.incident(update.record(), write, update.document(), update.conflicts()));
            }
        }
    }

    /** The write an update needs given what is stored, or null when the index already has this version or later. */
    static BulkOperation decide(Update update, GetResult<ObjectNode> stored) {
        IncidentDocument document = update.document();
        if (!stored.found()) {
            BinaryData created = json(document.created());
            return BulkOperation.of(op -> op.create(create ->
                    create.index(IndexNames.INCIDENTS_ALIAS).id(document.id()).document(created)));
        }
        if (IncidentDocument.storedVersion(stored.source()) >= document.version()) {
            return null;
        }
        BinaryData replaced = json(document.replacing(stored.source()));
        return BulkOperation.of(op -> op.index(index -> index.index(stored.index())
                .id(document.id())
                .ifSeqNo(stored.seqNo())
                .ifPrimaryTerm(stored.primaryTerm())
                .document(replaced)));
    }

    private Map<String, MultiGetResponseItem<ObjectNode>> read(List<Update> updates) throws Exception {
        List<String> ids =
                updates.stream().map(u -> u.document().id()).distinct().toList();
        Map<String, MultiGetResponseItem<ObjectNode>> byId = new HashMap<>();
        for (MultiGetResponseItem<ObjectNode> item : client.mget(
                        get -> get.index(IndexNames.INCIDENTS_ALIAS).ids(ids), ObjectNode.class)
                .docs()) {
            byId.put(item.isResult() ? item.result().id() : item.failure().id(), item);
        }
        return byId;
    }

    private void run(Runnable step, long delayMs) {
        try {
            planner.schedule(
                    () -> {
                        try {
                            step.run();
                        } catch (RuntimeException e) {
                            outcomes.failed("planning incident writes failed: " + Failures.describe(e));
                        }
                    },
                    delayMs,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the task is stopping: these records were never acknowledged, so their offsets are read again
        }
    }

    static BinaryData json(ObjectNode document) {
        try {
            return BinaryData.of(JSON.writeValueAsBytes(document), ContentType.APPLICATION_JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    @Override
    public void close() {
        planner.shutdownNow();
    }
}
