package org.trustwatch.streams.signal;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.trustwatch.schema.ProxyEvent;

/**
 * The few fields of a web request that decide whether any rule can need it ({@link ProxySignals#mayMatter}). Nine
 * requests in ten need nothing more, so these are read from the record on their own ({@link TriageDecoder}, or an
 * Avro projection with {@link #SCHEMA} for a writer schema it cannot walk) and the rest, the raw log line among it,
 * only for the requests that matter.
 */
public record RequestTriage(
        long timestamp,
        Integer status,
        String method,
        String resultCode,
        Long responseBytes,
        String category,
        Long requestBytes,
        String urlExtension,
        String mimeType) {

    /** The fields read, in this record's order. */
    static final List<String> FIELDS = List.of(
            "timestamp",
            "http_response_status_code",
            "http_request_method",
            "proxy_result_code",
            "http_response_bytes",
            "web_category",
            "http_request_bytes",
            "url_extension",
            "http_response_mime_type");

    /** The reader schema of the projection: the request's own record name, with these fields only. */
    public static final Schema SCHEMA = projection();

    private static Schema projection() {
        Schema full = ProxyEvent.getClassSchema();
        List<Schema.Field> fields = FIELDS.stream()
                .map(name -> new Schema.Field(
                        full.getField(name), full.getField(name).schema()))
                .toList();
        return Schema.createRecord(full.getName(), full.getDoc(), full.getNamespace(), false, fields);
    }

    /** From a record read with {@link #SCHEMA}. */
    public static RequestTriage of(GenericRecord r) {
        return new RequestTriage(
                (Long) r.get(0),
                (Integer) r.get(1),
                text(r.get(2)),
                text(r.get(3)),
                (Long) r.get(4),
                text(r.get(5)),
                (Long) r.get(6),
                text(r.get(7)),
                text(r.get(8)));
    }

    public static RequestTriage of(ProxyEvent e) {
        return new RequestTriage(
                e.getTimestamp().toEpochMilli(),
                e.getHttpResponseStatusCode(),
                e.getHttpRequestMethod(),
                e.getProxyResultCode(),
                e.getHttpResponseBytes(),
                e.getWebCategory(),
                e.getHttpRequestBytes(),
                e.getUrlExtension(),
                e.getHttpResponseMimeType());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
