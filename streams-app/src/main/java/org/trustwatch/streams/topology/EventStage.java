package org.trustwatch.streams.topology;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.trustwatch.schema.IncidentReport;
import org.trustwatch.schema.MailEvent;
import org.trustwatch.streams.signal.Signal;
import org.trustwatch.streams.signal.SignalBundles;

/** First stage for mail and self-reports: no state, only signals keyed by what their rules group by. */
final class EventStage<V> implements Processor<String, V, String, Signal> {

    private final SharedReference reference;
    private final Stage1 stage;
    private ProcessorContext<String, Signal> context;

    EventStage(SharedReference reference, Stage1 stage) {
        this.reference = reference;
        this.stage = stage;
    }

    @Override
    public void init(ProcessorContext<String, Signal> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, V> record) {
        List<Signal> out = new ArrayList<>(4);
        reference.read(index -> {
            if (record.value() instanceof MailEvent m) {
                stage.mail().extract(m, out);
            } else if (record.value() instanceof IncidentReport r) {
                stage.reports().extract(r, out);
            }
            return null;
        });
        for (Signal s : SignalBundles.pack(out)) {
            context.forward(new Record<>(SignalBundles.route(s), s, record.timestamp(), record.headers()));
        }
    }
}
