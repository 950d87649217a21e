package org.trustwatch.streams.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.trustwatch.streams.signal.EvidenceOf;
import org.trustwatch.streams.signal.Identity;
import org.trustwatch.streams.signal.Rules;
import org.trustwatch.streams.signal.Signal;

/**
 * First stage for web requests, keyed by client address and co-partitioned with the logons re-keyed by address: it
 * keeps who was logged on at each address over time and resolves each request to the account and device at the
 * request's own time. Requests no rule needs are dropped before any lookup; a device's activity (for lost devices,
 * C01) is sampled once per device per {@link #ACTIVITY_SAMPLE_MILLIS} of event time.
 */
final class IpStage implements Processor<String, Object, String, Signal> {

    static final String STORE = "ip-sessions";
    static final long ACTIVITY_SAMPLE_MILLIS = 10 * 60_000L;
    private static final int CACHE = 50_000;

    private final SharedReference reference;
    private final Stage1 stage;
    private KeyValueStore<String, byte[]> store;
    private ProcessorContext<String, Signal> context;
    private final Map<String, IpHistory> cache = lru(CACHE);
    /** Per address, the activity bucket last sampled: most requests end here, without a lookup. */
    private final Map<String, Long> sampled = lru(CACHE);

    IpStage(SharedReference reference, Stage1 stage) {
        this.reference = reference;
        this.stage = stage;
    }

    @Override
    public void init(ProcessorContext<String, Signal> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, Object> record) {
        if (record.value() instanceof Signal session) {
            session(session);
        } else if (record.value() instanceof ProxyEvent e) {
            request(record, e);
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
        store.put(s.key(), ContextCodec.encode(history));
    }

    private void request(Record<String, Object> record, ProxyEvent e) {
        boolean matters = stage.proxy().mayMatter(e);
        String ip = e.getSourceIp();
        long bucket = e.getTimestamp().toEpochMilli() / ACTIVITY_SAMPLE_MILLIS;
        boolean sample = ip != null && !Long.valueOf(bucket).equals(sampled.get(ip));
        if (!matters && !sample) {
            return;
        }
        Optional<IpHistory.Session> session =
                ip == null ? Optional.empty() : history(ip).at(e.getTimestamp());
        List<Signal> out = new ArrayList<>(2);
        reference.read(index -> {
            String account = e.getUserName() != null && Identity.isPersonAccount(e.getUserName())
                    ? e.getUserName()
                    : session.map(IpHistory.Session::account).orElse(null);
            Identity who = Identity.resolve(
                    index, account, session.map(IpHistory.Session::host).orElse(null), ip);
            if (matters) {
                stage.proxy().extract(e, who, out);
            }
            if (sample && who.device() != null) {
                sampled.put(ip, bucket);
                stage.endpoint(index).lost(Optional.of(who.device()), null, Rules.ACTIVE, EvidenceOf.proxy(e), out);
            } else if (sample) {
                sampled.put(ip, bucket);
            }
            return null;
        });
        for (Signal s : out) {
            context.forward(new Record<>(s.key(), s, record.timestamp(), record.headers()));
        }
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

    private static <V> Map<String, V> lru(int max) {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }
}
