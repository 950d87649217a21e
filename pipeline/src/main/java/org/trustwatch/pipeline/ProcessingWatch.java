package org.trustwatch.pipeline;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trustwatch.pipeline.connect.ConnectRest;
import org.trustwatch.pipeline.correlation.CorrelationProcess;
import org.trustwatch.pipeline.kafka.GroupLag;

/**
 * Waits until the correlation app has processed every event (its group is behind by nothing on its inputs and its
 * repartition topics) and the sink has written every record Elasticsearch is to hold (its group is behind by nothing).
 * Both must hold on two checks a second apart, so a change written between the two reads is not missed.
 */
final class ProcessingWatch {

    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private final GroupLag appLag;
    /** null when the app runs elsewhere. */
    private final CorrelationProcess app;

    private final String applicationId;
    private final List<String> appInputs;
    private final GroupLag sinkLag;
    private final ConnectRest connect;
    private final String sink;
    private final List<String> sinkTopics;
    private final PrintStream out;

    ProcessingWatch(
            GroupLag appLag,
            CorrelationProcess app,
            String applicationId,
            List<String> appInputs,
            GroupLag sinkLag,
            ConnectRest connect,
            String sink,
            List<String> sinkTopics,
            PrintStream out) {
        this.appLag = appLag;
        this.sinkLag = sinkLag;
        this.app = app;
        this.applicationId = applicationId;
        this.appInputs = appInputs;
        this.connect = connect;
        this.sink = sink;
        this.sinkTopics = sinkTopics;
        this.out = out;
    }

    void await(long deadlineNanos) {
        long started = System.nanoTime();
        long lastProgress = started;
        int quiet = 0;
        while (true) {
            if (app != null && app.running().isEmpty()) {
                throw app.failure("its process exited");
            }
            Optional<String> failed = connect.status(sink).flatMap(ConnectRest::failure);
            if (failed.isPresent()) {
                throw new PipelineException(failed.get() + "\nWhat to do: fix the cause (the worker's log:"
                        + " './trustwatch stack logs connect'), then run again.");
            }
            List<String> inputs = new ArrayList<>(appInputs);
            inputs.addAll(appLag.topicsLike(applicationId + "-", "-repartition"));
            long correlating = appLag.behind(applicationId, inputs);
            long indexing = sinkLag.behind("connect-" + sink, sinkTopics);
            quiet = correlating == 0 && indexing == 0 ? quiet + 1 : 0;
            if (quiet >= 2) {
                out.printf("  correlated and indexed everything (%.1f s)%n", (System.nanoTime() - started) / 1e9);
                return;
            }
            long now = System.nanoTime();
            if (now > deadlineNanos) {
                throw new PipelineException(String.format(
                        "Not everything was processed in time: the correlation app is %d records behind (its log: %s),"
                                + " the sink %d (log: './trustwatch stack logs connect'). What to do: look there for"
                                + " errors; on a busy machine give it longer (--timeout).",
                        correlating, app == null ? "where it runs" : app.logFile(), indexing));
            }
            if (now - lastProgress > PROGRESS_EVERY_NANOS) {
                lastProgress = now;
                out.printf(
                        "  %5.1f s  correlation %d records behind, sink %d records behind%n",
                        (now - started) / 1e9, correlating, indexing);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PipelineException("interrupted while waiting for the pipeline", e);
            }
        }
    }
}
