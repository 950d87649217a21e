package org.trustwatch.streams.rule;

import java.time.Duration;
import java.util.List;
import org.trustwatch.streams.signal.Signal;

/**
 * One kind of rule over the signals kept for one key, sorted by event time. {@link #evaluate} looks at all of them
 * (not only the newest), so a late or out-of-order event can complete a window, a sequence or a session, and the
 * same events give the same incidents whatever order they came in. Entries already reported are skipped by the
 * caller.
 */
public interface Engine {

    List<Firing> evaluate(List<Entry> entries, RuleContext context);

    /** How long a kept signal can still matter, before the grace for late events is added. */
    Duration retention(RuleContext context, Signal signal);

    /**
     * How much later than the grace a signal of this rule may come and still meet everything it needs. Most rules
     * compare a signal with those of the last minutes or hours, which are forgotten after their retention: a signal
     * later than the grace may find them gone, so it is recorded as late instead. A rule whose signals need only
     * state it keeps for months can judge a much later one as it would have on time.
     */
    default Duration lateAllowance() {
        return Duration.ZERO;
    }

    /** Whether the engine keeps state at all; stateless engines fire on the one signal. */
    default boolean stateful() {
        return true;
    }
}
