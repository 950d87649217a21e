package org.trustwatch.streams.topology;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.trustwatch.schema.Alert;
import org.trustwatch.schema.DeviceRecord;
import org.trustwatch.schema.DirectoryEntry;
import org.trustwatch.schema.EndpointEvent;
import org.trustwatch.schema.Evidence;
import org.trustwatch.schema.Exemption;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentReport;
import org.trustwatch.schema.MailEvent;
import org.trustwatch.schema.School;
import org.trustwatch.streams.incident.AlertRouter;
import org.trustwatch.streams.incident.Detection;
import org.trustwatch.streams.incident.IncidentTracker;
import org.trustwatch.streams.settings.Catalogue;
import org.trustwatch.streams.settings.Settings;
import org.trustwatch.streams.signal.Signal;
import org.trustwatch.streams.state.StoreKind;
import org.trustwatch.streams.state.WriteBehindStoreBuilder;

/**
 * The correlation topology, the same for the live app and the offline {@code detect} run:
 *
 * <ol>
 *   <li>global stores over the four reference topics keep one in-memory {@code ReferenceIndex};
 *   <li>endpoint events (by device) keep each host's context ({@value EndpointStage#STORE}) and become signals;
 *       their interactive logons and logoffs are re-keyed by address ({@code ip-logons} repartition, as many
 *       partitions as {@code events.proxy}) so they meet the web requests of that address;
 *   <li>web requests (by client address) are filtered, resolved to account and device at their own time with
 *       {@value IpStage#STORE}, and become signals; mail and self-reports become signals without state;
 *   <li>exempted signals are recorded on {@code events.exempted}; the rest are re-keyed by what their rule groups by
 *       ({@code signals} repartition, one record for the signals of one event with the same key, see
 *       {@link org.trustwatch.streams.signal.SignalBundles}; each marked with the partition it came from) and run
 *       through the rules ({@value RuleStage#STORE},
 *       {@value RuleStage#KNOWN_DOMAINS}); signals later than the grace ({@link LaneClock}) are recorded on
 *       {@code events.late};
 *   <li>detections are re-keyed by incident id ({@code detections} repartition), merged into incidents
 *       ({@value IncidentStage#STORE}) and written to {@code incidents}, with routed alerts on {@code alerts}.
 * </ol>
 */
public final class DetectionTopology {

    private DetectionTopology() {}

    /**
     * App setting: how many milliseconds an upstream task may send no logon before the requests held for their logons
     * stop waiting for it ({@link LogonLanes}). Default {@value #DEFAULT_LOGONS_QUIET_MS}: longer than a commit and a
     * fetch take (tens of milliseconds), short enough that a request whose endpoint agent stopped is not held long.
     */
    public static final String LOGONS_QUIET_MS = "logons.quiet.ms";

    static final long DEFAULT_LOGONS_QUIET_MS = 5_000;

    /** The quiet time the app's config names ({@value #LOGONS_QUIET_MS}), or the default. */
    public static Duration logonsQuiet(Map<String, String> config) {
        String value = config.getOrDefault(LOGONS_QUIET_MS, Long.toString(DEFAULT_LOGONS_QUIET_MS));
        try {
            long millis = Long.parseLong(value.trim());
            if (millis >= 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(LOGONS_QUIET_MS + " is '" + value
                + "': give milliseconds, 0 or more (0: held requests never wait for logons still on their way)");
    }

    /**
     * @param partitions the partition counts of the input topics: the address-keyed logons must match the proxy's
     * @param pseudonymKey the key of the pupils' pseudonyms in alerts
     */
    public static Topology build(
            Topics topics, Settings settings, ExternalSerdes serdes, InputPartitions partitions, byte[] pseudonymKey) {
        return build(
                topics,
                settings,
                serdes,
                partitions,
                pseudonymKey,
                RequestLookback.NONE,
                StoreKind.MEMORY,
                Duration.ZERO);
    }

    /**
     * @param lookback how the address stage reads back requests it passed before a loss report or a lost device's
     *     logon that precedes them in time ({@link RequestLookback#NONE} offline, where input comes in time order)
     * @param stores where the state stores keep their data ({@link StoreKind}, app setting {@code state.stores})
     * @param logonsQuiet how long an upstream task may send no logon before the requests held for their logons stop
     *     waiting for it ({@link LogonLanes}; app setting {@value #LOGONS_QUIET_MS}); zero offline, where input comes
     *     in time order and there is no repartition for the logons to lag in
     */
    public static Topology build(
            Topics topics,
            Settings settings,
            ExternalSerdes serdes,
            InputPartitions partitions,
            byte[] pseudonymKey,
            RequestLookback lookback,
            StoreKind stores,
            Duration logonsQuiet) {
        SharedReference reference = new SharedReference();
        Stage1 stage = new Stage1(reference, settings);
        IncidentTracker tracker = new IncidentTracker(
                settings.trust(Catalogue.SUPPRESSION_WINDOW), settings.trust(Catalogue.EVIDENCE_MAX));
        // Stateless (a key and lookups under the read lock), so one router serves every task.
        AlertRouter router = new AlertRouter(reference.unlocked(), settings, pseudonymKey);
        Serde<String> keys = Serdes.String();
        Serde<Signal> signals = CodecSerde.signals();
        StreamsBuilder builder = new StreamsBuilder();

        global(
                builder,
                topics.schools(),
                "reference-schools",
                serdes.value(School.class),
                reference,
                (index, v) -> index.put(v),
                (index, k) -> index.removeSchool(k));
        global(
                builder,
                topics.directory(),
                "reference-directory",
                serdes.value(DirectoryEntry.class),
                reference,
                (index, v) -> index.put(v),
                (index, k) -> index.removePerson(k));
        global(
                builder,
                topics.devices(),
                "reference-devices",
                serdes.value(DeviceRecord.class),
                reference,
                (index, v) -> index.put(v),
                (index, k) -> index.removeDevice(k));
        global(
                builder,
                topics.exemptions(),
                "reference-exemptions",
                serdes.value(Exemption.class),
                reference,
                (index, v) -> index.put(v),
                (index, k) -> index.removeExemption(k));

        // Write-behind: the puts to one key between two commits reach the store and the changelog once, at the commit
        // (a host's context rewritten by each of its events, a held request put and deleted a moment later).
        for (String store : List.of(
                EndpointStage.STORE,
                IpStage.STORE,
                IpStage.LOST_STORE,
                IpStage.PENDING_STORE,
                RuleStage.STORE,
                RuleStage.KNOWN_DOMAINS,
                RuleStage.CLOCK_STORE)) {
            builder.addStateStore(WriteBehindStoreBuilder.of(store, stores));
        }
        builder.addStateStore(Stores.keyValueStoreBuilder(
                stores.supplier(IncidentStage.STORE), keys, PlainAvroSerde.of(Incident.class)));

        // 2. endpoint events
        KStream<String, Signal> fromEndpoints = builder.stream(
                        topics.endpoint(), events(serdes.value(EndpointEvent.class), "endpoint-events"))
                .process(
                        () -> new EndpointStage(reference, stage, settings.trust(Catalogue.GRACE)),
                        Named.as("endpoint-stage"),
                        EndpointStage.STORE);
        Map<String, KStream<String, Signal>> endpointBranches = fromEndpoints
                .split(Named.as("endpoint-"))
                .branch((k, s) -> EndpointStage.IP_SESSION.equals(s.rule()), Branched.as("ip-sessions"))
                .defaultBranch(Branched.as("signals"));
        KStream<String, Signal> fromReports = builder.stream(
                        topics.reports(), events(serdes.value(IncidentReport.class), "report-events"))
                .process(() -> new EventStage<IncidentReport>(reference, stage), Named.as("report-stage"));
        KStream<String, Signal> lostStates = endpointBranches
                .get("endpoint-signals")
                .merge(fromReports, Named.as("lost-reports"))
                .filter((k, s) -> LostState.isChange(s), Named.as("lost-changes"))
                .mapValues(LostState::of, Named.as("as-lost-state"));
        KStream<String, Object> logonsByIp = endpointBranches
                .get("endpoint-ip-sessions")
                .merge(lostStates, Named.as("sessions-and-losses"))
                // which upstream task each logon came from: the address stage waits for the slowest (LogonLanes)
                .process(LaneStamp::new, Named.as("logon-lane-stamp"))
                .repartition(Repartitioned.with(keys, signals)
                        .withName("ip-logons")
                        .withNumberOfPartitions(partitions.proxy())
                        .withStreamPartitioner(LostState.toEveryPartition()))
                .mapValues(s -> (Object) s, Named.as("ip-logons-as-input"));

        // 3. web requests, mail, self-reports
        KStream<String, ProxyRequest> proxy =
                builder.stream(topics.proxy(), events(ProxyRequest.serde(serdes), "proxy-events"));
        // A widening cast, not a mapValues node: every request of the busiest topic would pass through that node.
        @SuppressWarnings({"unchecked", "rawtypes"})
        KStream<String, Object> requests = (KStream) proxy;
        KStream<String, Signal> fromRequests = requests.merge(logonsByIp, Named.as("requests-and-logons"))
                .process(
                        () -> new IpStage(
                                reference,
                                stage,
                                settings.trust(Catalogue.GRACE),
                                lookback,
                                logonsQuiet,
                                partitions.endpoint()),
                        Named.as("ip-stage"),
                        IpStage.STORE,
                        IpStage.LOST_STORE,
                        IpStage.PENDING_STORE);
        KStream<String, Signal> fromMail = builder.stream(
                        topics.mail(), events(serdes.value(MailEvent.class), "mail-events"))
                .process(() -> new EventStage<MailEvent>(reference, stage), Named.as("mail-stage"));
        KStream<String, Signal> all = endpointBranches
                .get("endpoint-signals")
                .merge(fromRequests, Named.as("merge-requests"))
                .merge(fromMail, Named.as("merge-mail"))
                .merge(fromReports, Named.as("merge-reports"));

        // 4. exemptions recorded, the rest to the rules
        Serde<Evidence> evidence = serdes.value(Evidence.class);
        Map<String, KStream<String, Signal>> routed = all.split(Named.as("signal-"))
                .branch((k, s) -> s.exemptionId() != null, Branched.as("exempted"))
                .defaultBranch(Branched.as("to-rules"));
        routed.get("signal-exempted")
                .process(() -> new Recorded("exempted"), Named.as("record-exempted"))
                .to(topics.exempted(), Produced.with(keys, evidence).withName("exempted-sink"));
        KStream<String, Object> ruled = routed.get("signal-to-rules")
                .process(LaneStamp::new, Named.as("lane-stamp"))
                .repartition(Repartitioned.with(keys, signals).withName("signals"))
                .process(
                        () -> new RuleStage(reference, settings, tracker, partitions, stores),
                        Named.as("rule-stage"),
                        RuleStage.STORE,
                        RuleStage.KNOWN_DOMAINS,
                        RuleStage.CLOCK_STORE);
        Map<String, KStream<String, Object>> ruleOut = ruled.split(Named.as("rules-"))
                .branch((k, v) -> v instanceof Signal, Branched.as("late"))
                .defaultBranch(Branched.as("detections"));
        ruleOut.get("rules-late")
                .mapValues(v -> (Signal) v, Named.as("late-signals"))
                .process(() -> new Recorded("late"), Named.as("record-late"))
                .to(topics.late(), Produced.with(keys, evidence).withName("late-sink"));

        // 5. incidents and alerts
        KStream<String, Object> changes = ruleOut.get("rules-detections")
                .mapValues(v -> (Detection) v, Named.as("as-detections"))
                .repartition(Repartitioned.with(keys, CodecSerde.detections()).withName("detections"))
                .process(
                        () -> new IncidentStage(reference, settings, tracker, router),
                        Named.as("incident-stage"),
                        IncidentStage.STORE);
        Map<String, KStream<String, Object>> outputs = changes.split(Named.as("out-"))
                .branch((k, v) -> v instanceof Incident, Branched.as("incidents"))
                .defaultBranch(Branched.as("alerts"));
        outputs.get("out-incidents")
                .mapValues(v -> (Incident) v, Named.as("as-incidents"))
                .to(
                        topics.incidents(),
                        Produced.with(keys, serdes.value(Incident.class)).withName("incidents-sink"));
        outputs.get("out-alerts")
                .mapValues(v -> (Alert) v, Named.as("as-alerts"))
                .to(
                        topics.alerts(),
                        Produced.with(keys, serdes.value(Alert.class)).withName("alerts-sink"));
        return builder.build();
    }

    private static <V> Consumed<String, V> events(Serde<V> serde, String name) {
        return Consumed.with(Serdes.String(), serde)
                .withTimestampExtractor(new EventTime())
                .withName(name);
    }

    private static <V extends SpecificRecordBase> void global(
            StreamsBuilder builder,
            String topic,
            String storeName,
            Serde<V> serde,
            SharedReference reference,
            java.util.function.BiConsumer<org.trustwatch.streams.context.ReferenceIndex, V> put,
            java.util.function.BiConsumer<org.trustwatch.streams.context.ReferenceIndex, String> remove) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(storeName), Serdes.String(), serde)
                        .withLoggingDisabled(),
                topic,
                Consumed.with(Serdes.String(), serde).withName(storeName + "-source"),
                () -> new ReferenceUpdater<>(storeName, reference, put, remove));
    }
}
