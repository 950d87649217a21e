package org.trustwatch.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The rules every schema follows so that the Elasticsearch sink and the build can rely on them. */
class SchemaConventionsTest {

    /** The value of every topic (architecture.md, "Topics"). */
    static final Set<String> TOPIC_RECORDS = Set.of(
            "ProxyEvent",
            "MailEvent",
            "EndpointEvent",
            "IncidentReport",
            "DirectoryEntry",
            "DeviceRecord",
            "Exemption",
            "School",
            "Incident",
            "Alert");

    private static final List<String> EVENT_RECORDS =
            List.of("ProxyEvent", "MailEvent", "EndpointEvent", "IncidentReport");

    private static final List<String> COMMON_EVENT_FIELDS = List.of(
            "timestamp",
            "event_ingested",
            "event_dataset",
            "school_id",
            "observer_hostname",
            "log_file_path",
            "log_line",
            "event_hash",
            "event_original");

    /** ECS dotted paths; nested record fields use paths relative to the field that holds them. */
    private static final Pattern ECS_PATH = Pattern.compile("@timestamp|[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");

    private static final Pattern POM_IMPORT =
            Pattern.compile("<import>\\$\\{project\\.basedir}/src/main/avro/([A-Za-z0-9]+)\\.avsc</import>");

    private final Map<String, Schema> current = SchemaFiles.current();

    @TestFactory
    Stream<DynamicTest> everyFieldHasAnEcsPathAndADoc() {
        return current.values().stream()
                .map(schema -> dynamicTest(schema.getName(), () -> {
                    List<String> problems = new ArrayList<>();
                    for (Schema type : namedTypesWithin(schema)) {
                        check(hasText(type.getDoc()), type.getName() + " has no doc", problems);
                        if (type.getType() == Schema.Type.RECORD) {
                            for (Schema.Field field : type.getFields()) {
                                String where = type.getName() + "." + field.name();
                                String ecs = field.getProp("ecs");
                                check(
                                        ecs != null && ECS_PATH.matcher(ecs).matches(),
                                        where + " has no valid ecs: " + ecs,
                                        problems);
                                check(hasText(field.doc()), where + " has no doc", problems);
                            }
                        }
                    }
                    assertTrue(problems.isEmpty(), String.join("\n", problems));
                }));
    }

    @TestFactory
    Stream<DynamicTest> noTwoFieldsOfARecordShareAnEcsPath() {
        return current.values().stream()
                .map(schema -> dynamicTest(schema.getName(), () -> {
                    for (Schema record : recordsWithin(schema)) {
                        Map<String, String> fieldByPath = new HashMap<>();
                        for (Schema.Field field : record.getFields()) {
                            String earlier = fieldByPath.putIfAbsent(field.getProp("ecs"), field.name());
                            assertNull(
                                    earlier,
                                    record.getName() + "." + field.name() + " and " + earlier
                                            + " would write the same Elasticsearch field " + field.getProp("ecs"));
                        }
                    }
                }));
    }

    @Test
    void everyEventCarriesTheSameCommonFields() {
        Schema reference = current.get(EVENT_RECORDS.get(0));
        for (String event : EVENT_RECORDS) {
            for (String name : COMMON_EVENT_FIELDS) {
                Schema.Field expected = reference.getField(name);
                Schema.Field actual = current.get(event).getField(name);
                assertNotNull(actual, event + " lacks the common event field " + name);
                assertEquals(expected.schema(), actual.schema(), event + "." + name + " has another type");
                assertEquals(expected.getProp("ecs"), actual.getProp("ecs"), event + "." + name + " has another ecs");
            }
        }
    }

    @Test
    void everySchemaFileIsATopicRecordOrASharedTypeCompiledFirst() throws IOException {
        assertEquals(
                SchemaFiles.avscFiles(SchemaFiles.CURRENT_DIR).size(),
                current.size(),
                "every .avsc file under " + SchemaFiles.CURRENT_DIR + " must be parsed by the tests");
        assertTrue(current.keySet().containsAll(TOPIC_RECORDS), "missing topic records: " + TOPIC_RECORDS);

        Set<String> shared = new TreeSet<>();
        current.values().forEach(schema -> shared.addAll(otherFilesUsedBy(schema)));
        Set<String> rest = new TreeSet<>(current.keySet());
        rest.removeAll(TOPIC_RECORDS);
        assertEquals(shared, rest, "a schema file must be a topic record or a type that other files use");

        // The Avro compiler must see shared types before the records that use them.
        assertEquals(shared, pomImports(), "the avro-maven-plugin <imports> in pom.xml must list the shared types");
    }

    private Set<String> otherFilesUsedBy(Schema schema) {
        Set<String> used = new TreeSet<>();
        namedTypesWithin(schema).forEach(type -> used.add(type.getName()));
        used.remove(schema.getName());
        used.retainAll(current.keySet());
        return used;
    }

    /** The schema itself, if named, and every named type it uses, at any depth. */
    private static List<Schema> namedTypesWithin(Schema schema) {
        Map<String, Schema> found = new LinkedHashMap<>();
        collectNamedTypes(schema, found);
        return List.copyOf(found.values());
    }

    private static List<Schema> recordsWithin(Schema schema) {
        return namedTypesWithin(schema).stream()
                .filter(type -> type.getType() == Schema.Type.RECORD)
                .toList();
    }

    private static void collectNamedTypes(Schema schema, Map<String, Schema> found) {
        switch (schema.getType()) {
            case RECORD -> {
                if (found.putIfAbsent(schema.getFullName(), schema) == null) {
                    schema.getFields().forEach(field -> collectNamedTypes(field.schema(), found));
                }
            }
            case ENUM, FIXED -> found.putIfAbsent(schema.getFullName(), schema);
            case ARRAY -> collectNamedTypes(schema.getElementType(), found);
            case MAP -> collectNamedTypes(schema.getValueType(), found);
            case UNION -> schema.getTypes().forEach(branch -> collectNamedTypes(branch, found));
            default -> {}
        }
    }

    private static Set<String> pomImports() throws IOException {
        Matcher matcher = POM_IMPORT.matcher(Files.readString(Path.of("pom.xml")));
        Set<String> imports = new TreeSet<>();
        while (matcher.find()) {
            imports.add(matcher.group(1));
        }
        return imports;
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }

    private static void check(boolean ok, String problem, List<String> problems) {
        if (!ok) {
            problems.add(problem);
        }
    }
}
