package org.trustwatch.streams.rule;

import java.time.ZoneId;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.streams.context.ReferenceIndex;
import org.trustwatch.streams.settings.Parameter;
import org.trustwatch.streams.settings.Settings;

/**
 * The settings of the school a state belongs to, its time zone, and how far the signal's source is known in event
 * time.
 *
 * @param knownUntil the event time up to which every partition of the signal's source has delivered: an absence
 *     (a session with no logoff yet) is only known up to there ({@link Long#MAX_VALUE}: no bound)
 */
public record RuleContext(
        Settings settings, ReferenceIndex reference, IncidentCategory category, String schoolId, long knownUntil) {

    public RuleContext(Settings settings, ReferenceIndex reference, IncidentCategory category, String schoolId) {
        this(settings, reference, category, schoolId, Long.MAX_VALUE);
    }

    public <T> T get(Parameter<T> parameter) {
        return settings.get(category, parameter, schoolId);
    }

    public ZoneId zone() {
        return reference
                .school(schoolId)
                .map(s -> {
                    try {
                        return ZoneId.of(s.getTimezone());
                    } catch (RuntimeException e) {
                        return ZoneId.of("Europe/London");
                    }
                })
                .orElse(ZoneId.of("Europe/London"));
    }
}
