package org.trustwatch.schema.ecs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * Writes a record as an Elastic Common Schema document: each field goes to the dotted path in its {@code ecs}
 * property, as nested JSON objects ({@code source_ip} -> {@code {"source":{"ip":...}}}). Null fields are left out;
 * an empty array is written, because for some fields "known to be empty" differs from "unknown". Times are written
 * as ISO-8601 whether the record is a generated class (which holds an {@code Instant}) or a generic record read
 * without conversions (which holds the {@code long} of a {@code timestamp-millis} field), so every reader of a topic
 * writes the same document.
 *
 * <p>This is the one mapping from records to documents: {@code trustwatch parse} prints it and the Elasticsearch
 * sink indexes it.
 */
public final class EcsDocument {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Map<Schema, EcsLayout> LAYOUTS = new ConcurrentHashMap<>();

    private EcsDocument() {}

    /** The record as one line of JSON. */
    public static String toJson(IndexedRecord record) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            write(record, json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    public static void write(IndexedRecord record, JsonGenerator json) throws IOException {
        writeObject(layout(record.getSchema()).root(), record, json);
    }

    static EcsLayout layout(Schema schema) {
        return LAYOUTS.computeIfAbsent(schema, EcsLayout::of);
    }

    private static void writeObject(EcsLayout.Node node, IndexedRecord record, JsonGenerator json) throws IOException {
        json.writeStartObject();
        for (EcsLayout.Node child : node.children()) {
            if (child.isLeaf()) {
                Object value = record.get(child.field().pos());
                if (value != null) {
                    json.writeFieldName(child.name());
                    writeValue(child.isTimestamp() ? asInstant(value) : value, json);
                }
            } else if (child.hasValue(record)) {
                json.writeFieldName(child.name());
                writeObject(child, record, json);
            }
        }
        json.writeEndObject();
    }

    private static Object asInstant(Object value) {
        return value instanceof Long millis ? Instant.ofEpochMilli(millis) : value;
    }

    private static void writeValue(Object value, JsonGenerator json) throws IOException {
        if (value instanceof CharSequence text) {
            json.writeString(text.toString());
        } else if (value instanceof Instant instant) {
            json.writeString(instant.toString());
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof Double number) {
            json.writeNumber(number);
        } else if (value instanceof Float number) {
            json.writeNumber(number);
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Enum<?> symbol) {
            json.writeString(symbol.name());
        } else if (value instanceof GenericEnumSymbol<?> symbol) {
            json.writeString(symbol.toString());
        } else if (value instanceof IndexedRecord nested) {
            write(nested, json);
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                writeValue(item, json);
            }
            json.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(entry.getKey().toString());
                writeValue(entry.getValue(), json);
            }
            json.writeEndObject();
        } else {
            throw new IllegalArgumentException(
                    "no JSON form for " + value.getClass().getName());
        }
    }
}
