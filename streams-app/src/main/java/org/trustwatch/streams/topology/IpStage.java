package org.trustwatch.streams.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.streams.context.ContextCodec;
import org.trustwatch.streams.context.IpHistory;
import org.trustwatch.streams.context.LostDevices;
import org.trustwatch.streams.signal.EvidenceOf;
import org.trustwatch.streams.signal.Identity;
import org.trustwatch.streams.signal.RequestTriage;
import org.trustwatch.streams.signal.Rules;
import org.trustwatch.streams.signal.Signal;
import org.trustwatch.streams.signal.SignalBundles;

/**
 * First stage for web requests, keyed by client address and co-partitioned with the logons re-keyed by address: it
 * keeps who was logged on at each address over time and resolves each request to the account and device at the
 * request's own time. Requests no rule needs are dropped before any lookup. Lost and stolen reports are copied to
 * every partition of this stage ({@value #LOST_STORE}), so a request from a device reported lost is activity of that
 * device (C01) however the device's address is partitioned.
 */
final class IpStage implements Processor<String, Object, String, Signal> {

    static final String STORE = "ip-sessions";
    static final String LOST_STORE = "lost-devices";
    static final String PENDING_STORE = "ip-pending";
    private static final int MAX_PENDING_PER_ADDRESS = 1_000;
    private static final org.apache.kafka.common.serialization.Serde<ProxyEvent> PROXY =
            PlainAvroSerde.of(ProxyEvent.class);
    /** Rule name of the internal signals that copy a lost/recovered report to every partition of this stage. */
    static final String LOST_STATE = "@lost-state";

    private static final int CACHE = 50_000;

    private final SharedReference reference;
    private final Stage1 stage;
    private KeyValueStore<String, byte[]> store;
    private ProcessorContext<String, Signal> context;
    private final Map<String, IpHistory> cache = Lru.of(CACHE);
    private KeyValueStore<String, byte[]> lostStore;
    /**
     * Requests that mattered but had no user and no session yet: their logon may still arrive (endpoint logs are late
     * too). A logon that covers them resolves them; otherwise they go on unresolved once the logons seen (or, when
     * none come, the requests) are half the grace past them, so that the rules, which accept events up to the
     * grace late, still count them.
     */
    private KeyValueStore<String, byte[]> pendingStore;

    private final Map<String, List<ProxyEvent>> pending = new java.util.TreeMap<>();
    private final long waitMillis;
    private final java.time.Duration grace;
    /** How far the logons have come, per upstream partition: held requests wait for the slowest still delivering. */
    private LogonLanes logons;
    /** The upstream (endpoint) partitions whose logons this task receives. */
    private final int logonLanes;

    private final long logonsQuietMillis;
    /** Newest request time seen: the requests' own progress. */
    private long requestTime = Long.MIN_VALUE;
    /** The event time of the oldest held request (a bound: it may have been resolved since); none: MAX_VALUE. */
    private long oldestHeld = Long.MAX_VALUE;
    /** Every device this task knows a loss of, with its losses and recoveries (small: read whole at start). */
    private final Map<String, LostDevices> lost = new java.util.HashMap<>();

    private final RequestLookback lookback;
    /**
     * The first proxy offset this task passed for each minute of request time, back to two graces: where a look back
     * for requests from a moment on starts. Memory only: after a restart it covers the requests passed since.
     */
    private final java.util.TreeMap<Long, Long> firstOffsetByMinute = new java.util.TreeMap<>();

    private long lastMinute = Long.MIN_VALUE;
    /** The offset after the last request this task passed: how far a look back may read. */
    private long passedUntil = Long.MIN_VALUE;

    /**
     * @param logonsQuiet how long an upstream partition may deliver no logon before held requests stop waiting for it
     *     ({@link LogonLanes}); zero: they wait for no lagging logons (input read in time order)
     */
    IpStage(
            SharedReference reference,
            Stage1 stage,
            java.time.Duration grace,
            RequestLookback lookback,
            java.time.Duration logonsQuiet,
            int logonLanes) {
        this.reference = reference;
        this.logonLanes = logonLanes;
        this.logonsQuietMillis = logonsQuiet.toMillis();
        this.stage = stage;
        this.waitMillis = grace.toMillis() / 2;
        this.grace = grace;
        this.lookback = lookback;
    }

    @Override
    public void init(ProcessorContext<String, Signal> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        // A revived task (after an exactly-once failure) restores its stores from the changelog: everything held in
        // memory is rebuilt from them.
        cache.clear();
        lost.clear();
        pending.clear();
        oldestHeld = Long.MAX_VALUE;
        // At a start the logons come back through the repartition only after the first commit, while the requests
        // are read at once: every lane counts as delivering from now until it has sent a logon or stayed quiet.
        logons = new LogonLanes(logonsQuietMillis);
        logons.expect(logonLanes, context.currentSystemTimeMs());
        requestTime = Long.MIN_VALUE;
        firstOffsetByMinute.clear();
        lastMinute = Long.MIN_VALUE;
        passedUntil = Long.MIN_VALUE;
        this.lostStore = context.getStateStore(LOST_STORE);
        try (var all = lostStore.all()) {
            all.forEachRemaining(kv -> lost.put(kv.key, LostDevices.decode(kv.value)));
        }
        this.pendingStore = context.getStateStore(PENDING_STORE);
        try (var all = pendingStore.all()) {
            all.forEachRemaining(kv -> {
                ProxyEvent e = PROXY.deserializer().deserialize(null, kv.value);
                pending.computeIfAbsent(e.getSourceIp(), ip -> new ArrayList<>())
                        .add(e);
            });
        }
        pending.values().forEach(list -> list.sort(java.util.Comparator.comparing(ProxyEvent::getTimestamp)));
        oldestHeld = pending.isEmpty() ? Long.MAX_VALUE : Long.MIN_VALUE; // recomputed at the first release
        context.schedule(
                java.time.Duration.ofMinutes(1),
                org.apache.kafka.streams.processor.PunctuationType.STREAM_TIME,
                streamTime -> releaseExpired());
        if (logonsQuietMillis > 0) {
            // held requests whose logons went quiet are released even when no record comes to trigger it
            context.schedule(
                    java.time.Duration.ofSeconds(1),
                    org.apache.kafka.streams.processor.PunctuationType.WALL_CLOCK_TIME,
                    now -> releaseExpired());
        }
    }

    @Override
    public void process(Record<String, Object> record) {
        if (record.value() instanceof Signal s && LOST_STATE.equals(s.rule())) {
            LostDevices device = lost.computeIfAbsent(s.value(), d -> new LostDevices());
            device.record(s.time(), Rules.LOST.equals(s.phase()));
            lostStore.put(s.value(), device.encode());
            if (Rules.LOST.equals(s.phase())) {
                lookBack(s.time(), null); // requests passed before the report came that follow it in time
            }
        } else if (record.value() instanceof Signal session) {
            logons.arrived(LaneStamp.partitionOf(record.headers()), session.time(), context.currentSystemTimeMs());
            session(session);
        } else if (record.value() instanceof ProxyRequest r) {
            requestTime = Math.max(requestTime, r.timestamp());
            noteOffset(r.timestamp());
            request(record, r);
        }
        // Released as soon as the sources are far enough past a held request, not only at the next punctuation:
        // Kafka Streams punctuates between batches, and a batch of a replayed log may span more than the grace, after
        // which the rules would count the released request as late.
        if (oldestHeld != Long.MAX_VALUE && releasable(oldestHeld, context.currentSystemTimeMs())) {
            releaseExpired();
        }
    }

    private void session(Signal s) {
        String[] d = s.value().split("\\|", -1);
        IpHistory history = history(s.key());
        Instant at = Instant.ofEpochMilli(s.time());
        String account = d[0];
        String logonId = d.length > 2 && !d[2].isEmpty() ? d[2] : null;
        if (Rules.LOGON.equals(s.phase())) {
            history.logon(at, account, d.length > 1 ? d[1] : null, logonId);
        } else {
            history.logoff(at, account, logonId);
        }
        if (requestTime != Long.MIN_VALUE) {
            // the sessions answer requests, so the requests' progress sets how far back they are kept
            history.forgetBefore(IpHistory.horizon(requestTime, grace));
        }
        store.put(s.key(), ContextCodec.encode(history));
        if (Rules.LOGON.equals(s.phase()) && !lost.isEmpty() && isLost(d.length > 1 ? d[1] : null)) {
            lookBack(s.time(), s.key()); // a lost device's logon that came after requests it answers
        }
        List<ProxyEvent> waiting = pending.get(s.key());
        if (waiting != null && Rules.LOGON.equals(s.phase())) {
            release(s.key(), waiting, e -> history.at(e.getTimestamp()).isPresent());
        }
    }

    private void request(Record<String, Object> record, ProxyRequest r) {
        boolean matters = stage.proxy().mayMatter(r.triage());
        if (!matters && lost.isEmpty()) {
            return; // most requests end here, without a lookup and without being decoded whole
        }
        ProxyEvent e = r.event();
        String ip = e.getSourceIp();
        boolean user = e.getUserName() != null && Identity.isPersonAccount(e.getUserName());
        // A lost device is found through the session even when the proxy names the user, so while any device is
        // lost every request without a session waits for one too.
        if (ip != null
                && ((!user && matters) || !lost.isEmpty())
                && history(ip).at(e.getTimestamp()).isEmpty()) {
            List<ProxyEvent> waiting = pending.computeIfAbsent(ip, a -> new ArrayList<>());
            if (waiting.size() < MAX_PENDING_PER_ADDRESS) {
                waiting.add(e);
                oldestHeld = Math.min(oldestHeld, e.getTimestamp().toEpochMilli());
                pendingStore.put(heldKey(e), PROXY.serializer().serialize(null, e));
                return;
            }
        }
        resolve(e, matters, record.timestamp());
    }

    /** @param matters whether a rule may need the request ({@code mayMatter}), as its triage found */
    private void resolve(ProxyEvent e, boolean matters, long timestamp) {
        List<Signal> out = new ArrayList<>(2);
        reference.read(index -> {
            Identity who = who(index, e);
            if (matters) {
                stage.proxy().extract(e, who, out);
            }
            lostActivity(e, who, out);
            return null;
        });
        for (Signal s : SignalBundles.pack(out)) {
            context.forward(signalRecord(s, timestamp));
        }
    }

    /** C01: a request from a device reported lost at the request's time is use of that device. */
    private void lostActivity(ProxyEvent e, Identity who, List<Signal> out) {
        if (who.device() != null) {
            LostDevices device = lost.get(who.device().getDeviceId());
            if (device != null && device.lostAt(e.getTimestamp().toEpochMilli())) {
                stage.endpoint().lost(Optional.of(who.device()), null, Rules.ACTIVE, EvidenceOf.proxy(e), out);
            }
        }
    }

    /** Who made the request: the account it names, else the session at its address at its time; the session's host. */
    private Identity who(org.trustwatch.streams.context.ReferenceIndex index, ProxyEvent e) {
        String ip = e.getSourceIp();
        Optional<IpHistory.Session> session =
                ip == null ? Optional.empty() : history(ip).at(e.getTimestamp());
        String account = Identity.isPersonAccount(e.getUserName())
                ? e.getUserName()
                : session.map(IpHistory.Session::account).orElse(null);
        return Identity.resolve(
                index, account, session.map(IpHistory.Session::host).orElse(null), ip);
    }

    private boolean isLost(String host) {
        return reference.read(index ->
                index.device(host).map(d -> lost.containsKey(d.getDeviceId())).orElse(false));
    }

    /**
     * Reads back the requests this task passed from {@code from} on (of one address, or all) and counts those from a
     * lost device as its use, as they would have been had the loss or the logon come first. Rare: only on a loss
     * report, and on a logon of a device reported lost. Never past the last request the task passed (see
     * {@link RequestLookback#replay}). A request counted twice (it was also held) is one event to the rules.
     */
    private void lookBack(long from, String onlyAddress) {
        // requests are only roughly in time order on the topic: the lowest first offset of any minute from then on
        var start = firstOffsetByMinute.tailMap(Math.floorDiv(from, 60_000L)).values().stream()
                .mapToLong(Long::longValue)
                .min();
        if (start.isEmpty()) {
            return; // no request of that time passed yet: they will meet the loss or the logon as they come
        }
        List<Signal> out = new ArrayList<>();
        lookback.replay(context.taskId().partition(), start.getAsLong(), passedUntil, (key, r) -> {
            if (r.timestamp() < from || (onlyAddress != null && !onlyAddress.equals(key))) {
                return;
            }
            ProxyEvent e;
            try {
                e = r.event();
            } catch (RuntimeException bad) {
                return; // the stage's own pass sent it to the dead-letter topic
            }
            reference.read(index -> {
                lostActivity(e, who(index, e), out);
                return null;
            });
            for (Signal s : out) {
                context.forward(signalRecord(s, e.getTimestamp().toEpochMilli()));
            }
            out.clear();
        });
    }

    /** Keeps the first offset of each minute of request time, two graces back, and how far the task has passed. */
    private void noteOffset(long requestTimestamp) {
        var metadata = context.recordMetadata();
        if (metadata.isEmpty()) {
            return;
        }
        long offset = metadata.get().offset();
        passedUntil = Math.max(passedUntil, offset + 1);
        long minute = Math.floorDiv(requestTimestamp, 60_000L);
        if (minute == lastMinute) {
            return;
        }
        lastMinute = minute;
        firstOffsetByMinute.merge(minute, offset, Math::min);
        long keep = Math.floorDiv(requestTime - 2 * grace.toMillis(), 60_000L);
        firstOffsetByMinute.headMap(keep).clear();
    }

    /**
     * Whether a held request of time {@code t} may go on without its logon: the logons (every upstream partition still
     * delivering) are half the grace past it; or, when none is delivering, the requests are.
     */
    private boolean releasable(long t, long wallNow) {
        long logonsReached = logons.reached(wallNow);
        if (logonsReached != Long.MIN_VALUE && t < logonsReached - waitMillis) {
            return true;
        }
        return !logons.delivering(wallNow) && requestTime != Long.MIN_VALUE && t < requestTime - waitMillis;
    }

    /** Requests whose logon did not come in time go on as they are: attributed to their address. */
    private void releaseExpired() {
        if (pending.isEmpty()) {
            oldestHeld = Long.MAX_VALUE;
            return;
        }
        long now = context.currentSystemTimeMs();
        for (String ip : new ArrayList<>(pending.keySet())) {
            release(ip, pending.get(ip), e -> releasable(e.getTimestamp().toEpochMilli(), now));
        }
        oldestHeld = Long.MAX_VALUE;
        for (List<ProxyEvent> held : pending.values()) {
            for (ProxyEvent e : held) {
                oldestHeld = Math.min(oldestHeld, e.getTimestamp().toEpochMilli());
            }
        }
    }

    /**
     * A signal on its way to the rules, with how far the rule stage may move this task's lane of web requests
     * ({@link LaneStamp#TIME_HEADER}): the requests' progress, but no further than half the grace past the oldest
     * request still held, so that a request released after its logon lagged is not late to the rules for the requests
     * that went on meanwhile. Most signals go without the header: a lane time not behind the signal's own changes
     * nothing, and the header costs allocations for every signal.
     */
    private Record<String, Signal> signalRecord(Signal s, long timestamp) {
        long laneTime = oldestHeld == Long.MAX_VALUE ? requestTime : Math.min(requestTime, oldestHeld + waitMillis);
        return laneTime < timestamp
                ? new Record<>(SignalBundles.route(s), s, timestamp, LaneStamp.withLaneTime(laneTime))
                : new Record<>(SignalBundles.route(s), s, timestamp);
    }

    /** Resolves the held requests of an address that are ready; each leaves the store on its own (one delete). */
    private void release(String ip, List<ProxyEvent> waiting, java.util.function.Predicate<ProxyEvent> ready) {
        waiting.removeIf(e -> {
            if (!ready.test(e)) {
                return false;
            }
            pendingStore.delete(heldKey(e));
            // a held request waited while a device was lost, whether or not a rule needs it: triaged again here
            resolve(
                    e,
                    stage.proxy().mayMatter(RequestTriage.of(e)),
                    e.getTimestamp().toEpochMilli());
            return true;
        });
        if (waiting.isEmpty()) {
            pending.remove(ip);
        }
    }

    /** One store entry per held request, so holding or releasing one writes one entry, not the address's list. */
    private static String heldKey(ProxyEvent e) {
        return e.getSourceIp() + "|" + e.getEventHash();
    }

    private IpHistory history(String ip) {
        IpHistory h = cache.get(ip);
        if (h == null) {
            byte[] bytes = store.get(ip);
            h = bytes == null ? new IpHistory(ContextCodec.MAX_SESSIONS) : ContextCodec.decodeIpHistory(bytes);
            cache.put(ip, h);
        }
        return h;
    }
}
