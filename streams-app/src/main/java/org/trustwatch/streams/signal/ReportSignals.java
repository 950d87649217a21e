package org.trustwatch.streams.signal;

import static org.trustwatch.schema.IncidentCategory.SELF_REPORTED;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.trustwatch.schema.DeviceRecord;
import org.trustwatch.schema.Evidence;
import org.trustwatch.schema.IncidentReport;
import org.trustwatch.schema.ReportKind;

/** Self-reports -> C18 (every report), and a lost-device report also opens C01 for the device it names. */
public final class ReportSignals {

    private final SignalMaker maker;
    private final EndpointSignals endpoint;

    public ReportSignals(SignalMaker maker, EndpointSignals endpoint) {
        this.maker = maker;
        this.endpoint = endpoint;
    }

    public void extract(IncidentReport r, List<Signal> out) {
        Evidence evidence = EvidenceOf.report(r);
        var person = maker.reference().person(r.getReporter());
        String reporter = person.map(p -> p.getUserId()).orElse(r.getReporter()).toLowerCase(Locale.ROOT);
        String school = r.getSchoolId() != null
                ? r.getSchoolId()
                : person.map(p -> p.getSchoolId()).orElse(null);
        maker.signal(Rules.SELF_REPORT, SELF_REPORTED, evidence, out)
                .subject(reporter, person.map(p -> p.getRole()).orElse(null), school)
                .value(r.getKind().name())
                .breach(r.getPersonalData())
                .emit();
        if (r.getKind() == ReportKind.lost_device && r.getDeviceId() != null) {
            Optional<DeviceRecord> device = maker.reference().device(r.getDeviceId());
            endpoint.lost(device, r.getDeviceId(), Rules.LOST, evidence, out);
        }
    }
}
