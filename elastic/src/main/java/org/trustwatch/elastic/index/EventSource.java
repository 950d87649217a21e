package org.trustwatch.elastic.index;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The families of raw events, each in its own monthly indices: which record type each one holds. */
public enum EventSource {
    PROXY("ProxyEvent"),
    MAIL("MailEvent"),
    ENDPOINT("EndpointEvent"),
    REPORT("IncidentReport");

    private final String recordName;

    EventSource(String recordName) {
        this.recordName = recordName;
    }

    /** The name used in index names: {@code proxy}, {@code mail}, {@code endpoint}, {@code report}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The simple name of the Avro record this source's events are, e.g. {@code ProxyEvent}. */
    public String recordName() {
        return recordName;
    }

    /** The source whose events are records of this Avro name (simple or full), if any. */
    public static Optional<EventSource> ofRecord(String avroName) {
        String simple = avroName.substring(avroName.lastIndexOf('.') + 1);
        return Arrays.stream(values())
                .filter(source -> source.recordName.equals(simple))
                .findFirst();
    }

    /** @throws IllegalArgumentException naming the sources there are */
    public static EventSource of(String id) {
        return Arrays.stream(values())
                .filter(source -> source.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event source '" + id + "': use one of "
                        + Arrays.stream(values()).map(EventSource::id).toList()));
    }
}
