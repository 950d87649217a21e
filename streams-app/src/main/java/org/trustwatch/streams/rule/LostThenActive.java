package org.trustwatch.streams.rule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.trustwatch.streams.settings.Catalogue;
import org.trustwatch.streams.signal.Rules;
import org.trustwatch.streams.signal.Signal;

/**
 * Ordered sequence with expiry (C01): a lost or stolen report opens the incident; activity of the device after a
 * report and before it is recovered escalates it ("lost device in use"). A recovery ends the lost state.
 */
public final class LostThenActive implements Engine {

    /** How long a report stays open without a recovery. */
    static final Duration LOST_STATE = Duration.ofDays(180);

    @Override
    public List<Firing> evaluate(List<Entry> entries, RuleContext context) {
        List<Firing> out = new ArrayList<>();
        boolean lost = false;
        for (Entry e : entries) {
            String phase = e.signal().phase();
            if (Rules.LOST.equals(phase)) {
                lost = true;
                out.add(Firing.of(e, "the device was reported lost or stolen"));
            } else if (Rules.RECOVERED.equals(phase)) {
                lost = false;
            } else if (Rules.ACTIVE.equals(phase) && lost) {
                out.add(new Firing(
                        e,
                        Rules.LOST_DEVICE + "-in-use",
                        "the device was used after it was reported lost or stolen",
                        context.get(Catalogue.LOST_IN_USE_SEVERITY),
                        true));
            }
        }
        return out;
    }

    /**
     * Activity needs only the reports and recoveries, kept for {@link #LOST_STATE}; and activity the address stage
     * finds by looking back when a report or a logon comes after the requests it covers is as old as that lag (in the
     * demo's replay, where a second of wall time is minutes of the day, such a signal was seen 79 min behind its lane).
     */
    @Override
    public Duration lateAllowance() {
        return LOST_STATE;
    }

    /** Reports are kept while the device may still turn up; plain activity only as long as a late report may come. */
    @Override
    public Duration retention(RuleContext context, Signal signal) {
        return Rules.ACTIVE.equals(signal.phase()) ? Duration.ZERO : LOST_STATE;
    }
}
