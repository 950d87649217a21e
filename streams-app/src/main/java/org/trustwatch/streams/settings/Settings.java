package org.trustwatch.streams.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.trustwatch.schema.IncidentCategory;

/**
 * The trust's settings file (YAML): the catalogue's defaults, changed for the whole trust and overridden per school.
 *
 * <pre>
 * trust:
 *   grace: 1h
 * categories:
 *   INAPPROPRIATE_CONTENT:
 *     burst_count: 5
 * schools:
 *   WOH:
 *     INAPPROPRIATE_CONTENT:
 *       burst_count: 3
 * </pre>
 *
 * Every unknown key and bad value is an error naming the key; all of them are reported at once.
 */
public final class Settings {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, Object> trust;
    private final Map<IncidentCategory, Map<String, Object>> categories;
    private final Map<String, Map<IncidentCategory, Map<String, Object>>> schools;

    private Settings(
            Map<String, Object> trust,
            Map<IncidentCategory, Map<String, Object>> categories,
            Map<String, Map<IncidentCategory, Map<String, Object>>> schools) {
        this.trust = trust;
        this.categories = categories;
        this.schools = schools;
    }

    /** The catalogue's defaults, changed nowhere. */
    public static Settings defaults() {
        return new Settings(Map.of(), Map.of(), Map.of());
    }

    /** @throws SettingsException listing every problem as {@code file: key: reason} */
    public static Settings load(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new SettingsException(List.of(file + ": not valid YAML at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new SettingsException(List.of(file + ": cannot read: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        Reader reader = new Reader(file.toString(), problems);
        Settings settings = reader.read(root == null || root.isMissingNode() ? YAML.createObjectNode() : root);
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
        return settings;
    }

    /** The schools the file overrides something for. */
    public java.util.Set<String> schoolIds() {
        return schools.keySet();
    }

    public <T> T trust(Parameter<T> parameter) {
        return valueOr(trust, parameter);
    }

    /** The value for a school: the school's override, else the trust's value, else the catalogue's default. */
    public <T> T get(IncidentCategory category, Parameter<T> parameter, String schoolId) {
        Map<String, Object> school = schoolId == null
                ? null
                : schools.getOrDefault(schoolId, Map.of()).get(category);
        if (school != null && school.containsKey(parameter.key())) {
            return cast(school.get(parameter.key()));
        }
        return valueOr(categories.getOrDefault(category, Map.of()), parameter);
    }

    private static <T> T valueOr(Map<String, Object> values, Parameter<T> parameter) {
        return values.containsKey(parameter.key()) ? cast(values.get(parameter.key())) : parameter.defaultValue();
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    /** Every setting of a category in force at a school, as written in a settings file (an incident records them). */
    public Map<String, String> describe(IncidentCategory category, String schoolId) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Parameter<?> parameter : Catalogue.parametersOf(category)) {
            out.put(parameter.key(), written(category, parameter, schoolId));
        }
        return out;
    }

    private <T> String written(IncidentCategory category, Parameter<T> parameter, String schoolId) {
        return parameter.write(get(category, parameter, schoolId));
    }

    /** A settings file with every key at its default, and what each means: a start for a trust's own. */
    public static String defaultsFile() {
        StringBuilder out = new StringBuilder("# Trustwatch settings: the incident catalogue's defaults.\n");
        out.append("# Durations: 90s, 10m, 1h, 30d or ISO 8601 (PT10M). Sizes in bytes.\n");
        out.append("# Per school: schools: {SCHOOL_ID: {CATEGORY: {key: value}}}\ntrust:\n");
        for (Parameter<?> parameter : Catalogue.TRUST) {
            line(out, "  ", parameter);
        }
        out.append("categories:\n");
        for (IncidentCategory category : Catalogue.categories()) {
            out.append("  ").append(category).append(":\n");
            for (Parameter<?> parameter : Catalogue.parametersOf(category)) {
                line(out, "    ", parameter);
            }
        }
        return out.toString();
    }

    private static <T> void line(StringBuilder out, String indent, Parameter<T> parameter) {
        out.append(indent)
                .append(parameter.key())
                .append(": ")
                .append(parameter.write(parameter.defaultValue()))
                .append("  # ")
                .append(parameter.doc())
                .append('\n');
    }

    /** Walks the file, collecting values and problems. */
    private record Reader(String file, List<String> problems) {

        Settings read(JsonNode root) {
            Map<String, Object> trust = new HashMap<>();
            Map<IncidentCategory, Map<String, Object>> categories = new HashMap<>();
            Map<String, Map<IncidentCategory, Map<String, Object>>> schools = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = fields(root, ""); it.hasNext(); ) {
                Map.Entry<String, JsonNode> section = it.next();
                switch (section.getKey()) {
                    case "trust" -> trust = values(section.getValue(), "trust", Catalogue.TRUST);
                    case "categories" -> categories = categories(section.getValue(), "categories");
                    case "schools" -> {
                        for (Iterator<Map.Entry<String, JsonNode>> s = fields(section.getValue(), "schools");
                                s.hasNext(); ) {
                            Map.Entry<String, JsonNode> school = s.next();
                            schools.put(school.getKey(), categories(school.getValue(), "schools." + school.getKey()));
                        }
                    }
                    default -> problem(section.getKey(), "unknown section: use trust, categories or schools");
                }
            }
            return new Settings(trust, categories, schools);
        }

        private Map<IncidentCategory, Map<String, Object>> categories(JsonNode node, String path) {
            Map<IncidentCategory, Map<String, Object>> byCategory = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = fields(node, path); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                IncidentCategory category = Catalogue.categories().stream()
                        .filter(c -> c.name().equals(entry.getKey()))
                        .findFirst()
                        .orElse(null);
                if (category == null) {
                    problem(path + "." + entry.getKey(), "not an incident category, e.g. INAPPROPRIATE_CONTENT");
                    continue;
                }
                byCategory.put(
                        category,
                        values(entry.getValue(), path + "." + entry.getKey(), Catalogue.parametersOf(category)));
            }
            return byCategory;
        }

        private Map<String, Object> values(JsonNode node, String path, List<Parameter<?>> known) {
            Map<String, Object> values = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = fields(node, path); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                Parameter<?> parameter = known.stream()
                        .filter(p -> p.key().equals(entry.getKey()))
                        .findFirst()
                        .orElse(null);
                String key = path + "." + entry.getKey();
                if (parameter == null) {
                    problem(
                            key,
                            "unknown key; known here: "
                                    + String.join(
                                            ", ",
                                            known.stream().map(Parameter::key).toList()));
                    continue;
                }
                try {
                    values.put(parameter.key(), parameter.read(entry.getValue()));
                } catch (Parameter.BadValue e) {
                    problem(key, e.getMessage());
                }
            }
            return values;
        }

        private Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node, String path) {
            if (node == null || node.isNull()) {
                return java.util.Collections.emptyIterator();
            }
            if (!node.isObject()) {
                problem(path.isEmpty() ? "(top)" : path, "must be a mapping of keys to values, not " + node);
                return java.util.Collections.emptyIterator();
            }
            return node.fields();
        }

        private void problem(String key, String reason) {
            problems.add(file + ": " + key + ": " + reason);
        }
    }
}
