package org.trustwatch.connect.elastic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Indexes the {@code incidents} topic into the incidents index, never overwriting what people wrote, and raw event
 * topics ({@code events.*}) into monthly indices, each event once. Values are Avro in the Confluent wire format,
 * read through the registry by the task, so {@code value.converter} must be {@code ByteArrayConverter}.
 */
public final class ElasticsearchSinkConnector extends SinkConnector {

    static final String VERSION = "0.1.0";
    static final String BYTE_ARRAY_CONVERTER = "org.apache.kafka.connect.converters.ByteArrayConverter";

    private Map<String, String> props;

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        new ElasticsearchSinkConfig(props);
        if (!BYTE_ARRAY_CONVERTER.equals(props.get("value.converter"))) {
            throw new ConfigException(
                    "value.converter",
                    props.get("value.converter"),
                    "set it to " + BYTE_ARRAY_CONVERTER
                            + ": the task reads the Avro records (Confluent wire format) through the registry itself");
        }
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return ElasticsearchSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            configs.add(props);
        }
        return configs;
    }

    @Override
    public void stop() {}

    @Override
    public ConfigDef config() {
        return ElasticsearchSinkConfig.configDef();
    }
}
