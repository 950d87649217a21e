package org.trustwatch.streams.topology;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.trustwatch.streams.signal.Rules;
import org.trustwatch.streams.signal.Signal;

/**
 * A device's loss or recovery, copied to every partition of the address-keyed stage: a lost laptop may turn up behind
 * any address, and the stage must know it is lost to count its web requests as use of a lost device.
 */
final class LostState {

    private LostState() {}

    static boolean isChange(Signal s) {
        return Rules.LOST_DEVICE.equals(s.rule())
                && (Rules.LOST.equals(s.phase()) || Rules.RECOVERED.equals(s.phase()));
    }

    /** The copy: value is the device id (subject {@code device:<id>}), phase lost or recovered. */
    static Signal of(Signal s) {
        String device = s.subject().substring("device:".length());
        return new Signal(
                IpStage.LOST_STATE,
                device,
                s.time(),
                s.category(),
                s.schoolId(),
                s.subject(),
                null,
                device,
                0,
                s.phase(),
                0,
                false,
                null,
                s.evidence());
    }

    /** Losses go to every partition; sessions to the partition of their address, as the proxy topic has them. */
    static StreamPartitioner<String, Signal> toEveryPartition() {
        return (topic, key, value, partitions) -> IpStage.LOST_STATE.equals(value.rule())
                ? Optional.of(IntStream.range(0, partitions).boxed().collect(Collectors.toSet()))
                : Optional.<Set<Integer>>empty();
    }
}
