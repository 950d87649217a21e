package org.trustwatch.connect.elastic;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.trustwatch.elastic.client.ElasticConnection;

/** The sink's settings: where Elasticsearch is and how to sign in, how to batch, retry and hold back. */
public final class ElasticsearchSinkConfig extends AbstractConfig {

    public static final String REGISTRY_URL_CONFIG = "schema.registry.url";
    public static final String INCIDENTS_TOPIC_CONFIG = "incidents.topic";
    public static final String BATCH_RECORDS_CONFIG = "batch.max.records";
    public static final String BATCH_BYTES_CONFIG = "batch.max.bytes";
    public static final String FLUSH_INTERVAL_CONFIG = "flush.interval.ms";
    public static final String MAX_REQUESTS_CONFIG = "max.in.flight.requests";
    public static final String MAX_BUFFERED_RECORDS_CONFIG = "max.buffered.records";
    public static final String MAX_BUFFERED_BYTES_CONFIG = "max.buffered.bytes";
    public static final String RETRY_BACKOFF_CONFIG = "retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_CONFIG = "retry.backoff.max.ms";
    public static final String RETRY_MAX_ATTEMPTS_CONFIG = "retry.max.attempts";

    private static final String CONNECTION_GROUP = "Elasticsearch";
    private static final String WRITES_GROUP = "Writes";

    public ElasticsearchSinkConfig(Map<String, String> props) {
        super(configDef(), props);
        connection(); // checks the connection keys, naming the key at fault
        if (getLong(RETRY_BACKOFF_MAX_CONFIG) < getLong(RETRY_BACKOFF_CONFIG)) {
            throw new ConfigException(
                    RETRY_BACKOFF_MAX_CONFIG,
                    getLong(RETRY_BACKOFF_MAX_CONFIG),
                    "must not be less than " + RETRY_BACKOFF_CONFIG + " (" + getLong(RETRY_BACKOFF_CONFIG) + ")");
        }
        if (getLong(MAX_BUFFERED_BYTES_CONFIG) < getLong(BATCH_BYTES_CONFIG)) {
            throw new ConfigException(
                    MAX_BUFFERED_BYTES_CONFIG,
                    getLong(MAX_BUFFERED_BYTES_CONFIG),
                    "must hold at least one batch: raise it to " + BATCH_BYTES_CONFIG + " ("
                            + getLong(BATCH_BYTES_CONFIG) + ") or more");
        }
    }

    public static ConfigDef configDef() {
        int order = 0;
        return new ConfigDef()
                .define(
                        ElasticConnection.URLS,
                        Type.LIST,
                        ConfigDef.NO_DEFAULT_VALUE,
                        Importance.HIGH,
                        "Elasticsearch URLs, comma-separated, e.g. https://es1:9200,https://es2:9200.",
                        CONNECTION_GROUP,
                        ++order,
                        ConfigDef.Width.LONG,
                        "URLs")
                .define(
                        ElasticConnection.API_KEY,
                        Type.PASSWORD,
                        null,
                        Importance.HIGH,
                        "API key (the base64 'encoded' value Elasticsearch returns). Use this or a user name and"
                                + " password.",
                        CONNECTION_GROUP,
                        ++order,
                        ConfigDef.Width.LONG,
                        "API key")
                .define(
                        ElasticConnection.USERNAME,
                        Type.STRING,
                        null,
                        Importance.HIGH,
                        "User for basic authentication.",
                        CONNECTION_GROUP,
                        ++order,
                        ConfigDef.Width.MEDIUM,
                        "User")
                .define(
                        ElasticConnection.PASSWORD,
                        Type.PASSWORD,
                        null,
                        Importance.HIGH,
                        "Password of that user.",
                        CONNECTION_GROUP,
                        ++order,
                        ConfigDef.Width.MEDIUM,
                        "Password")
                .define(
                        ElasticConnection.CA_PATH,
                        Type.STRING,
                        null,
                        Importance.MEDIUM,
                        "PEM file of the CA that signed the cluster's certificate, for https URLs; unset trusts the"
                                + " JDK's CAs.",
                        CONNECTION_GROUP,
                        ++order,
                        ConfigDef.Width.LONG,
                        "CA certificate")
                .define(
                        ElasticConnection.VERIFY_HOSTNAME,
                        Type.BOOLEAN,
                        true,
                        Importance.LOW,
                        "Check that the certificate names the host. Turn off only for a test cluster whose"
                                + " certificate names another host.",
                        CONNECTION_GROUP,
                        ++order,
                        ConfigDef.Width.SHORT,
                        "Verify host names")
                .define(
                        REGISTRY_URL_CONFIG,
                        Type.STRING,
                        ConfigDef.NO_DEFAULT_VALUE,
                        Importance.HIGH,
                        "Base URL of the schema registry (Apicurio Registry) the records' schemas are in, e.g."
                                + " http://127.0.0.1:8081.")
                .define(
                        INCIDENTS_TOPIC_CONFIG,
                        Type.STRING,
                        "incidents",
                        Importance.MEDIUM,
                        "The topic of Incident records; they go to the incidents index. Every other topic holds raw"
                                + " events, which go to monthly indices by source.")
                .define(
                        BATCH_RECORDS_CONFIG,
                        Type.INT,
                        1000,
                        Range.atLeast(1),
                        Importance.MEDIUM,
                        "Most documents in one bulk request.",
                        WRITES_GROUP,
                        1,
                        ConfigDef.Width.SHORT,
                        "Batch documents")
                .define(
                        BATCH_BYTES_CONFIG,
                        Type.LONG,
                        5L << 20,
                        Range.atLeast(1024),
                        Importance.MEDIUM,
                        "Largest bulk request in bytes.",
                        WRITES_GROUP,
                        2,
                        ConfigDef.Width.SHORT,
                        "Batch bytes")
                .define(
                        FLUSH_INTERVAL_CONFIG,
                        Type.LONG,
                        1000L,
                        Range.atLeast(10),
                        Importance.MEDIUM,
                        "A bulk request that is not full is sent after this long.",
                        WRITES_GROUP,
                        3,
                        ConfigDef.Width.SHORT,
                        "Flush interval")
                .define(
                        MAX_REQUESTS_CONFIG,
                        Type.INT,
                        2,
                        Range.between(1, 16),
                        Importance.LOW,
                        "Bulk requests a task may have in flight at once.",
                        WRITES_GROUP,
                        4,
                        ConfigDef.Width.SHORT,
                        "Requests in flight")
                .define(
                        MAX_BUFFERED_RECORDS_CONFIG,
                        Type.INT,
                        20000,
                        Range.atLeast(1),
                        Importance.LOW,
                        "Records read but not yet acknowledged by Elasticsearch beyond which the task pauses its"
                                + " partitions; it resumes them when half are written.",
                        WRITES_GROUP,
                        5,
                        ConfigDef.Width.SHORT,
                        "Buffered records")
                .define(
                        MAX_BUFFERED_BYTES_CONFIG,
                        Type.LONG,
                        64L << 20,
                        Range.atLeast(1024),
                        Importance.LOW,
                        "The same limit in bytes of the records' values.",
                        WRITES_GROUP,
                        6,
                        ConfigDef.Width.SHORT,
                        "Buffered bytes")
                .define(
                        RETRY_BACKOFF_CONFIG,
                        Type.LONG,
                        100L,
                        Range.atLeast(1),
                        Importance.LOW,
                        "Wait before the first retry of a write Elasticsearch could not take (429, 5xx, no"
                                + " connection); each further retry waits up to twice as long, with jitter.",
                        WRITES_GROUP,
                        7,
                        ConfigDef.Width.SHORT,
                        "Retry back-off")
                .define(
                        RETRY_BACKOFF_MAX_CONFIG,
                        Type.LONG,
                        10_000L,
                        Range.atLeast(1),
                        Importance.LOW,
                        "Longest wait between two retries.",
                        WRITES_GROUP,
                        8,
                        ConfigDef.Width.SHORT,
                        "Longest back-off")
                .define(
                        RETRY_MAX_ATTEMPTS_CONFIG,
                        Type.INT,
                        0,
                        Range.atLeast(0),
                        Importance.LOW,
                        "Retries of one write before the task fails; 0 retries until Elasticsearch takes it (the"
                                + " partitions pause meanwhile, so nothing is lost).",
                        WRITES_GROUP,
                        9,
                        ConfigDef.Width.SHORT,
                        "Retries");
    }

    /** @throws ConfigException naming the key when a connection setting is wrong */
    public ElasticConnection connection() {
        Map<String, String> settings = new HashMap<>();
        settings.put(ElasticConnection.URLS, String.join(",", getList(ElasticConnection.URLS)));
        settings.put(ElasticConnection.API_KEY, secret(ElasticConnection.API_KEY));
        settings.put(ElasticConnection.USERNAME, getString(ElasticConnection.USERNAME));
        settings.put(ElasticConnection.PASSWORD, secret(ElasticConnection.PASSWORD));
        settings.put(ElasticConnection.CA_PATH, getString(ElasticConnection.CA_PATH));
        settings.put(
                ElasticConnection.VERIFY_HOSTNAME, Boolean.toString(getBoolean(ElasticConnection.VERIFY_HOSTNAME)));
        try {
            return ElasticConnection.fromSettings(settings);
        } catch (IllegalArgumentException e) {
            String key = e.getMessage().split(" ", 2)[0];
            throw new ConfigException(key, null, e.getMessage());
        }
    }

    private String secret(String key) {
        Password password = getPassword(key);
        return password == null ? null : password.value();
    }

    public String registryUrl() {
        return getString(REGISTRY_URL_CONFIG);
    }

    public String incidentsTopic() {
        return getString(INCIDENTS_TOPIC_CONFIG);
    }

    public int batchRecords() {
        return getInt(BATCH_RECORDS_CONFIG);
    }

    public long batchBytes() {
        return getLong(BATCH_BYTES_CONFIG);
    }

    public long flushIntervalMs() {
        return getLong(FLUSH_INTERVAL_CONFIG);
    }

    public int maxRequests() {
        return getInt(MAX_REQUESTS_CONFIG);
    }

    public int maxBufferedRecords() {
        return getInt(MAX_BUFFERED_RECORDS_CONFIG);
    }

    public long maxBufferedBytes() {
        return getLong(MAX_BUFFERED_BYTES_CONFIG);
    }

    public Backoff backoff() {
        return new Backoff(getLong(RETRY_BACKOFF_CONFIG), getLong(RETRY_BACKOFF_MAX_CONFIG));
    }

    /** 0 for no limit. */
    public int retryMaxAttempts() {
        return getInt(RETRY_MAX_ATTEMPTS_CONFIG);
    }
}
