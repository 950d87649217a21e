package org.trustwatch.connect.source;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.trustwatch.ingest.LogFormat;

/** The settings every log source connector shares; each connector narrows the formats it accepts. */
public final class LogSourceConfig extends AbstractConfig {

    public static final String FORMAT_CONFIG = "format";
    public static final String FILES_CONFIG = "files";
    public static final String TOPIC_CONFIG = "topic";
    public static final String DLQ_TOPIC_CONFIG = "dlq.topic";
    public static final String REGISTRY_URL_CONFIG = "schema.registry.url";
    public static final String SCHOOL_CONFIG = "school.id";
    public static final String TIMEZONE_CONFIG = "timezone";
    public static final String CATEGORIES_CONFIG = "categories.path";
    public static final String KEEP_ORIGINAL_CONFIG = "keep.original";
    public static final String SYSLOG_TCP_PORT_CONFIG = "syslog.tcp.port";
    public static final String SYSLOG_UDP_PORT_CONFIG = "syslog.udp.port";
    public static final String SYSLOG_BIND_CONFIG = "syslog.bind.address";
    public static final String POLL_INTERVAL_CONFIG = "poll.interval.ms";
    public static final String BATCH_LINES_CONFIG = "batch.max.lines";
    public static final String MAX_LINE_BYTES_CONFIG = "max.line.bytes";

    /** Set by the connector on each task: which of the file patterns it reads, and whether it listens for syslog. */
    static final String TASK_FILES_CONFIG = "task.files";

    static final String TASK_SYSLOG_CONFIG = "task.syslog";

    private final Set<LogFormat.Family> families;

    public LogSourceConfig(Set<LogFormat.Family> families, Map<String, String> props) {
        super(configDef(families), props);
        this.families = families;
        format(); // validates the format against the families
        zone();
    }

    public static ConfigDef configDef(Set<LogFormat.Family> families) {
        String formats = formatsOf(families);
        return new ConfigDef()
                .define(
                        FORMAT_CONFIG,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        Importance.HIGH,
                        "Log format: one of " + formats + ".")
                .define(
                        FILES_CONFIG,
                        Type.LIST,
                        "",
                        Importance.HIGH,
                        "Absolute paths or glob patterns of the live log files to tail, e.g."
                                + " /var/log/squid/access.log or /srv/logs/*/access.log. Rotated copies (name.1,"
                                + " name-20261123, .gz) are not matched: they are read only to recover lines after a"
                                + " rotation.")
                .define(
                        TOPIC_CONFIG,
                        Type.STRING,
                        "",
                        Importance.HIGH,
                        "Topic for the events; empty means the format's default (events.proxy, events.mail,"
                                + " events.endpoint, reports.incident).")
                .define(
                        DLQ_TOPIC_CONFIG,
                        Type.STRING,
                        "",
                        Importance.MEDIUM,
                        "Dead-letter topic for lines that are not events: the raw line with its file, line number"
                                + " and reason in headers. Empty means dlq.<family>, e.g. dlq.proxy.")
                .define(
                        REGISTRY_URL_CONFIG,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        Importance.HIGH,
                        "Base URL of the schema registry (Apicurio Registry), e.g. http://127.0.0.1:8081.")
                .define(
                        SCHOOL_CONFIG,
                        Type.STRING,
                        "",
                        Importance.MEDIUM,
                        "School id (schools.csv) of the logs this connector reads; empty when the events or the"
                                + " network place them.")
                .define(
                        TIMEZONE_CONFIG,
                        Type.STRING,
                        "Europe/London",
                        Importance.LOW,
                        "IANA time zone of times the logs write without an offset.")
                .define(
                        CATEGORIES_CONFIG,
                        Type.STRING,
                        "",
                        Importance.MEDIUM,
                        "Web category list: a categories.csv (domain,category) or a blacklist directory"
                                + " (<category>/domains). Used when the filter writes no category.")
                .define(
                        KEEP_ORIGINAL_CONFIG,
                        Type.BOOLEAN,
                        false,
                        Importance.LOW,
                        "Keep the original line in event.original. Off: events keep only what rules need and a"
                                + " SHA-256 of the line.")
                .define(
                        SYSLOG_TCP_PORT_CONFIG,
                        Type.INT,
                        0,
                        ConfigDef.Range.between(0, 65535),
                        Importance.MEDIUM,
                        "Port to receive syslog over TCP (newline or octet-counted framing); 0 turns it off.")
                .define(
                        SYSLOG_UDP_PORT_CONFIG,
                        Type.INT,
                        0,
                        ConfigDef.Range.between(0, 65535),
                        Importance.MEDIUM,
                        "Port to receive syslog over UDP; 0 turns it off.")
                .define(
                        SYSLOG_BIND_CONFIG,
                        Type.STRING,
                        "127.0.0.1",
                        Importance.LOW,
                        "Address the syslog listeners bind to.")
                .define(
                        POLL_INTERVAL_CONFIG,
                        Type.LONG,
                        500L,
                        ConfigDef.Range.atLeast(10),
                        Importance.LOW,
                        "How long a task waits when no file has new lines.")
                .define(
                        BATCH_LINES_CONFIG,
                        Type.INT,
                        5000,
                        ConfigDef.Range.atLeast(1),
                        Importance.LOW,
                        "Most lines a task reads in one poll.")
                .define(
                        MAX_LINE_BYTES_CONFIG,
                        Type.INT,
                        1 << 20,
                        ConfigDef.Range.atLeast(1024),
                        Importance.LOW,
                        "Longer lines are not read but sent to the dead-letter topic.")
                .defineInternal(TASK_FILES_CONFIG, Type.LIST, "", Importance.LOW)
                .defineInternal(TASK_SYSLOG_CONFIG, Type.BOOLEAN, false, Importance.LOW);
    }

    public LogFormat format() {
        String name = getString(FORMAT_CONFIG);
        LogFormat format;
        try {
            format = LogFormat.named(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(FORMAT_CONFIG, name, "use one of " + formatsOf(families));
        }
        if (!families.contains(format.family())) {
            throw new ConfigException(
                    FORMAT_CONFIG,
                    name,
                    "this connector reads " + formatsOf(families) + "; " + name + " is read by "
                            + connectorFor(format.family()));
        }
        return format;
    }

    public List<String> filePatterns() {
        return getList(FILES_CONFIG);
    }

    public List<String> taskFilePatterns() {
        return getList(TASK_FILES_CONFIG);
    }

    public boolean taskListensForSyslog() {
        return getBoolean(TASK_SYSLOG_CONFIG);
    }

    public String topic() {
        String topic = getString(TOPIC_CONFIG);
        return topic.isBlank() ? format().family().defaultTopic() : topic;
    }

    public String deadLetterTopic() {
        String topic = getString(DLQ_TOPIC_CONFIG);
        return topic.isBlank() ? "dlq." + format().family().name().toLowerCase() : topic;
    }

    public String registryUrl() {
        return getString(REGISTRY_URL_CONFIG);
    }

    public String school() {
        String school = getString(SCHOOL_CONFIG);
        return school.isBlank() ? null : school;
    }

    public ZoneId zone() {
        String zone = getString(TIMEZONE_CONFIG);
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new ConfigException(TIMEZONE_CONFIG, zone, "not a time zone; use an IANA name such as Europe/London");
        }
    }

    public Path categoriesPath() {
        String path = getString(CATEGORIES_CONFIG);
        return path.isBlank() ? null : Path.of(path);
    }

    public boolean keepOriginal() {
        return getBoolean(KEEP_ORIGINAL_CONFIG);
    }

    public int syslogTcpPort() {
        return getInt(SYSLOG_TCP_PORT_CONFIG);
    }

    public int syslogUdpPort() {
        return getInt(SYSLOG_UDP_PORT_CONFIG);
    }

    public String syslogBindAddress() {
        return getString(SYSLOG_BIND_CONFIG);
    }

    public long pollIntervalMs() {
        return getLong(POLL_INTERVAL_CONFIG);
    }

    public int batchMaxLines() {
        return getInt(BATCH_LINES_CONFIG);
    }

    public int maxLineBytes() {
        return getInt(MAX_LINE_BYTES_CONFIG);
    }

    /** The connector class to use for a family's formats. */
    static String connectorFor(LogFormat.Family family) {
        return switch (family) {
            case PROXY -> ProxyLogSourceConnector.class.getName();
            case MAIL -> MailLogSourceConnector.class.getName();
            case ENDPOINT, REPORTS -> EndpointLogSourceConnector.class.getName();
        };
    }

    static String formatsOf(Set<LogFormat.Family> families) {
        return java.util.Arrays.stream(LogFormat.values())
                .filter(format -> families.contains(format.family()))
                .map(LogFormat::formatName)
                .collect(Collectors.joining(", "));
    }
}
