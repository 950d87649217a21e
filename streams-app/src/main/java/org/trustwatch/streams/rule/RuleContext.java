package org.trustwatch.streams.rule;

import java.time.ZoneId;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.streams.context.ReferenceIndex;
import org.trustwatch.streams.settings.Parameter;
import org.trustwatch.streams.settings.Settings;

/** The settings of the school a state belongs to, and its time zone. */
public record RuleContext(Settings settings, ReferenceIndex reference, IncidentCategory category, String schoolId) {

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
