package org.trustwatch.streams.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.trustwatch.schema.Evidence;
import org.trustwatch.streams.signal.Signal;

/**
 * An event that raised nothing but must not vanish (exempted, or later than the grace), as the evidence record of the
 * event keyed by its hash, with why in headers: {@code trustwatch.reason}, {@code trustwatch.exemption},
 * {@code trustwatch.category}, {@code trustwatch.rule}, {@code trustwatch.subject}; a late one also says what it was
 * late against ({@value #WHY_LATE}).
 */
final class Recorded implements Processor<String, Signal, String, Evidence> {

    static final String WHY_LATE = "trustwatch.late";

    private final String reason;
    private ProcessorContext<String, Evidence> context;

    Recorded(String reason) {
        this.reason = reason;
    }

    @Override
    public void init(ProcessorContext<String, Evidence> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Signal> record) {
        Signal s = record.value();
        RecordHeaders headers = new RecordHeaders();
        header(headers, "trustwatch.reason", reason);
        header(headers, "trustwatch.exemption", s.exemptionId());
        header(headers, "trustwatch.category", s.category().name());
        header(headers, "trustwatch.rule", s.rule());
        header(headers, "trustwatch.subject", s.subject());
        header(headers, "trustwatch.school", s.schoolId());
        Header why = record.headers().lastHeader(WHY_LATE);
        if (why != null) {
            headers.add(why);
        }
        context.forward(new Record<>(s.eventHash(), s.evidence(), record.timestamp(), headers));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
