package org.trustwatch.elastic.document;

import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/** Reads fields by name from generated and generic records alike (times are an Instant in one, a long in the other). */
final class RecordFields {

    private RecordFields() {}

    static Object value(IndexedRecord record, String field) {
        Schema.Field f = record.getSchema().getField(field);
        if (f == null) {
            throw new IllegalArgumentException(record.getSchema().getName() + " has no field " + field);
        }
        return record.get(f.pos());
    }

    static String text(IndexedRecord record, String field) {
        Object value = value(record, field);
        if (value == null) {
            throw new IllegalArgumentException(record.getSchema().getName() + "." + field + " is empty");
        }
        return value.toString();
    }

    static long number(IndexedRecord record, String field) {
        Object value = value(record, field);
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException(record.getSchema().getName() + "." + field + " is not a number");
        }
        return number.longValue();
    }

    static Instant time(IndexedRecord record, String field) {
        Object value = value(record, field);
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Long millis) {
            return Instant.ofEpochMilli(millis);
        }
        throw new IllegalArgumentException(record.getSchema().getName() + "." + field + " is not a time");
    }
}
