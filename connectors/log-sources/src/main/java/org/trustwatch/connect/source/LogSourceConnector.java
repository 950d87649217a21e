package org.trustwatch.connect.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.trustwatch.ingest.LogFormat;

/**
 * What the three log source connectors share: one config style, files spread over tasks, exactly-once support, and
 * offsets a person can inspect and alter through Connect's REST API.
 *
 * <p>The tasks serialise events themselves (Avro through the registry, Confluent wire format), so the connector needs
 * {@code key.converter} and {@code value.converter} set to {@code ByteArrayConverter}.
 */
public abstract class LogSourceConnector extends SourceConnector {

    static final String VERSION = "0.1.0";
    static final String BYTE_ARRAY_CONVERTER = "org.apache.kafka.connect.converters.ByteArrayConverter";
    static final String TASK_FAMILIES_CONFIG = "task.families";

    private Map<String, String> props;
    private LogSourceConfig config;

    /** The event families this connector reads. */
    protected abstract Set<LogFormat.Family> families();

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        this.config = new LogSourceConfig(families(), props);
        for (String converter : List.of("key.converter", "value.converter")) {
            if (!BYTE_ARRAY_CONVERTER.equals(props.get(converter))) {
                throw new ConfigException(
                        converter,
                        props.get(converter),
                        "set it to " + BYTE_ARRAY_CONVERTER
                                + ": this connector writes Avro in the Confluent wire format itself, through the registry");
            }
        }
        if (config.filePatterns().isEmpty() && config.syslogTcpPort() == 0 && config.syslogUdpPort() == 0) {
            throw new ConfigException(LogSourceConfig.FILES_CONFIG, "", "give files to tail, or a syslog port");
        }
        LogFormat.Family family = config.format().family();
        boolean syslogFamily = family == LogFormat.Family.PROXY || family == LogFormat.Family.MAIL;
        if (!syslogFamily && (config.syslogTcpPort() > 0 || config.syslogUdpPort() > 0)) {
            throw new ConfigException(
                    LogSourceConfig.SYSLOG_TCP_PORT_CONFIG,
                    "",
                    "syslog is for proxy and mail logs; " + config.format().formatName() + " is read from files");
        }
    }

    @Override
    public Class<? extends Task> taskClass() {
        return LogSourceTask.class;
    }

    /** Patterns are dealt round-robin to the tasks; task 0 also listens for syslog. */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<String> patterns = config.filePatterns();
        int tasks = Math.max(1, Math.min(maxTasks, patterns.size()));
        List<Map<String, String>> configs = new ArrayList<>();
        for (int task = 0; task < tasks; task++) {
            List<String> share = new ArrayList<>();
            for (int i = task; i < patterns.size(); i += tasks) {
                share.add(patterns.get(i));
            }
            Map<String, String> taskConfig = new HashMap<>(props);
            taskConfig.put(LogSourceConfig.TASK_FILES_CONFIG, String.join(",", share));
            taskConfig.put(LogSourceConfig.TASK_SYSLOG_CONFIG, Boolean.toString(task == 0));
            taskConfig.put(
                    TASK_FAMILIES_CONFIG, families().stream().map(Enum::name).collect(Collectors.joining(",")));
            configs.add(taskConfig);
        }
        return configs;
    }

    @Override
    public void stop() {}

    @Override
    public ConfigDef config() {
        return LogSourceConfig.configDef(families());
    }

    /** Each batch a task returns is one transaction; the offsets in it commit with it. */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /**
     * Checks offsets written through {@code PATCH /connectors/NAME/offsets}: partitions must name a file, offsets must
     * hold a position. A reset ({@code null} offset) makes the task read the file from its start.
     */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        for (Map.Entry<Map<String, ?>, Map<String, ?>> entry : offsets.entrySet()) {
            Object file = entry.getKey().get(FileOffset.FILE_KEY);
            if (!(file instanceof String name) || name.isBlank()) {
                throw new ConnectException("each partition must be {\"" + FileOffset.FILE_KEY
                        + "\": \"/path/of/the/log\"}, not " + entry.getKey());
            }
            if (entry.getValue() != null) {
                try {
                    FileOffset.fromMap(entry.getValue());
                } catch (IllegalArgumentException e) {
                    throw new ConnectException("offset for " + name + ": " + e.getMessage(), e);
                }
            }
        }
        return true;
    }

    static Set<LogFormat.Family> familiesOf(Map<String, String> taskProps) {
        String names = taskProps.get(TASK_FAMILIES_CONFIG);
        if (names == null || names.isBlank()) {
            return EnumSet.allOf(LogFormat.Family.class);
        }
        return Arrays.stream(names.split(","))
                .map(LogFormat.Family::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(LogFormat.Family.class)));
    }
}
