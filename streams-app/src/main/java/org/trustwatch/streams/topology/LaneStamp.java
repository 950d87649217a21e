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
 * The input's own headers are not passed on: nothing after the rules reads them; a lane time ({@value #TIME_HEADER})
 * is. The logons are marked the same way before their repartition to the address stage ({@link LogonLanes}).
 */
final class LaneStamp implements Processor<String, Signal, String, Signal> {

    static final String HEADER = "trustwatch.lane";
    /**
     * How far the signal's lane has come (eight bytes, epoch ms), when the stage that made it holds some of its
     * output back ({@link IpStage}): the rule stage moves the lane to this, not to the signal's own time.
     */
    static final String TIME_HEADER = "trustwatch.lane-time";

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
        Header time = record.headers().lastHeader(TIME_HEADER);
        context.forward(
                record.withHeaders(new RecordHeaders(time == null ? new Header[] {lane} : new Header[] {lane, time})));
    }

    /** Headers that carry a lane time ({@link #TIME_HEADER}). */
    static Headers withLaneTime(long time) {
        return new RecordHeaders(new Header[] {
            new RecordHeader(TIME_HEADER, ByteBuffer.allocate(8).putLong(time).array())
        });
    }

    /** The lane time a signal carries, or its own time when it carries none (or a later one). */
    static long laneTimeOf(Headers headers, long signalTime) {
        Header h = headers.lastHeader(TIME_HEADER);
        if (h == null || h.value() == null || h.value().length != 8) {
            return signalTime;
        }
        return Math.min(signalTime, ByteBuffer.wrap(h.value()).getLong());
    }

    /** The partition a signal was stamped with; 0 when it was not (a record from an older version). */
    static int partitionOf(Headers headers) {
        Header h = headers.lastHeader(HEADER);
        return h == null || h.value() == null || h.value().length != 4
                ? 0
                : ByteBuffer.wrap(h.value()).getInt();
    }
}
