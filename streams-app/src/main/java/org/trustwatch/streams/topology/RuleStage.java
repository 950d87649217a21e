package org.trustwatch.streams.topology;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.streams.incident.Detection;
import org.trustwatch.streams.incident.IncidentTracker;
import org.trustwatch.streams.rule.Engine;
import org.trustwatch.streams.rule.EntriesCodec;
import org.trustwatch.streams.rule.Entry;
import org.trustwatch.streams.rule.Firing;
import org.trustwatch.streams.rule.Lookalike;
import org.trustwatch.streams.rule.RuleBook;
import org.trustwatch.streams.rule.RuleContext;
import org.trustwatch.streams.rule.RuleEvaluator;
import org.trustwatch.streams.settings.Catalogue;
import org.trustwatch.streams.settings.Settings;
import org.trustwatch.streams.signal.Rules;
import org.trustwatch.streams.signal.Signal;
import org.trustwatch.streams.state.StoreKind;
import org.trustwatch.streams.state.WriteBehindStore;

/**
 * Second stage, keyed by what each rule groups by: keeps every rule's window of signals in {@value #STORE}, runs the
 * rule and forwards detections keyed by the incident they belong to. A signal later than the grace ({@link LaneClock}:
 * behind the newest signal of its own source and upstream partition, or behind the time state was pruned to) is not
 * correlated: it is forwarded as late, to be recorded on the late topic.
 */
final class RuleStage implements Processor<String, Signal, String, Object> {

    static final String STORE = "rule-state";
    static final String KNOWN_DOMAINS = "known-domains";
    /** The task's lane clock ({@link LaneClock#encode}), under one key. */
    static final String CLOCK_STORE = "lane-clock";

    private static final String CLOCK_KEY = "clock";
    /**
     * How many keys' decoded windows are kept, and from what size. From the heap stores only large windows: most keys
     * hold few entries (0.1 to 6 on average per rule in bench-correlate, 43 at most), and decoding them again cost less
     * than keeping them did. Kept lists outlived young collections, were promoted, and died in the old generation when
     * the key was evicted or its entries replaced (inferred from the collections' counts, not traced). Two alternating
     * full pairs of bench-correlate, every used key kept (10,000) / none: full collections in the drain 4 / 2 (1.5 /
     * 0.7 and 1.6 / 0.7 s), young ones 2.4 / 1.5 and 2.6 / 1.6 s; drains 100,577 / 103,729 and 89,013 / 94,357
     * events/s; steady p99 2,043 / 822 and 1,024 / 639 ms. A window of many entries (up to RuleEvaluator's bound of
     * 5,000: a shared account, a busy address) is still kept decoded: decoding thousands of entries for each of its
     * signals would cost more than keeping them (inferred, not measured). A kept window that shrinks stays kept, in step
     * with the store, until the map drops it. From RocksDB a miss is an iterator seek, so every used key is kept.
     */
    private static final int DECODED_KEYS_IN_MEMORY = 1_000;

    /** The fewest entries of a window kept decoded from the heap stores. */
    static final int LARGE_WINDOW = 64;

    private static final int DECODED_KEYS_ON_DISK = 50_000;

    private final SharedReference reference;
    private final Settings settings;
    private final IncidentTracker tracker;
    private final RuleBook book = new RuleBook();
    private RuleEvaluator evaluator;
    private KeyValueStore<String, byte[]> store;
    private KeyValueStore<String, byte[]> known;
    private ProcessorContext<String, Object> context;
    /**
     * Decoded entries of the keys used lately, kept in step with the store (every put and delete goes through both),
     * so a key's window is decoded from bytes once and not for every signal (from the heap stores, large windows only).
     */
    private final java.util.Map<String, List<Entry>> decoded;
    /** The fewest entries a key's window has for it to be kept decoded. */
    private final int keptFrom;

    private LaneClock clock;
    private KeyValueStore<String, byte[]> clockStore;
    private boolean clockMoved;
    private final InputPartitions partitions;

    RuleStage(
            SharedReference reference,
            Settings settings,
            IncidentTracker tracker,
            InputPartitions partitions,
            StoreKind stores) {
        boolean onHeap = stores == StoreKind.MEMORY;
        this.decoded = Lru.of(onHeap ? DECODED_KEYS_IN_MEMORY : DECODED_KEYS_ON_DISK);
        this.keptFrom = onHeap ? LARGE_WINDOW : 0;
        this.partitions = partitions;
        this.reference = reference;
        this.settings = settings;
        this.tracker = tracker;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.known = context.getStateStore(KNOWN_DOMAINS);
        // A revived task (after an exactly-once failure) restores its store from the changelog: nothing decoded
        // before may be trusted.
        decoded.clear();
        this.evaluator = new RuleEvaluator(settings, reference.unlocked(), book);
        this.clock = new LaneClock(
                settings.trust(Catalogue.GRACE).toMillis(),
                settings.trust(Catalogue.LANE_ALLOWANCE).toMillis(),
                partitions::of);
        this.clockStore = context.getStateStore(CLOCK_STORE);
        byte[] saved = clockStore.get(CLOCK_KEY);
        if (saved != null) {
            clock.restore(saved);
        }
        context.schedule(Duration.ofMinutes(5), PunctuationType.WALL_CLOCK_TIME, now -> sweep());
        // once a second, not per signal: a put is a map write, but the encoding is not free
        context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, now -> saveClock());
    }

    @Override
    public void process(Record<String, Signal> record) {
        Signal s = record.value();
        if (s == null) {
            return;
        }
        // The signals packed in one record are one event's, of one source and time: late or not together.
        List<Signal> signals = s.unbundled();
        int lane = LaneStamp.partitionOf(record.headers());
        String source = s.evidence().getSource();
        clockMoved = true;
        if (clock.observe(source, lane, s.time(), LaneStamp.laneTimeOf(record.headers(), s.time()))) {
            // only for a late record: which rules can still judge it (the lost-device rule keeps reports for months)
            long allowance = lateAllowance(signals);
            if (clock.lateBeyond(source, lane, s.time(), allowance)) {
                Headers why = new RecordHeaders()
                        .add(
                                Recorded.WHY_LATE,
                                clock.whyLate(source, lane, s.time(), allowance).getBytes(StandardCharsets.UTF_8));
                for (Signal one : signals) {
                    context.forward(new Record<>(one.eventHash(), (Object) one, record.timestamp(), why));
                }
                return;
            }
        }
        long streamTime = clock.pruneTime();
        for (Signal one : signals) {
            List<Detection> detections = reference.read(
                    index -> Rules.LOOKALIKE_DOMAIN.equals(one.rule()) ? lookalike(one) : evaluate(one, streamTime));
            for (Detection d : detections) {
                context.forward(new Record<>(tracker.incidentId(d), (Object) d, record.timestamp(), record.headers()));
            }
        }
    }

    private void saveClock() {
        if (clockMoved) {
            clockStore.put(CLOCK_KEY, clock.encode());
            clockMoved = false;
        }
    }

    /** How much later than the grace all of a record's signals can still be judged (the least of their rules'). */
    private long lateAllowance(List<Signal> signals) {
        long allowance = Long.MAX_VALUE;
        for (Signal one : signals) {
            Engine engine = book.engine(one.rule());
            allowance = Math.min(
                    allowance, engine == null ? 0 : engine.lateAllowance().toMillis());
        }
        return allowance == Long.MAX_VALUE ? 0 : allowance;
    }

    private List<Detection> evaluate(Signal s, long streamTime) {
        String key = EntriesCodec.group(s.rule(), s.key());
        boolean stateful = book.engine(s.rule()).stateful();
        List<Entry> state = stateful ? state(key) : null;
        RuleEvaluator.Result result;
        try {
            result = evaluator.apply(
                    s, state, streamTime, clock.knownUntil(s.evidence().getSource()));
        } catch (RuntimeException e) {
            decoded.remove(key); // the evaluator changes the list in place: it may be half changed
            throw e;
        }
        if (stateful) {
            for (Entry e : result.removed()) {
                // a put of null deletes without reading the old value
                store.put(EntriesCodec.storeKey(key, e), null);
            }
            for (Entry e : result.changed()) {
                store.put(EntriesCodec.storeKey(key, e), EntriesCodec.encode(e));
            }
            if (result.state().size() >= keptFrom) {
                decoded.put(key, result.state());
            }
        }
        return result.detections();
    }

    /** The key's entries, decoded once and then kept in step with the store while the key is in use. */
    private List<Entry> state(String key) {
        List<Entry> state = decoded.get(key);
        if (state == null) {
            state = new ArrayList<>();
            try (KeyValueIterator<String, byte[]> it = store.prefixScan(
                    key + WriteBehindStore.GROUP_END, new org.apache.kafka.common.serialization.StringSerializer())) {
                while (it.hasNext()) {
                    KeyValue<String, byte[]> kv = it.next();
                    state.add(EntriesCodec.decode(kv.key, kv.value));
                }
            }
            state.sort(RuleEvaluator.BY_TIME);
        }
        return state;
    }

    /**
     * C03 (a): history per school and domain of when mail went there. A domain not known (not a partner, not sent to
     * often enough in the period) that looks like a known one is a likely typo.
     */
    private List<Detection> lookalike(Signal s) {
        RuleContext rc =
                new RuleContext(settings, reference.unlocked(), IncidentCategory.MISDIRECTED_EMAIL, s.schoolId());
        int needed = rc.get(Catalogue.MISDIRECTED_KNOWN_MESSAGES);
        long period = rc.get(Catalogue.MISDIRECTED_KNOWN_PERIOD).toMillis();
        String prefix = s.schoolId() + "|";
        List<String> knownDomains = new ArrayList<>(rc.get(Catalogue.MISDIRECTED_PARTNER_DOMAINS));
        try (KeyValueIterator<String, byte[]> it =
                known.prefixScan(prefix, new org.apache.kafka.common.serialization.StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                if (Lookalike.enough(times(kv.value), s.time() - period, s.time(), needed)) {
                    knownDomains.add(kv.key.substring(prefix.length()));
                }
            }
        }
        List<Detection> out = new ArrayList<>(1);
        String near = Lookalike.nearest(s.value(), knownDomains, rc.get(Catalogue.MISDIRECTED_EDIT_DISTANCE));
        if (near != null) {
            Entry entry = new Entry(s, false);
            out.add(evaluator.detection(
                    new Firing(
                            entry,
                            s.rule(),
                            "mail to " + s.value() + ", which looks like the known domain " + near,
                            0,
                            false),
                    rc));
        }
        String key = prefix + s.value();
        List<Long> times = new ArrayList<>(times(known.get(key)));
        times.add(s.time());
        times.sort(null);
        while (times.size() > 4 * needed) {
            times.remove(0);
        }
        known.put(key, encodeTimes(times));
        return out;
    }

    private static List<Long> times(byte[] bytes) {
        if (bytes == null) {
            return List.of();
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
        List<Long> out = new ArrayList<>(bytes.length / 8);
        while (b.remaining() >= 8) {
            out.add(b.getLong());
        }
        return out;
    }

    private static byte[] encodeTimes(List<Long> times) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(times.size() * 8);
        times.forEach(b::putLong);
        return b.array();
    }

    /**
     * Forgets entries that fell out of their rule's retention and were not pruned by a later signal of their key
     * (idle accounts, old addresses); the keys they belonged to are decoded afresh when next used.
     */
    private void sweep() {
        long streamTime = clock.pruneTime();
        if (streamTime == Long.MIN_VALUE) {
            return;
        }
        long grace = settings.trust(Catalogue.GRACE).toMillis();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> kv = all.next();
                Signal signal = EntriesCodec.decode(kv.key, kv.value).signal();
                Engine engine = book.engine(signal.rule());
                long retention =
                        engine.retention(evaluator.contextOf(signal), signal).toMillis();
                if (signal.time() < streamTime - grace - retention) {
                    expired.add(kv.key);
                }
            }
        }
        for (String key : expired) {
            store.put(key, null);
            decoded.remove(key.substring(0, key.indexOf(WriteBehindStore.GROUP_END)));
        }
    }
}
