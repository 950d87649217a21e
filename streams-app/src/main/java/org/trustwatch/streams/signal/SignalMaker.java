package org.trustwatch.streams.signal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.trustwatch.schema.Evidence;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.Role;
import org.trustwatch.streams.context.ReferenceIndex;
import org.trustwatch.streams.settings.Parameter;
import org.trustwatch.streams.settings.Settings;

/**
 * What every extractor shares: the reference data, the settings, and the one place where a signal is made, so that
 * every signal is checked against the approved exceptions the same way.
 */
public final class SignalMaker {

    private final ReferenceIndex reference;
    private final Settings settings;

    public SignalMaker(ReferenceIndex reference, Settings settings) {
        this.reference = reference;
        this.settings = settings;
    }

    public ReferenceIndex reference() {
        return reference;
    }

    public <T> T setting(IncidentCategory category, Parameter<T> parameter, String schoolId) {
        return settings.get(category, parameter, schoolId);
    }

    public Settings settings() {
        return settings;
    }

    /** Builder of one signal; {@link Builder#emit} checks exemptions and hands it to the sink. */
    public Builder signal(String rule, IncidentCategory category, Evidence evidence, List<Signal> sink) {
        return new Builder(rule, category, evidence, sink);
    }

    public final class Builder {
        private final String rule;
        private final IncidentCategory category;
        private final Evidence evidence;
        private final List<Signal> sink;
        private String key;
        private String subject;
        private Role role;
        private String school;
        private String value;
        private long amount;
        private String phase;
        private int severity;
        private boolean breach;
        private String account;
        private String deviceId;
        private String domain;
        private String webCategory;

        private Builder(String rule, IncidentCategory category, Evidence evidence, List<Signal> sink) {
            this.rule = rule;
            this.category = category;
            this.evidence = evidence;
            this.sink = sink;
        }

        /** Subject, role, school and exemption identity from a resolved identity; the key defaults to the subject. */
        public Builder who(Identity who, String subject) {
            this.subject = subject;
            this.role = subject.equals(who.account()) ? who.role() : null;
            this.school = who.school(reference);
            this.account = who.account();
            this.deviceId = who.deviceId();
            return this;
        }

        public Builder subject(String subject, Role role, String school) {
            this.subject = subject;
            this.role = role;
            this.school = school;
            this.account = subject.contains(":") ? null : subject;
            return this;
        }

        public Builder key(String key) {
            this.key = key;
            return this;
        }

        public Builder value(String value) {
            this.value = value;
            return this;
        }

        public Builder amount(long amount) {
            this.amount = amount;
            return this;
        }

        public Builder phase(String phase) {
            this.phase = phase;
            return this;
        }

        public Builder severity(int severity) {
            this.severity = severity;
            return this;
        }

        public Builder breach(boolean breach) {
            this.breach = breach;
            return this;
        }

        public Builder school(String school) {
            this.school = school;
            return this;
        }

        public Builder device(String deviceId) {
            this.deviceId = deviceId;
            return this;
        }

        public Builder domain(String domain) {
            this.domain = domain == null ? null : domain.toLowerCase(Locale.ROOT);
            return this;
        }

        public Builder webCategory(String webCategory) {
            this.webCategory = webCategory;
            return this;
        }

        public void emit() {
            Signal signal = new Signal(
                    rule,
                    key == null ? subject : key,
                    evidence.getTimestamp().toEpochMilli(),
                    category,
                    school,
                    subject,
                    role,
                    value,
                    amount,
                    phase,
                    severity,
                    breach,
                    null,
                    evidence);
            if (school != null) {
                Instant at = evidence.getTimestamp();
                var exemption = reference.exemptionFor(
                        new ReferenceIndex.Activity(category, school, at, account, deviceId, domain, webCategory));
                if (exemption.isPresent()) {
                    signal = signal.exempted(exemption.get().getExemptionId());
                }
            }
            sink.add(signal);
        }
    }
}
