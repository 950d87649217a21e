package org.trustwatch.elastic.document;

import java.nio.charset.StandardCharsets;
import org.apache.avro.generic.IndexedRecord;
import org.trustwatch.elastic.index.EventSource;
import org.trustwatch.elastic.index.IndexNames;
import org.trustwatch.schema.ecs.EcsDocument;

/**
 * A raw event as Elasticsearch stores it: the record's ECS document, in the monthly index of its source and event
 * time, under the event's hash as id, so that writing the same event again finds it there instead of adding a copy.
 */
public record EventDocument(EventSource source, String index, String id, byte[] json) {

    /** @throws IllegalArgumentException when the record is not an event of a known source */
    public static EventDocument of(IndexedRecord event) {
        String name = event.getSchema().getFullName();
        EventSource source = EventSource.ofRecord(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "a " + name + " is not a raw event: expected one of ProxyEvent, MailEvent, EndpointEvent,"
                                + " IncidentReport"));
        return new EventDocument(
                source,
                IndexNames.eventsIndex(source, RecordFields.time(event, "timestamp")),
                RecordFields.text(event, "event_hash"),
                EcsDocument.toJson(event).getBytes(StandardCharsets.UTF_8));
    }
}
