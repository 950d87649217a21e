package org.trustwatch.streams.topology;

import org.trustwatch.streams.settings.Settings;
import org.trustwatch.streams.signal.EndpointSignals;
import org.trustwatch.streams.signal.MailSignals;
import org.trustwatch.streams.signal.ProxySignals;
import org.trustwatch.streams.signal.ReportSignals;
import org.trustwatch.streams.signal.SignalMaker;

/** The extractors of the first stage, over the shared index (used under its read lock). */
final class Stage1 {

    private final EndpointSignals endpoint;
    private final ProxySignals proxy;
    private final MailSignals mail;
    private final ReportSignals reports;

    Stage1(SharedReference reference, Settings settings) {
        SignalMaker maker = new SignalMaker(reference.unlocked(), settings);
        this.endpoint = new EndpointSignals(maker);
        this.proxy = new ProxySignals(maker, settings.schoolIds());
        this.mail = new MailSignals(maker);
        this.reports = new ReportSignals(maker, endpoint);
    }

    EndpointSignals endpoint() {
        return endpoint;
    }

    ProxySignals proxy() {
        return proxy;
    }

    MailSignals mail() {
        return mail;
    }

    ReportSignals reports() {
        return reports;
    }
}
