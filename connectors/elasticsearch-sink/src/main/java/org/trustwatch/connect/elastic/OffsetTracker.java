package org.trustwatch.connect.elastic;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which records Elasticsearch has acknowledged, per partition. The offset to commit is the first record still
 * waiting: everything before it is written (or deliberately skipped), whatever order the acknowledgements came in.
 * Also counts what waits, for back-pressure.
 */
final class OffsetTracker {

    private final Map<TopicPartition, Partition> partitions = new HashMap<>();
    private int waitingRecords;
    private long waitingBytes;

    private static final class Partition {
        final TreeMap<Long, Long> waiting = new TreeMap<>();
        long highestSeen = -1;
    }

    synchronized void waiting(TopicPartition partition, long offset, long bytes) {
        Partition p = partitions.computeIfAbsent(partition, tp -> new Partition());
        Long previous = p.waiting.put(offset, bytes);
        if (previous == null) {
            waitingRecords++;
            waitingBytes += bytes;
        } else {
            waitingBytes += bytes - previous;
        }
        p.highestSeen = Math.max(p.highestSeen, offset);
    }

    /** A record is written or skipped; unknown ones (a partition given up in a rebalance) are ignored. */
    synchronized void done(TopicPartition partition, long offset) {
        Partition p = partitions.get(partition);
        if (p == null) {
            return;
        }
        Long bytes = p.waiting.remove(offset);
        if (bytes != null) {
            waitingRecords--;
            waitingBytes -= bytes;
        }
    }

    /** The next offset to read of each partition, for every partition this task has seen a record of. */
    synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        partitions.forEach((partition, p) -> {
            long next = p.waiting.isEmpty() ? p.highestSeen + 1 : p.waiting.firstKey();
            if (next > 0) {
                offsets.put(partition, new OffsetAndMetadata(next));
            }
        });
        return offsets;
    }

    synchronized void forget(Collection<TopicPartition> given) {
        for (TopicPartition partition : given) {
            Partition p = partitions.remove(partition);
            if (p != null) {
                waitingRecords -= p.waiting.size();
                waitingBytes -=
                        p.waiting.values().stream().mapToLong(Long::longValue).sum();
            }
        }
    }

    synchronized int waitingRecords() {
        return waitingRecords;
    }

    synchronized long waitingBytes() {
        return waitingBytes;
    }
}
