package org.trustwatch.elastic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.EndpointEvent;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentReport;
import org.trustwatch.schema.MailEvent;
import org.trustwatch.schema.ProxyEvent;

/** The templates map every field the records carry, so no event field is left to dynamic mapping (which is off). */
class TemplatesTest {

    private static final Map<String, Schema> RECORDS = Map.of(
            "trustwatch-incidents", Incident.getClassSchema(),
            "trustwatch-events-proxy", ProxyEvent.getClassSchema(),
            "trustwatch-events-mail", MailEvent.getClassSchema(),
            "trustwatch-events-endpoint", EndpointEvent.getClassSchema(),
            "trustwatch-events-report", IncidentReport.getClassSchema());

    @Test
    void everyEcsFieldOfEveryRecordIsMappedExplicitly() {
        for (Map.Entry<String, Schema> entry : RECORDS.entrySet()) {
            Template template = Template.load(entry.getKey(), Template.Kind.INDEX);
            List<JsonNode> properties = new ArrayList<>(List.of(template.properties()));
            for (String component : template.composedOf()) {
                properties.add(Template.load(component, Template.Kind.COMPONENT).properties());
            }
            for (String path : ecsPaths(entry.getValue(), "")) {
                assertTrue(
                        properties.stream().anyMatch(p -> mapped(p, path.split("\\."), 0)),
                        entry.getKey() + " does not map " + path);
            }
            assertEquals(
                    "false", template.json().at("/template/mappings/dynamic").asText(), entry.getKey());
        }
    }

    @Test
    void anIndexTemplateIsNeverBehindTheComponentsItIsMadeOf() {
        for (Template template : IndexLayer.templates()) {
            for (String component : template.composedOf()) {
                long componentVersion =
                        Template.load(component, Template.Kind.COMPONENT).mappingVersion();
                assertTrue(
                        template.mappingVersion() >= componentVersion,
                        template.name() + " has mapping version " + template.mappingVersion() + " but " + component
                                + " has " + componentVersion + ": raise " + template.name()
                                + " so that its indices get the component's change");
            }
        }
    }

    @Test
    void theBodySentCarriesTheVersionWhereElasticsearchKeepsIt() throws Exception {
        Template template = Template.load("trustwatch-incidents", Template.Kind.INDEX);
        JsonNode body = new ObjectMapper().readTree(template.body());

        assertEquals(template.mappingVersion(), body.path("version").asLong());
        assertEquals(
                template.mappingVersion(),
                body.at("/template/mappings/_meta/mapping_version").asLong());
        assertEquals("trustwatch-incidents-*", template.indexPatterns().get(0));
    }

    private static List<String> ecsPaths(Schema record, String prefix) {
        List<String> paths = new ArrayList<>();
        for (Schema.Field field : record.getFields()) {
            String path = prefix + field.getProp("ecs");
            Schema type = nonNull(field.schema());
            if (type.getType() == Schema.Type.ARRAY && type.getElementType().getType() == Schema.Type.RECORD) {
                paths.addAll(ecsPaths(type.getElementType(), path + "."));
            } else {
                paths.add(path);
            }
        }
        return paths;
    }

    private static Schema nonNull(Schema schema) {
        return schema.getType() != Schema.Type.UNION
                ? schema
                : schema.getTypes().stream()
                        .filter(s -> s.getType() != Schema.Type.NULL)
                        .findFirst()
                        .orElseThrow();
    }

    private static boolean mapped(JsonNode properties, String[] path, int depth) {
        JsonNode field = properties.get(path[depth]);
        if (field == null) {
            return false;
        }
        if (depth == path.length - 1) {
            return field.has("type");
        }
        return mapped(field.path("properties"), path, depth + 1);
    }
}
