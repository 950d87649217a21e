package org.trustwatch.streams.topology;

import java.nio.ByteBuffer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.trustwatch.streams.signal.Signal;

/**
 * Marks each signal, before the repartition to the rules, with the partition of the task that made it
 * ({@value #HEADER}, four bytes): with the signal's source, the lane the rule stage keeps time for ({@link LaneClock}).
 * The input's own headers are not passed on: nothing after the rules reads them.
 */
final class LaneStamp implements Processor<String, Signal, String, Signal> {

    static final String HEADER = "trustwatch.lane";

    private ProcessorContext<String, Signal> context;
    private Header lane;

    @Override
    public void init(ProcessorContext<String, Signal> context) {
        this.context = context;
        this.lane = new RecordHeader(
                HEADER,
                ByteBuffer.allocate(4).putInt(context.taskId().partition()).array());
    }

    @Override
    public void process(Record<String, Signal> record) {
        context.forward(record.withHeaders(new RecordHeaders(new Header[] {lane})));
    }

    /** The partition a signal was stamped with; 0 when it was not (a record from an older version). */
    static int partitionOf(Headers headers) {
        Header h = headers.lastHeader(HEADER);
        return h == null || h.value() == null || h.value().length != 4
                ? 0
                : ByteBuffer.wrap(h.value()).getInt();
    }
}
