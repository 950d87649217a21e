package org.trustwatch.connect.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private static final TopicPartition INCIDENTS = new TopicPartition("incidents", 0);
    private static final TopicPartition EVENTS = new TopicPartition("events.proxy", 2);

    @Test
    void commitsOnlyUpToTheFirstRecordStillWaiting() {
        OffsetTracker tracker = new OffsetTracker();
        for (long offset = 10; offset < 15; offset++) {
            tracker.waiting(INCIDENTS, offset, 100);
        }

        tracker.done(INCIDENTS, 10);
        tracker.done(INCIDENTS, 12); // acknowledged out of order: 11 still waits
        tracker.done(INCIDENTS, 13);

        assertEquals(Map.of(INCIDENTS, new OffsetAndMetadata(11)), tracker.committable());
        assertEquals(2, tracker.waitingRecords());
        assertEquals(200, tracker.waitingBytes());

        tracker.done(INCIDENTS, 11);
        tracker.done(INCIDENTS, 14);
        assertEquals(Map.of(INCIDENTS, new OffsetAndMetadata(15)), tracker.committable());
        assertEquals(0, tracker.waitingBytes());
    }

    @Test
    void commitsNothingForAPartitionWhoseFirstRecordWaits() {
        OffsetTracker tracker = new OffsetTracker();
        tracker.waiting(EVENTS, 0, 10);
        tracker.waiting(EVENTS, 1, 10);
        tracker.done(EVENTS, 1);

        assertEquals(Map.of(), tracker.committable());
    }

    @Test
    void forgetsPartitionsGivenToAnotherTask() {
        OffsetTracker tracker = new OffsetTracker();
        tracker.waiting(EVENTS, 5, 10);
        tracker.waiting(INCIDENTS, 7, 30);

        tracker.forget(List.of(EVENTS));
        tracker.done(EVENTS, 5); // a write that was in flight lands after the rebalance

        assertEquals(1, tracker.waitingRecords());
        assertEquals(30, tracker.waitingBytes());
        assertEquals(
                Map.of(INCIDENTS, new OffsetAndMetadata(7)),
                tracker.committable(),
                "nothing of the partition given away; up to the waiting record of the other");
    }
}
