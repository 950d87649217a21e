package org.trustwatch.connect.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustwatch.ingest.EventKeys;
import org.trustwatch.ingest.LogFiles;
import org.trustwatch.ingest.LogFormat;
import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.schema.serde.RegistrySerdes;

/**
 * Tails its share of the files (and, for task 0, syslog), parses each line and returns the events as records already
 * serialised in the Confluent wire format, with bad lines going to the dead-letter topic. Every record carries the
 * file offset after it, so Connect commits only what was produced.
 */
public class LogSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(LogSourceTask.class);
    private static final long DISCOVERY_INTERVAL_NANOS = 5_000_000_000L;

    private LogSourceConfig config;
    private ParseContext parseContext;
    private LogFormat format;
    private String topic;
    private DeadLetters deadLetters;
    private Serde<SpecificRecord> serde;
    private FilePatterns patterns;
    private final Map<Path, FileFeed> feeds = new LinkedHashMap<>();
    private final Map<String, LogParser> syslogParsers = new HashMap<>();
    /** How many messages each syslog sender has sent: the "line number" of its messages. */
    private final Map<String, long[]> syslogLineNumbers = new HashMap<>();

    private SyslogListener syslog;
    private final LogSourceMetrics metrics = new LogSourceMetrics();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private long lastDiscovery;

    @Override
    public String version() {
        return LogSourceConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new LogSourceConfig(LogSourceConnector.familiesOf(props), props);
        format = config.format();
        topic = config.topic();
        parseContext = new ParseContext(
                config.school(),
                config.zone(),
                CategoryLists.load(config.categoriesPath()),
                config.keepOriginal(),
                Clock.systemUTC());
        deadLetters = new DeadLetters(config.deadLetterTopic(), format.formatName(), props.getOrDefault("name", ""));
        serde = RegistrySerdes.valueSerde(config.registryUrl());
        patterns = new FilePatterns(config.taskFilePatterns());
        metrics.register(context.pluginMetrics());
        if (config.taskListensForSyslog()) {
            startSyslog();
        }
        discoverFiles();
    }

    private void startSyslog() {
        syslog = new SyslogListener(config.maxLineBytes());
        try {
            if (config.syslogTcpPort() > 0) {
                syslog.listenTcp(config.syslogBindAddress(), config.syslogTcpPort());
            }
            if (config.syslogUdpPort() > 0) {
                syslog.listenUdp(config.syslogBindAddress(), config.syslogUdpPort());
            }
        } catch (IOException e) {
            syslog.close();
            throw new ConnectException(
                    "cannot listen for syslog on " + config.syslogBindAddress() + " (tcp "
                            + config.syslogTcpPort() + ", udp " + config.syslogUdpPort() + "): " + e.getMessage()
                            + ". Set " + LogSourceConfig.SYSLOG_TCP_PORT_CONFIG + "/"
                            + LogSourceConfig.SYSLOG_UDP_PORT_CONFIG
                            + " to free ports.",
                    e);
        }
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (System.nanoTime() - lastDiscovery > DISCOVERY_INTERVAL_NANOS) {
            discoverFiles();
        }
        List<SourceRecord> records = new ArrayList<>();
        int budget = config.batchMaxLines();
        for (FileFeed feed : feeds.values()) {
            budget -= feed.read(budget, records);
            if (budget <= 0) {
                break;
            }
        }
        if (syslog != null && budget > 0) {
            readSyslog(budget, records);
        }
        if (records.isEmpty()) {
            stopped.await(config.pollIntervalMs(), TimeUnit.MILLISECONDS);
        }
        return records;
    }

    private void discoverFiles() {
        lastDiscovery = System.nanoTime();
        for (Path file : patterns.matchingFiles()) {
            if (!feeds.containsKey(file)) {
                Map<String, Object> stored =
                        context.offsetStorageReader().offset(FileOffset.partition(file.toString()));
                try {
                    FileOffset offset = stored == null ? null : FileOffset.fromMap(stored);
                    feeds.put(
                            file,
                            new FileFeed(TailedFile.resume(
                                    file, offset, format.headerDefinesColumns(), config.maxLineBytes())));
                    log.info(
                            "tailing {} from {}", file, offset == null ? "its start" : "position " + offset.position());
                } catch (IOException | IllegalArgumentException e) {
                    log.warn("cannot tail {} ({}); will retry", file, e.toString());
                }
            }
        }
    }

    private void readSyslog(int budget, List<SourceRecord> records) {
        List<SyslogListener.Message> messages = new ArrayList<>();
        syslog.drain(messages, budget);
        boolean keepHeader = format.family() == LogFormat.Family.MAIL;
        for (SyslogListener.Message message : messages) {
            metrics.linesRead.incrementAndGet();
            LogParser parser = syslogParsers.computeIfAbsent(message.peer(), peer -> format.newParser(parseContext));
            long number = ++syslogLineNumbers.computeIfAbsent(message.peer(), peer -> new long[1])[0];
            RawLine line = RawLine.of(SyslogFrames.toLogLine(message.text(), keepHeader), message.peer(), number);
            parser.parse(line, new ParseSink() {
                @Override
                public void event(SpecificRecord event, RawLine completedBy) {
                    records.add(eventRecord(event, null, null));
                }

                @Override
                public void reject(RawLine rejected, String reason) {
                    records.add(rejectRecord(rejected, reason, null, null));
                }
            });
        }
    }

    private SourceRecord eventRecord(SpecificRecord event, Map<String, ?> partition, Map<String, ?> offset) {
        metrics.events.incrementAndGet();
        byte[] value = serde.serializer().serialize(topic, event);
        String key = EventKeys.keyOf(event);
        return new SourceRecord(
                partition,
                offset,
                topic,
                null,
                Schema.OPTIONAL_BYTES_SCHEMA,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                Schema.OPTIONAL_BYTES_SCHEMA,
                value);
    }

    private SourceRecord rejectRecord(RawLine line, String reason, Map<String, ?> partition, Map<String, ?> offset) {
        metrics.rejected.incrementAndGet();
        return deadLetters.record(line, reason, partition, offset);
    }

    @Override
    public void stop() {
        stopped.countDown();
        if (syslog != null) {
            syslog.close();
        }
        for (FileFeed feed : feeds.values()) {
            try {
                feed.file.close();
            } catch (IOException e) {
                log.debug("closing {}: {}", feed.file.path(), e.toString());
            }
        }
        if (serde != null) {
            serde.close();
        }
        log.info("log source task for {} stopped: {}", config == null ? "?" : config.taskFilePatterns(), metrics);
    }

    /** One tailed file and its parser. */
    private final class FileFeed {
        final TailedFile file;
        final LogParser parser;
        final Map<String, Object> partition;
        private final List<Object[]> produced = new ArrayList<>();
        private final ParseSink collect = new ParseSink() {
            @Override
            public void event(SpecificRecord event, RawLine completedBy) {
                if (completedBy.position() >= file.skipUntil()) {
                    produced.add(new Object[] {event, null, null});
                }
            }

            @Override
            public void reject(RawLine line, String reason) {
                if (line.position() >= file.skipUntil()) {
                    produced.add(new Object[] {null, line, reason});
                }
            }
        };

        FileFeed(TailedFile file) {
            this.file = file;
            this.parser = format.newParser(parseContext);
            this.partition = FileOffset.partition(file.path().toString());
        }

        /** Reads up to {@code budget} lines; returns how many it read. */
        int read(int budget, List<SourceRecord> records) {
            int read = 0;
            try {
                RawLine line;
                while (read < budget && (line = file.next()) != null) {
                    read++;
                    metrics.linesRead.incrementAndGet();
                    if (LogFiles.isOversized(line)) {
                        collect.reject(line, "line is longer than " + config.maxLineBytes() + " bytes: not read");
                    } else {
                        parser.parse(line, collect);
                    }
                    var pending = parser.earliestPendingPosition();
                    if (pending.isPresent()) {
                        file.notePending(line);
                    }
                    if (!produced.isEmpty()) {
                        Map<String, Object> offset = file.offset(pending).toMap();
                        for (Object[] item : produced) {
                            records.add(
                                    item[0] != null
                                            ? eventRecord((SpecificRecord) item[0], partition, offset)
                                            : rejectRecord((RawLine) item[1], (String) item[2], partition, offset));
                        }
                        produced.clear();
                    }
                }
            } catch (IOException e) {
                log.warn("reading {} failed ({}); will retry", file.path(), e.toString());
            }
            return read;
        }
    }
}
