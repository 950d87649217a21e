package org.trustwatch.elastic.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One template of the index layer, read from a JSON resource. Its {@code _meta.mapping_version} is the one version
 * number to raise on every change: the body sent to Elasticsearch carries it as the template's {@code version} and in
 * the mapping's {@code _meta}, where each index created from it records the version it has.
 */
record Template(String name, Kind kind, ObjectNode json) {

    enum Kind {
        COMPONENT,
        INDEX
    }

    static final String VERSION_KEY = "mapping_version";
    private static final ObjectMapper JSON = new ObjectMapper();

    static Template load(String name, Kind kind) {
        String resource = "templates/" + name + ".json";
        try (InputStream in = Template.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("template resource " + resource + " is missing from the build");
            }
            Template template = new Template(name, kind, (ObjectNode) JSON.readTree(in));
            if (template.mappingVersion() < 1) {
                throw new IllegalStateException(resource + ": _meta." + VERSION_KEY + " must be a whole number >= 1");
            }
            return template;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    long mappingVersion() {
        return json.path("_meta").path(VERSION_KEY).asLong(0);
    }

    List<String> indexPatterns() {
        return texts(json.path("index_patterns"));
    }

    List<String> composedOf() {
        return texts(json.path("composed_of"));
    }

    /** The {@code properties} of the template's mapping. */
    JsonNode properties() {
        return json.path("template").path("mappings").path("properties");
    }

    /** What to send to Elasticsearch: the resource with its version filled in where Elasticsearch keeps it. */
    StringReader body() {
        ObjectNode body = json.deepCopy();
        body.put("version", mappingVersion());
        body.withObject("/template/mappings/_meta").put(VERSION_KEY, mappingVersion());
        return new StringReader(body.toString());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
