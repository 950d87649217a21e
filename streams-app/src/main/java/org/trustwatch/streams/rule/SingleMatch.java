package org.trustwatch.streams.rule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.trustwatch.streams.signal.Signal;

/** Single-event match: every signal is an incident (or a repeat of one). */
public record SingleMatch(String description) implements Engine {

    @Override
    public List<Firing> evaluate(List<Entry> entries, RuleContext context) {
        List<Firing> out = new ArrayList<>();
        for (Entry e : entries) {
            out.add(Firing.of(e, description));
        }
        return out;
    }

    @Override
    public Duration retention(RuleContext context, Signal signal) {
        return Duration.ZERO;
    }

    @Override
    public boolean stateful() {
        return false;
    }
}
