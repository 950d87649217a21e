package org.trustwatch.streams.topology;

/**
 * How many partitions each input topic has: the upstream tasks whose signals the rule stage keeps time for, one lane
 * per source and partition ({@link LaneClock}). The address-keyed logons are repartitioned to the proxy's count.
 */
public record InputPartitions(int proxy, int mail, int endpoint, int reports) {

    /** One partition each: the offline run and the topology tests. */
    public static InputPartitions single() {
        return new InputPartitions(1, 1, 1, 1);
    }

    /** The partitions of the topic a signal's source (its evidence's {@code source}) is read from. */
    int of(String source) {
        return switch (source) {
            case "proxy" -> proxy;
            case "mail" -> mail;
            case "endpoint" -> endpoint;
            case "report" -> reports;
            default -> 1;
        };
    }
}
