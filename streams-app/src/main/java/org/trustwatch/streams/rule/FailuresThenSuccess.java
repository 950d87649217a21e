package org.trustwatch.streams.rule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.trustwatch.streams.settings.Catalogue;
import org.trustwatch.streams.signal.Rules;
import org.trustwatch.streams.signal.Signal;

/**
 * Ordered sequence (C07): failed logons reaching a threshold in a window (a count of failures for one account, or a
 * number of distinct accounts from one source), then a success within the success window after one of those
 * failures. The failures are the incident; the success escalates it.
 */
public final class FailuresThenSuccess implements Engine {

    private final Windows.Measure measure;
    private final Function<RuleContext, Long> threshold;
    private final String description;

    private FailuresThenSuccess(Windows.Measure measure, Function<RuleContext, Long> threshold, String description) {
        this.measure = measure;
        this.threshold = threshold;
        this.description = description;
    }

    /** Guessing: failures of one account. */
    public static FailuresThenSuccess guessing() {
        return new FailuresThenSuccess(
                Windows.Measure.COUNT,
                c -> (long) c.get(Catalogue.ACCESS_FAILED_LOGONS),
                "failed logons of one account in the failure window (password guessing)");
    }

    /** Spraying: distinct accounts failing from one source. */
    public static FailuresThenSuccess spraying() {
        return new FailuresThenSuccess(
                Windows.Measure.DISTINCT,
                c -> (long) c.get(Catalogue.ACCESS_SPRAYED_ACCOUNTS),
                "failed logons of many accounts from one source in the failure window (password spraying)");
    }

    @Override
    public List<Firing> evaluate(List<Entry> entries, RuleContext context) {
        boolean[] failed = Windows.qualifying(
                entries,
                e -> Rules.FAILURE.equals(e.signal().phase()),
                context.get(Catalogue.ACCESS_WINDOW).toMillis(),
                measure,
                threshold.apply(context));
        long successWindow = context.get(Catalogue.ACCESS_SUCCESS_WINDOW).toMillis();
        List<Firing> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (failed[i]) {
                out.add(Firing.of(e, description));
            } else if (Rules.SUCCESS.equals(e.signal().phase()) && followsFailures(entries, failed, i, successWindow)) {
                out.add(new Firing(
                        e,
                        e.signal().rule() + "-then-success",
                        "a successful logon right after the failures",
                        context.get(Catalogue.ACCESS_SUCCESS_SEVERITY),
                        true));
            }
        }
        return out;
    }

    private static boolean followsFailures(List<Entry> entries, boolean[] failed, int success, long window) {
        long at = entries.get(success).time();
        for (int j = success - 1; j >= 0; j--) {
            long gap = at - entries.get(j).time();
            if (gap > window) {
                return false;
            }
            if (failed[j]) {
                return true;
            }
        }
        // failures at the very same millisecond sort after the success by hash; count them too
        for (int j = success + 1; j < entries.size() && entries.get(j).time() == at; j++) {
            if (failed[j]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Duration retention(RuleContext context, Signal signal) {
        return context.get(Catalogue.ACCESS_WINDOW).plus(context.get(Catalogue.ACCESS_SUCCESS_WINDOW));
    }
}
