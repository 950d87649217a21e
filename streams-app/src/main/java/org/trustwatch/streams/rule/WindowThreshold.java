package org.trustwatch.streams.rule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.trustwatch.streams.signal.Signal;

/**
 * Threshold count, distinct-value count or byte sum per key in a sliding window: every event in a window that
 * reaches the threshold is part of the incident.
 */
public final class WindowThreshold implements Engine {

    private final Windows.Measure measure;
    private final Function<RuleContext, Long> threshold;
    private final Function<RuleContext, Duration> window;
    private final String description;

    private WindowThreshold(
            Windows.Measure measure,
            Function<RuleContext, Long> threshold,
            Function<RuleContext, Duration> window,
            String description) {
        this.measure = measure;
        this.threshold = threshold;
        this.window = window;
        this.description = description;
    }

    public static WindowThreshold count(
            Function<RuleContext, Long> threshold, Function<RuleContext, Duration> window, String description) {
        return new WindowThreshold(Windows.Measure.COUNT, threshold, window, description);
    }

    public static WindowThreshold distinct(
            Function<RuleContext, Long> threshold, Function<RuleContext, Duration> window, String description) {
        return new WindowThreshold(Windows.Measure.DISTINCT, threshold, window, description);
    }

    public static WindowThreshold sum(
            Function<RuleContext, Long> threshold, Function<RuleContext, Duration> window, String description) {
        return new WindowThreshold(Windows.Measure.SUM, threshold, window, description);
    }

    @Override
    public List<Firing> evaluate(List<Entry> entries, RuleContext context) {
        boolean[] in = Windows.qualifying(
                entries, e -> true, window.apply(context).toMillis(), measure, threshold.apply(context));
        List<Firing> out = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                out.add(Firing.of(entries.get(i), description));
            }
        }
        return out;
    }

    @Override
    public Duration retention(RuleContext context, Signal signal) {
        return window.apply(context);
    }
}
