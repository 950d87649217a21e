package org.trustwatch.connect.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends writes in bulk through a {@link BulkIngester} (by count, bytes and flush interval) and sorts each item's
 * answer: acknowledged writes are reported, transient failures sent again after a jittered back-off, documents
 * Elasticsearch refuses dead-lettered, incident conflicts handed back to be planned again.
 *
 * <p>The listener runs on the HTTP client's threads, so it never blocks: a retry is scheduled on a thread of its
 * own, since adding to a full ingester waits for a request to finish.
 */
final class BulkWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BulkWriter.class);

    private final BulkIngester<Pending> ingester;
    private final WriteOutcomes outcomes;
    private final Consumer<Pending> conflicts;
    private final Backoff backoff;
    private final int maxAttempts;
    private final SinkMetrics metrics;
    private final ScheduledExecutorService retries =
            Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "es-sink-retry"));

    BulkWriter(
            ElasticsearchClient client,
            ElasticsearchSinkConfig config,
            WriteOutcomes outcomes,
            Consumer<Pending> conflicts,
            SinkMetrics metrics) {
        this.outcomes = outcomes;
        this.conflicts = conflicts;
        this.backoff = config.backoff();
        this.maxAttempts = config.retryMaxAttempts();
        this.metrics = metrics;
        this.ingester = BulkIngester.of(builder -> builder.client(client)
                .maxOperations(config.batchRecords())
                .maxSize(config.batchBytes())
                .maxConcurrentRequests(config.maxRequests())
                .flushInterval(config.flushIntervalMs(), TimeUnit.MILLISECONDS)
                .listener(new Listener()));
    }

    /** Queues a write; waits only when every request slot is busy and the current batch is full. */
    void submit(Pending pending) {
        ingester.add(pending.operation, pending);
    }

    /** Sends what is queued now rather than at the next flush interval. */
    void flush() {
        ingester.flush();
    }

    private final class Listener implements BulkListener<Pending> {
        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<Pending> contexts) {}

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Pending> contexts, BulkResponse response) {
            answered(contexts, response.items());
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Pending> contexts, Throwable failure) {
            failed(contexts, failure);
        }
    }

    void answered(List<Pending> contexts, List<BulkResponseItem> items) {
        for (int i = 0; i < contexts.size(); i++) {
            Pending pending = contexts.get(i);
            BulkResponseItem item = items.get(i);
            switch (Failures.of(item, pending.isIncident())) {
                case WRITTEN -> outcomes.written(pending.record);
                case ALREADY_THERE -> outcomes.skipped(pending.record);
                case CONFLICT -> conflicts.accept(pending);
                case RETRY -> retryLater(pending, Failures.reason(item));
                case REJECTED ->
                    outcomes.rejected(
                            pending.record,
                            "Elasticsearch refused document " + pending.target() + ": " + Failures.reason(item));
                case FATAL ->
                    outcomes.failed(
                            "Elasticsearch refused to write " + pending.target() + ": "
                                    + Failures.reason(item)
                                    + ". Fix the cause (index settings, permissions, disk) and restart"
                                    + " the task; records from the last committed offset are written again, without duplicates.");
            }
        }
    }

    void failed(List<Pending> contexts, Throwable failure) {
        if (!Failures.isTransient(failure)) {
            outcomes.failed("a bulk request of " + contexts.size() + " writes failed: " + Failures.describe(failure)
                    + ". Check the connection settings (elasticsearch.urls, credentials, TLS) and restart the task.");
            return;
        }
        if (!contexts.isEmpty() && contexts.get(0).attempts == 0) {
            log.warn(
                    "Elasticsearch did not take a bulk request of {} writes ({}); retrying with back-off",
                    contexts.size(),
                    Failures.describe(failure));
        }
        for (Pending pending : contexts) {
            retryLater(pending, Failures.describe(failure));
        }
    }

    private void retryLater(Pending pending, String reason) {
        pending.attempts++;
        if (maxAttempts > 0 && pending.attempts > maxAttempts) {
            outcomes.failed("gave up writing " + pending.target() + " after " + maxAttempts + " retries: " + reason
                    + ". Raise " + ElasticsearchSinkConfig.RETRY_MAX_ATTEMPTS_CONFIG
                    + " (0 retries without limit) or make the cluster available, then restart the task.");
            return;
        }
        metrics.retried.incrementAndGet();
        try {
            retries.schedule(() -> submit(pending), backoff.delayMs(pending.attempts), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the task is stopping: the record was never acknowledged, so its offset is read again next time
        }
    }

    /** Sends what is queued and waits for the answers; scheduled retries are dropped (their offsets never commit). */
    @Override
    public void close() {
        retries.shutdownNow();
        ingester.close();
    }

    static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
