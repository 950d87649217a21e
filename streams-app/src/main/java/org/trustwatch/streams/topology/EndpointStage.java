package org.trustwatch.streams.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.trustwatch.schema.EndpointEvent;
import org.trustwatch.streams.context.ContextCodec;
import org.trustwatch.streams.context.HostContext;
import org.trustwatch.streams.context.IpHistory;
import org.trustwatch.streams.signal.EndpointSignals;
import org.trustwatch.streams.signal.Identity;
import org.trustwatch.streams.signal.Rules;
import org.trustwatch.streams.signal.Signal;
import org.trustwatch.streams.signal.SignalBundles;

/**
 * First stage for endpoint events (keyed by device): keeps each host's context, turns events into signals keyed by
 * what their rule groups by, and re-keys interactive logons and logoffs by the host's address for the proxy stage.
 */
final class EndpointStage implements Processor<String, EndpointEvent, String, Signal> {

    /** Rule name of the internal signals that carry a session to the address-keyed stage. */
    static final String IP_SESSION = "@ip-session";

    static final String STORE = "host-context";
    private static final int CACHE = 10_000;

    private final SharedReference reference;
    private final Stage1 stage;
    private KeyValueStore<String, byte[]> store;
    private ProcessorContext<String, Signal> context;
    /** Decoded host contexts, written through to the store. */
    private final Map<String, HostContext> cache = Lru.of(CACHE);

    private final java.time.Duration grace;
    /** Newest endpoint event time this task has seen: the sessions of a host are kept back to its horizon. */
    private long newest = Long.MIN_VALUE;

    EndpointStage(SharedReference reference, Stage1 stage, java.time.Duration grace) {
        this.reference = reference;
        this.stage = stage;
        this.grace = grace;
    }

    @Override
    public void init(ProcessorContext<String, Signal> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        newest = Long.MIN_VALUE;
        cache.clear(); // a revived task restores its store from the changelog: drop what was decoded before
    }

    @Override
    public void process(Record<String, EndpointEvent> record) {
        EndpointEvent e = record.value();
        if (e == null) {
            return;
        }
        String hostKey = hostKey(e);
        HostContext host = hostKey == null ? new HostContext(ContextCodec.MAX_SESSIONS) : host(hostKey);
        newest = Math.max(newest, e.getTimestamp().toEpochMilli());
        if (EndpointSignals.updatesHost(e) && hostKey != null) {
            EndpointSignals.updateHost(e, host);
            host.sessions().forgetBefore(IpHistory.horizon(newest, grace));
            store.put(hostKey, ContextCodec.encode(host));
        }
        List<Signal> out = new ArrayList<>(4);
        reference.read(index -> {
            stage.endpoint().extract(e, host, out);
            return null;
        });
        for (Signal s : SignalBundles.pack(out)) {
            context.forward(record.withKey(SignalBundles.route(s)).withValue(s));
        }
        ipSession(record, e);
    }

    private void ipSession(Record<String, EndpointEvent> record, EndpointEvent e) {
        boolean logon = e.getEventAction().equals("logged-in")
                && e.getWinlogLogonType() != null
                && (e.getWinlogLogonType() == 2 || e.getWinlogLogonType() == 10 || e.getWinlogLogonType() == 11);
        boolean logoff = e.getEventAction().equals("logged-out");
        if ((!logon && !logoff) || e.getHostIp().isEmpty() || !Identity.isPersonAccount(e.getUserName())) {
            return;
        }
        String detail = String.join(
                "|",
                e.getUserName(),
                e.getHostName() == null ? "" : e.getHostName(),
                e.getWinlogLogonId() == null ? "" : e.getWinlogLogonId());
        for (String ip : e.getHostIp()) {
            Signal s = new Signal(
                    IP_SESSION,
                    ip,
                    e.getTimestamp().toEpochMilli(),
                    org.trustwatch.schema.IncidentCategory.UNKNOWN,
                    null,
                    ip,
                    null,
                    detail,
                    0,
                    logon ? Rules.LOGON : Rules.LOGOFF,
                    0,
                    false,
                    null,
                    org.trustwatch.streams.signal.EvidenceOf.endpoint(e));
            context.forward(record.withKey(ip).withValue(s));
        }
    }

    private HostContext host(String key) {
        HostContext host = cache.get(key);
        if (host == null) {
            byte[] bytes = store.get(key);
            host = bytes == null ? new HostContext(ContextCodec.MAX_SESSIONS) : ContextCodec.decodeHost(bytes);
            cache.put(key, host);
        }
        return host;
    }

    private static String hostKey(EndpointEvent e) {
        String h = e.getHostName() != null ? e.getHostName() : e.getDeviceId();
        return h == null ? null : h.toLowerCase(java.util.Locale.ROOT);
    }
}
