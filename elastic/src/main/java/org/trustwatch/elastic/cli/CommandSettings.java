package org.trustwatch.elastic.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.trustwatch.elastic.client.ElasticConnection;
import org.trustwatch.stack.StackSettings;

/**
 * The settings of the Elasticsearch commands: a properties file ({@code --config FILE}) with the sink's keys
 * ({@code elasticsearch.urls}, {@code elasticsearch.api.key} ...) and the command's own; without one, or without
 * {@code elasticsearch.urls} in it, the local stack's node ({@code TRUSTWATCH_ES_PORT}, default 9200).
 */
final class CommandSettings {

    private CommandSettings() {}

    /** @throws IllegalArgumentException when the file cannot be read */
    static Map<String, String> load(Path file) {
        Map<String, String> settings = new HashMap<>();
        if (file == null) {
            return settings;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("--config " + file + " cannot be read: " + e.getMessage());
        }
        properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key)));
        return settings;
    }

    /** @throws IllegalArgumentException naming the key or variable at fault */
    static ElasticConnection connection(Map<String, String> settings, Map<String, String> environment) {
        Map<String, String> withDefault = new HashMap<>(settings);
        String urls = settings.get(ElasticConnection.URLS);
        if (urls == null || urls.isBlank()) {
            Path home = Path.of(System.getProperty("trustwatch.home", "."));
            withDefault.put(
                    ElasticConnection.URLS, StackSettings.of(home, environment).elasticsearchUrl());
        }
        return ElasticConnection.fromSettings(withDefault);
    }
}
