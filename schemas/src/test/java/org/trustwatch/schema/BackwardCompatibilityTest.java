package org.trustwatch.schema;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Consumers upgraded to the current schemas must still read every record already on the topics, i.e. written with
 * any released schema version (Avro backward compatibility, checked transitively against all releases).
 */
class BackwardCompatibilityTest {

    private static final String BASELINE_VERSION = "0.1.0";

    @TestFactory
    Stream<DynamicTest> currentSchemasReadEveryReleasedVersion() {
        Map<String, Schema> current = SchemaFiles.current();
        SortedMap<String, Map<String, Schema>> released = SchemaFiles.released();
        assertFalse(released.isEmpty(), "no released schemas under " + SchemaFiles.RELEASED_DIR.toAbsolutePath());
        List<DynamicTest> tests = new ArrayList<>();
        released.forEach((version, schemas) -> schemas.forEach(
                (name, writer) -> tests.add(dynamicTest(name + " reads data written with " + version, () -> {
                    Schema reader = current.get(name);
                    assertNotNull(
                            reader,
                            name + " was released in " + version
                                    + " but is gone from src/main/avro: records on the topics still use it");
                    incompatibility(name, version, reader, writer).ifPresent(problem -> {
                        throw new AssertionError(problem);
                    });
                }))));
        return tests.stream();
    }

    @Test
    void aNewFieldWithoutDefaultIsReportedIncompatible() {
        Schema released = releasedProxyEvent();
        List<Schema.Field> fields = copyFields(released);
        fields.add(new Schema.Field("device_id", Schema.create(Schema.Type.STRING), "new required field", null));
        Schema changed = recordLike(released, fields);

        String problem = incompatibility("ProxyEvent", BASELINE_VERSION, changed, released)
                .orElseThrow(() -> new AssertionError("a new field without default must be incompatible"));

        assertMentions(problem, "ProxyEvent", BASELINE_VERSION, "READER_FIELD_MISSING_DEFAULT", "device_id");
    }

    @Test
    void aChangedFieldTypeIsReportedIncompatible() {
        Schema released = releasedProxyEvent();
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : released.getFields()) {
            Schema type = field.name().equals("event_hash") ? Schema.create(Schema.Type.LONG) : field.schema();
            fields.add(new Schema.Field(field, type));
        }
        Schema changed = recordLike(released, fields);

        String problem = incompatibility("ProxyEvent", BASELINE_VERSION, changed, released)
                .orElseThrow(() -> new AssertionError("string -> long must be incompatible"));

        assertMentions(problem, "ProxyEvent", BASELINE_VERSION, "TYPE_MISMATCH", "event_hash");
    }

    @Test
    void aNewFieldWithDefaultIsCompatible() {
        Schema released = releasedProxyEvent();
        List<Schema.Field> fields = copyFields(released);
        fields.add(new Schema.Field(
                "device_id",
                Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                "new optional field",
                Schema.Field.NULL_DEFAULT_VALUE));

        assertTrue(incompatibility("ProxyEvent", BASELINE_VERSION, recordLike(released, fields), released)
                .isEmpty());
    }

    /** Empty when {@code reader} can read data written with {@code writer}, else a message for people. */
    static Optional<String> incompatibility(String name, String version, Schema reader, Schema writer) {
        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder(String.format(
                "current %1$s cannot read data written with released version %2$s (schemas/released/%2$s/%1$s.avsc);"
                        + " make the change backward compatible, e.g. give a new field a default:",
                name, version));
        for (Incompatibility problem : result.getResult().getIncompatibilities()) {
            message.append(String.format(
                    "%n  %s at %s (%s): %s",
                    problem.getType(),
                    fieldPath(reader, problem.getLocation()),
                    problem.getLocation(),
                    problem.getMessage()));
        }
        return Optional.of(message.toString());
    }

    /** Avro locates a problem by a JSON pointer into the reader schema, e.g. /fields/7/type: name its fields. */
    private static String fieldPath(Schema reader, String location) {
        List<String> names = new ArrayList<>();
        Schema schema = reader;
        String[] steps = location.split("/");
        walk:
        for (int i = 1; i < steps.length; i++) {
            switch (steps[i]) {
                case "type" -> {}
                case "items" -> schema = schema.getElementType();
                case "values" -> schema = schema.getValueType();
                case "fields" -> {
                    if (schema.getType() != Schema.Type.RECORD || i + 1 == steps.length) {
                        break walk;
                    }
                    Schema.Field field = schema.getFields().get(Integer.parseInt(steps[++i]));
                    names.add(field.name());
                    schema = field.schema();
                }
                default -> {
                    break walk;
                }
            }
        }
        return names.isEmpty() ? "the record" : "field " + String.join(".", names);
    }

    private static Schema releasedProxyEvent() {
        return SchemaFiles.released().get(BASELINE_VERSION).get("ProxyEvent");
    }

    private static List<Schema.Field> copyFields(Schema record) {
        List<Schema.Field> fields = new ArrayList<>();
        record.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
        return fields;
    }

    private static Schema recordLike(Schema record, List<Schema.Field> fields) {
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }

    private static void assertMentions(String problem, String... parts) {
        for (String part : parts) {
            assertTrue(problem.contains(part), () -> "expected '" + part + "' in: " + problem);
        }
    }
}
