package org.trustwatch.connect.elastic;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import java.util.Set;
import org.elasticsearch.client.ResponseException;

/** Sorts what Elasticsearch answered: written, worth another try, the document's own fault, or a reason to stop. */
final class Failures {

    enum Outcome {
        /** Written (created, updated). */
        WRITTEN,
        /** An event whose id is already in its index: written before, by this task or an earlier run. */
        ALREADY_THERE,
        /** An incident that changed since it was read (a person, or another write): read it again. */
        CONFLICT,
        /** Elasticsearch is busy, failing over or unreachable: the same write can succeed later. */
        RETRY,
        /** The document cannot be indexed as it is: it belongs in the dead-letter queue. */
        REJECTED,
        /** Anything else: the task stops and says why. */
        FATAL
    }

    /** Error types that say the document itself is wrong (a value that does not fit its field's type). */
    private static final Set<String> DOCUMENT_ERRORS =
            Set.of("mapper_parsing_exception", "document_parsing_exception", "illegal_argument_exception");

    private Failures() {}

    static Outcome of(BulkResponseItem item, boolean incident) {
        int status = item.status();
        if (item.error() == null && status >= 200 && status < 300) {
            return Outcome.WRITTEN;
        }
        if (status == 409) {
            return incident ? Outcome.CONFLICT : Outcome.ALREADY_THERE;
        }
        if (isTransient(status)) {
            return Outcome.RETRY;
        }
        if (status == 400
                && item.error() != null
                && DOCUMENT_ERRORS.contains(item.error().type())) {
            return Outcome.REJECTED;
        }
        return Outcome.FATAL;
    }

    /** Whether a request that failed as a whole (no item answers) can be sent again as it is. */
    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ElasticsearchException e) {
                return isTransient(e.status());
            }
            if (cause instanceof TransportException e) {
                return e.statusCode() <= 0 || isTransient(e.statusCode());
            }
            if (cause instanceof ResponseException e) {
                return isTransient(e.getResponse().getStatusLine().getStatusCode());
            }
        }
        // connection refused or reset, timeouts: the cluster is down or restarting
        return hasCause(failure, IOException.class);
    }

    static boolean isTransient(int status) {
        return status == 429 || status >= 500;
    }

    /** Type and reason of an item's error and of what caused it, e.g. why a field did not parse. */
    static String reason(BulkResponseItem item) {
        StringBuilder reason = new StringBuilder().append(item.status());
        for (ErrorCause cause = item.error(); cause != null; cause = cause.causedBy()) {
            reason.append(": ").append(cause.type()).append(" ").append(cause.reason());
        }
        return reason.toString();
    }

    /** The class and message of the root of a failure: enough to act on, without any document content. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + message;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
