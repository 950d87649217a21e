package org.trustwatch.connect.elastic;

import org.apache.kafka.connect.sink.SinkRecord;

/** What becomes of each record the writers were given; the task turns these into offsets, DLQ records and metrics. */
interface WriteOutcomes {

    /** Elasticsearch has the document. */
    void written(SinkRecord record);

    /** Nothing to write: the index already has this or a later version. */
    void skipped(SinkRecord record);

    /** The document cannot be indexed: dead-letter the record with the reason, and carry on. */
    void rejected(SinkRecord record, String reason);

    /** The task cannot go on; the message says what happened and what to do. */
    void failed(String message);
}
