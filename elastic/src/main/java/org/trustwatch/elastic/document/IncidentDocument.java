package org.trustwatch.elastic.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.trustwatch.schema.ecs.EcsDocument;

/**
 * An incident as Elasticsearch stores it. The machine fields come from the {@code Incident} record (every field of its
 * schema, by ECS path); everything else in the document, {@code triage.*} above all, belongs to people and is carried
 * over unchanged whenever the machine fields are replaced.
 */
public final class IncidentDocument {

    /** The status a new incident starts with; people move it on. */
    public static final String NEW_STATUS = "new";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final long version;
    private final ObjectNode machineFields;
    private final List<String[]> machinePaths;

    private IncidentDocument(String id, long version, ObjectNode machineFields, List<String[]> machinePaths) {
        this.id = id;
        this.version = version;
        this.machineFields = machineFields;
        this.machinePaths = machinePaths;
    }

    /** @throws IllegalArgumentException when the record is not an incident */
    public static IncidentDocument of(IndexedRecord incident) {
        Schema schema = incident.getSchema();
        if (!schema.getName().equals("Incident")) {
            throw new IllegalArgumentException("a " + schema.getFullName() + " is not an Incident");
        }
        List<String[]> paths = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            paths.add(field.getProp("ecs").split("\\."));
        }
        try {
            return new IncidentDocument(
                    RecordFields.text(incident, "incident_id"),
                    RecordFields.number(incident, "version"),
                    (ObjectNode) JSON.readTree(EcsDocument.toJson(incident)),
                    paths);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("EcsDocument wrote JSON that does not parse", e);
        }
    }

    public String id() {
        return id;
    }

    /** How many updates the incident has had; a stored document with this version or a later one is not older. */
    public long version() {
        return version;
    }

    /** The version a stored incident document has, 0 when it has none. */
    public static long storedVersion(JsonNode source) {
        return source == null ? 0 : source.path("incident").path("version").asLong(0);
    }

    /** The whole document of an incident seen for the first time: machine fields and a triage status of new. */
    public ObjectNode created() {
        ObjectNode document = machineFields.deepCopy();
        ObjectNode triage = document.putObject("triage");
        triage.put("status", NEW_STATUS);
        triage.putArray("notes");
        triage.putArray("history");
        return document;
    }

    /**
     * The stored document with its machine fields replaced by this record's: a field the record no longer has is
     * removed, a map such as {@code rule.thresholds} is replaced rather than merged, and every other field is kept.
     */
    public ObjectNode replacing(ObjectNode stored) {
        ObjectNode document = stored.deepCopy();
        for (String[] path : machinePaths) {
            remove(document, path, 0);
        }
        merge(document, machineFields);
        return document;
    }

    private static void remove(ObjectNode node, String[] path, int depth) {
        if (depth == path.length - 1) {
            node.remove(path[depth]);
            return;
        }
        JsonNode child = node.get(path[depth]);
        if (child instanceof ObjectNode object) {
            remove(object, path, depth + 1);
            if (object.isEmpty()) {
                node.remove(path[depth]);
            }
        }
    }

    private static void merge(ObjectNode target, ObjectNode source) {
        for (Map.Entry<String, JsonNode> field : source.properties()) {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode into && field.getValue() instanceof ObjectNode from) {
                merge(into, from);
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }
}
