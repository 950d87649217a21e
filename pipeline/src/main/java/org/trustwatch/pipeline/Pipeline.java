package org.trustwatch.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.trustwatch.elastic.client.ElasticClients;
import org.trustwatch.elastic.client.ElasticConnection;
import org.trustwatch.elastic.client.ElasticHandle;
import org.trustwatch.elastic.index.IndexLayer;
import org.trustwatch.elastic.index.IndexLayerException;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.Problems;
import org.trustwatch.ingest.category.WebCategories;
import org.trustwatch.ingest.reference.ReferenceData;
import org.trustwatch.ingest.reference.ReferencePublisher;
import org.trustwatch.pipeline.connect.ConnectRest;
import org.trustwatch.pipeline.connect.ConnectorConfigs;
import org.trustwatch.pipeline.connect.SourceProgress;
import org.trustwatch.pipeline.correlation.CorrelationProcess;
import org.trustwatch.pipeline.kafka.GroupLag;
import org.trustwatch.pipeline.kafka.PipelineTopics;
import org.trustwatch.pipeline.kafka.TopicPlan;
import org.trustwatch.pipeline.replay.LogReplay;
import org.trustwatch.pipeline.replay.Replayer;
import org.trustwatch.pipeline.summary.Summary;
import org.trustwatch.pipeline.summary.SummaryReader;
import org.trustwatch.pipeline.workload.ManifestRow;
import org.trustwatch.pipeline.workload.Workload;
import org.trustwatch.stack.StackSettings;
import org.trustwatch.stack.Trees;
import org.trustwatch.streams.settings.Catalogue;
import org.trustwatch.streams.settings.Settings;
import org.trustwatch.streams.settings.SettingsException;

/**
 * The whole pipeline on a running stack, for one workload: topics, index layer and reference data; the correlation app
 * as its own process; the Elasticsearch sink; one source connector per log; then the day's logs played back to the
 * agents, a wait until everything is correlated and indexed, and a summary read back from Kafka and Elasticsearch.
 * Every step is idempotent, so a second run on the same stack reuses what runs and duplicates nothing.
 */
public final class Pipeline implements AutoCloseable {

    /**
     * @param partitions of the event topics and the app's outputs, when they are created
     * @param timeout for the whole run, from the first step to the last record indexed
     * @param slice event time the logs grow by at a time; null: a third of the trust's grace, so that agents of one
     *     family, at most two slices apart, stay well within the grace
     * @param pseudonymKey the app's key for pupils' pseudonyms; null: in its state directory
     * @param externalCorrelation the correlation app runs elsewhere (a service of its own, as in docker-compose.yml)
     *     with this application id and these topics: the pipeline waits for it instead of starting it
     * @param agents the name the agents and their copies of the logs go by; null: the workload's id, so that a second
     *     run resumes them where they stopped. A benchmark names each run's own, so every run reads the logs from the
     *     start (Connect keeps a deleted connector's offsets for the next one of the same name).
     */
    public record Options(
            PipelineTopics topics,
            int partitions,
            String applicationId,
            Duration timeout,
            Duration slice,
            Path pseudonymKey,
            boolean externalCorrelation,
            String agents) {

        public static Options defaults() {
            return new Options(
                    PipelineTopics.defaults(),
                    1,
                    "trustwatch-correlation",
                    Duration.ofMinutes(5),
                    null,
                    null,
                    false,
                    null);
        }

        public Options withTopics(PipelineTopics topics, String applicationId) {
            return new Options(
                    topics, partitions, applicationId, timeout, slice, pseudonymKey, externalCorrelation, agents);
        }

        public Options withTimeout(Duration timeout) {
            return new Options(
                    topics, partitions, applicationId, timeout, slice, pseudonymKey, externalCorrelation, agents);
        }

        public Options withPseudonymKey(Path pseudonymKey) {
            return new Options(
                    topics, partitions, applicationId, timeout, slice, pseudonymKey, externalCorrelation, agents);
        }

        public Options withAgents(String agents) {
            return new Options(
                    topics, partitions, applicationId, timeout, slice, pseudonymKey, externalCorrelation, agents);
        }

        public Options withExternalCorrelation(String applicationId) {
            return new Options(topics, partitions, applicationId, timeout, slice, pseudonymKey, true, agents);
        }
    }

    private final Endpoints stack;
    private final Options options;
    private final PrintStream out;
    private final Admin admin;
    private final ConnectRest connect;
    private final ElasticHandle elastic;
    private final CorrelationProcess app;
    private Duration lastProcessing = Duration.ZERO;

    /** On the local stack, with the correlation app started as its own process under the stack's data directory. */
    public Pipeline(StackSettings stack, Options options, PrintStream out) {
        this(Endpoints.of(stack), options, out);
    }

    public Pipeline(Endpoints stack, Options options, PrintStream out) {
        this.stack = stack;
        this.options = options;
        this.out = out;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()));
        this.connect = new ConnectRest(stack.connectUrl());
        this.elastic = ElasticClients.open(ElasticConnection.plain(stack.elasticsearchUrl()));
        this.app = new CorrelationProcess(stack.home(), stack.workDir());
    }

    public CorrelationProcess correlation() {
        return app;
    }

    /** Runs every step on the workload and returns what the systems hold at the end. */
    public Summary run(Workload workload) {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        Settings settings = settings(workload);
        prepare(workload);
        startCorrelation(workload, deadline);
        startSink();
        LogReplay replay = startAgents(workload);
        Duration slice = options.slice() != null
                ? options.slice()
                : settings.trust(Catalogue.GRACE).dividedBy(3);
        long replayStarted = System.nanoTime();
        try (SourceProgress progress = new SourceProgress(connect, stack.kafkaBootstrap(), out)) {
            new Replayer(replay, readers(workload, replay), progress, ParseContext.DEFAULT_ZONE, out)
                    .play(slice, deadline);
        }
        awaitProcessed(deadline);
        lastProcessing = Duration.ofNanos(System.nanoTime() - replayStarted);
        return summarise();
    }

    /**
     * Deletes a run's agents with their copies of the logs, and the sink: for a run with agents of its own
     * ({@link Options#agents}), which no later run resumes. Connect keeps the deleted connectors' offsets.
     */
    public void removeAgents(Workload workload) {
        if (options.agents() == null) {
            throw new IllegalStateException("the workload's own agents are resumed by the next run: not removed");
        }
        for (ManifestRow row : workload.rows()) {
            connect.delete(ConnectorConfigs.sourceName(agents(workload), row));
        }
        connect.delete(ConnectorConfigs.sinkName(options.topics()));
        Path copies = stagingDir(workload).getParent();
        try {
            Trees.delete(copies);
        } catch (IOException e) {
            out.println("could not remove the run's copies of the logs in " + copies + ": " + e.getMessage());
        }
    }

    private String agents(Workload workload) {
        return options.agents() != null ? options.agents() : workload.id();
    }

    /** Where the agents tail their copies of the workload's logs. */
    private Path stagingDir(Workload workload) {
        return stack.workDir().resolve("pipeline").resolve(agents(workload)).resolve("logs");
    }

    /**
     * How long the last {@link #run} took from the first line shown to the agents to the last record correlated and
     * indexed (the set-up before it, topics and app start, left out): what a throughput is measured over.
     */
    public Duration lastProcessing() {
        return lastProcessing;
    }

    /** Topics, the index layer and the trust's reference data: what the app and the sink need before they start. */
    public void prepare(Workload workload) {
        List<String> changes =
                TopicPlan.of(options.topics(), options.partitions()).apply(admin);
        out.println(changes.isEmpty() ? "topics: in place" : "topics: " + String.join("; ", changes));
        try {
            List<String> installed = IndexLayer.install(elastic.client());
            out.println(installed.isEmpty() ? "index layer: in place" : "index layer: " + String.join("; ", installed));
        } catch (IndexLayerException e) {
            throw new PipelineException("The Elasticsearch index layer cannot be installed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new PipelineException(
                    "Elasticsearch does not answer at " + stack.elasticsearchUrl() + " (" + e
                            + "): check './trustwatch stack status'.",
                    e);
        }
        Problems problems = new Problems();
        ReferenceData reference = ReferenceData.read(workload.referenceDir(), problems);
        problems.all().forEach(problem -> out.println("  skipped " + problem));
        try {
            List<String> written = new ArrayList<>();
            for (ReferencePublisher.Outcome outcome : new ReferencePublisher(
                            stack.kafkaBootstrap(),
                            stack.registryUrl(),
                            options.topics().reference())
                    .publish(reference)) {
                written.add(outcome.topic() + " " + outcome.written()
                        + (outcome.removed() > 0 ? " (" + outcome.removed() + " removed)" : ""));
            }
            out.println("reference data: " + String.join(", ", written));
        } catch (ExecutionException e) {
            throw new PipelineException(
                    "Cannot publish the reference data of " + workload.referenceDir() + ": " + e.getCause()
                            + ". Check that the broker and the registry are up ('./trustwatch stack status').",
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException("interrupted while publishing the reference data", e);
        }
    }

    /** Starts the correlation app (or keeps the one running with the same settings) and waits until it runs. */
    public void startCorrelation(Workload workload, long deadline) {
        if (options.externalCorrelation()) {
            if (!CorrelationProcess.awaitGroup(admin, options.applicationId(), remaining(deadline), () -> {})) {
                throw new PipelineException("The correlation app '" + options.applicationId() + "' did not join its"
                        + " consumer group in time. What to do: check that it runs (docker compose ps, its log).");
            }
            out.println("correlation app: " + options.applicationId() + " runs (started elsewhere)");
            return;
        }
        Map<String, String> properties = new HashMap<>(options.topics().appProperties());
        properties.put("bootstrap.servers", stack.kafkaBootstrap());
        properties.put("registry.url", stack.registryUrl());
        properties.put("application.id", options.applicationId());
        properties.put("state.dir", app.logFile().resolveSibling("state").toString());
        properties.put("topic.partitions", Integer.toString(options.partitions()));
        workload.settingsFile().ifPresent(file -> properties.put("settings", file.toString()));
        if (options.pseudonymKey() != null) {
            properties.put("pseudonym.key.file", options.pseudonymKey().toString());
        }
        // the app's internal topics accept event times ahead of the broker's clock by its own defaults
        // (StreamsSettings)
        boolean started = app.ensureRunning(properties);
        app.awaitRunning(admin, options.applicationId(), remaining(deadline));
        out.printf(
                "correlation app: %s (pid %d), log %s%n",
                started ? "started" : "running already",
                app.running().map(ProcessHandle::pid).orElse(-1L),
                app.logFile());
    }

    /** The sink of incidents and raw events into Elasticsearch. */
    public void startSink() {
        String name = ConnectorConfigs.sinkName(options.topics());
        connect.put(name, ConnectorConfigs.sink(options.topics(), stack.elasticsearchUrl(), stack.registryUrl()));
        connect.awaitRunning(name);
        out.println("sink: " + name + " running");
    }

    /** One source connector per log, each tailing the copy the replay grows; returns the replay, copies in place. */
    public LogReplay startAgents(Workload workload) {
        Path staging = stagingDir(workload);
        LogReplay replay = LogReplay.plan(
                workload,
                staging,
                new ParseContext(null, ParseContext.DEFAULT_ZONE, WebCategories.none(), false, Clock.systemUTC()));
        replay.prepare();
        List<String> names = new ArrayList<>();
        for (LogReplay.Staged file : replay.files()) {
            String name = ConnectorConfigs.sourceName(agents(workload), file.row());
            Map<String, String> config = ConnectorConfigs.source(
                    name, file.row(), file.copy(), options.topics(), stack.registryUrl(), workload.categories());
            connect.put(name, ConnectorConfigs.forExisting(config, connect.config(name)));
            names.add(name);
        }
        names.forEach(name -> connect.awaitRunningRestartingOnce(name, out));
        out.printf("agents: %d source connectors running, tailing copies in %s%n", names.size(), staging);
        return replay;
    }

    /** Waits until the app has correlated every event and the sink has indexed every record. */
    public void awaitProcessed(long deadline) {
        String sink = ConnectorConfigs.sinkName(options.topics());
        List<String> sinkTopics = new ArrayList<>(options.topics().eventTopics());
        sinkTopics.add(options.topics().app().incidents());
        try (GroupLag appLag = new GroupLag(admin, stack.kafkaBootstrap());
                GroupLag sinkLag = new GroupLag(admin, stack.kafkaBootstrap())) {
            new ProcessingWatch(
                            appLag,
                            options.externalCorrelation() ? null : app,
                            options.applicationId(),
                            options.topics().eventTopics(),
                            sinkLag,
                            connect,
                            sink,
                            sinkTopics,
                            out)
                    .await(deadline);
        }
    }

    /** Reads back what the topics and the index hold. */
    public Summary summarise() {
        return new SummaryReader(admin, stack, options.topics(), elastic.client()).read();
    }

    private List<SourceProgress.Reader> readers(Workload workload, LogReplay replay) {
        List<SourceProgress.Reader> readers = new ArrayList<>();
        for (LogReplay.Staged file : replay.files()) {
            ManifestRow row = file.row();
            readers.add(new SourceProgress.Reader(ConnectorConfigs.sourceName(agents(workload), row), file.copy()));
        }
        return readers;
    }

    /** The trust's settings, checked here so that a bad file is reported before anything starts. */
    private static Settings settings(Workload workload) {
        try {
            return workload.settingsFile().map(Settings::load).orElseGet(Settings::defaults);
        } catch (SettingsException e) {
            throw new PipelineException("The settings file cannot be used:\n  " + String.join("\n  ", e.problems())
                    + "\nWhat to do: fix it ('./trustwatch settings-defaults' prints every key with its default).");
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    @Override
    public void close() {
        admin.close();
        try {
            elastic.close();
        } catch (IOException e) {
            // closing a client that is done: nothing left to lose
        }
    }
}
