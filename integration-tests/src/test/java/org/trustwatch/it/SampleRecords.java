package org.trustwatch.it;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Builds a record of any generated class with every field set, optional ones included, so a round trip exercises
 * the whole schema, and a new field is covered without touching the test.
 */
final class SampleRecords {

    private static final Instant SAMPLE_TIME = Instant.parse("2026-11-23T09:15:30.123Z");

    private SampleRecords() {}

    @SuppressWarnings("unchecked")
    static <T extends SpecificRecord> T of(Class<T> type) {
        SpecificData model = SpecificData.getForClass(type);
        return (T) value(model, model.getSchema(type), "");
    }

    private static Object value(SpecificData model, Schema schema, String name) {
        return switch (schema.getType()) {
            case RECORD -> record(model, schema);
            case UNION -> value(model, firstNonNull(schema), name);
            case STRING -> "sample-" + name;
            case INT -> 7;
            case LONG -> schema.getLogicalType() instanceof LogicalTypes.TimestampMillis ? SAMPLE_TIME : 42L;
            case BOOLEAN -> true;
            case DOUBLE -> 1.5d;
            case FLOAT -> 2.5f;
            case BYTES -> ByteBuffer.wrap(new byte[] {1, 2, 3});
            case ENUM -> model.createEnum(schema.getEnumSymbols().get(0), schema);
            case ARRAY -> List.of(value(model, schema.getElementType(), name));
            case MAP -> Map.of("key", value(model, schema.getValueType(), name));
            default -> throw new IllegalArgumentException("no sample for " + schema.getType() + " in " + name);
        };
    }

    private static Object record(SpecificData model, Schema schema) {
        SpecificRecord record = (SpecificRecord) model.newRecord(null, schema);
        for (Schema.Field field : schema.getFields()) {
            record.put(field.pos(), value(model, field.schema(), field.name()));
        }
        return record;
    }

    private static Schema firstNonNull(Schema union) {
        return union.getTypes().stream()
                .filter(branch -> branch.getType() != Schema.Type.NULL)
                .findFirst()
                .orElseThrow();
    }
}
