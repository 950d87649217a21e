package org.trustwatch.connect.elastic;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import org.apache.kafka.connect.sink.SinkRecord;
import org.trustwatch.elastic.document.IncidentDocument;

/**
 * One write in flight and the record it acknowledges once Elasticsearch has it. An incident write also keeps its
 * document, to be planned again from a fresh read when the stored document changed under it.
 */
final class Pending {

    final SinkRecord record;
    final BulkOperation operation;
    final IncidentDocument incident;
    final int conflicts;
    int attempts;

    private Pending(SinkRecord record, BulkOperation operation, IncidentDocument incident, int conflicts) {
        this.record = record;
        this.operation = operation;
        this.incident = incident;
        this.conflicts = conflicts;
    }

    static Pending event(SinkRecord record, BulkOperation operation) {
        return new Pending(record, operation, null, 0);
    }

    static Pending incident(SinkRecord record, BulkOperation operation, IncidentDocument incident, int conflicts) {
        return new Pending(record, operation, incident, conflicts);
    }

    boolean isIncident() {
        return incident != null;
    }

    /** Index and id, for messages. */
    String target() {
        return switch (operation._kind()) {
            case Create -> operation.create().index() + "/" + operation.create().id();
            case Index -> operation.index().index() + "/" + operation.index().id();
            default -> operation._kind().jsonValue();
        };
    }
}
