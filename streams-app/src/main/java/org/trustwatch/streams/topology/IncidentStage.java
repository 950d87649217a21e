package org.trustwatch.streams.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.trustwatch.schema.Alert;
import org.trustwatch.schema.Incident;
import org.trustwatch.streams.incident.AlertRouter;
import org.trustwatch.streams.incident.Detection;
import org.trustwatch.streams.incident.IncidentTracker;
import org.trustwatch.streams.settings.Catalogue;
import org.trustwatch.streams.settings.Settings;

/**
 * Third stage, keyed by incident id: merges detections into the incident kept in {@value #STORE}, forwards every
 * change of an incident and the alert it calls for. Incidents whose suppression window closed (plus the grace) are
 * final and leave the store; the topic keeps them.
 */
final class IncidentStage implements Processor<String, Detection, String, Object> {

    static final String STORE = "incidents";

    private final Settings settings;
    private final IncidentTracker tracker;
    private final SharedReference reference;
    private final AlertRouter router;
    private KeyValueStore<String, Incident> store;
    private ProcessorContext<String, Object> context;

    IncidentStage(SharedReference reference, Settings settings, IncidentTracker tracker, AlertRouter router) {
        this.reference = reference;
        this.settings = settings;
        this.tracker = tracker;
        this.router = router;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        context.schedule(Duration.ofMinutes(10), PunctuationType.WALL_CLOCK_TIME, now -> closeFinished());
    }

    @Override
    public void process(Record<String, Detection> record) {
        Detection d = record.value();
        if (d == null) {
            return;
        }
        Incident before = store.get(record.key());
        Incident after = tracker.apply(before, d);
        if (after == before) {
            return;
        }
        store.put(record.key(), after);
        context.forward(
                new Record<>(record.key(), (Object) after, after.getUpdatedAt().toEpochMilli(), record.headers()));
        Alert alert = reference.read(index -> router.route(before, after));
        if (alert != null) {
            context.forward(new Record<>(
                    record.key(), (Object) alert, after.getUpdatedAt().toEpochMilli(), record.headers()));
        }
    }

    private void closeFinished() {
        long streamTime = context.currentStreamTimeMs();
        long closed = settings.trust(Catalogue.SUPPRESSION_WINDOW).toMillis()
                + settings.trust(Catalogue.GRACE).toMillis();
        List<String> done = new ArrayList<>();
        try (KeyValueIterator<String, Incident> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, Incident> kv = all.next();
                if (kv.value.getWindowStart().toEpochMilli() + closed < streamTime) {
                    done.add(kv.key);
                }
            }
        }
        done.forEach(store::delete);
    }
}
