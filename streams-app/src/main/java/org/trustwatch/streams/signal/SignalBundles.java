package org.trustwatch.streams.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Packs the signals of one event that go to the same rule-stage partition into one record. An interactive logon feeds
 * both the guessing and the account-sharing rules of its account; an outbound message feeds both the recall and the
 * campaign rules of its sender. Each signal crossing the {@code signals} repartition costs a produce, a broker append,
 * a fetch and a decode, and in bench-correlate those pairs were about a quarter of the signals, so they travel
 * together and the rule stage unpacks them ({@link Signal#unbundled()}).
 *
 * <p>Only signals that go straight to the rules are packed: not exempted ones (recorded on their own topic), not the
 * lost-device ones (a report or recovery is also copied to the address stage) and not the app's internal ones.
 */
public final class SignalBundles {

    private SignalBundles() {}

    /**
     * The record key a signal crosses the {@code signals} repartition with: its rule key, except for the campaign rule,
     * whose key is the sender and the subject and which is routed by the sender alone, so that it lands with the
     * sender's recall signals. Every signal of a rule must always be routed the same way: the rule's state for a key
     * lives in one partition.
     */
    public static String route(Signal s) {
        return Rules.CAMPAIGN.equals(s.rule()) ? s.subject() : s.key();
    }

    /**
     * The event's signals with those of one route packed into the first of them, in the order they were made. A list
     * with nothing to pack is returned as it is.
     */
    public static List<Signal> pack(List<Signal> signals) {
        if (signals.size() < 2) {
            return signals;
        }
        List<Signal> out = null;
        boolean[] taken = new boolean[signals.size()];
        for (int i = 0; i < signals.size(); i++) {
            if (taken[i]) {
                continue;
            }
            Signal first = signals.get(i);
            List<Signal> companions = null;
            if (packable(first)) {
                String route = route(first);
                for (int j = i + 1; j < signals.size(); j++) {
                    Signal other = signals.get(j);
                    if (!taken[j] && packable(other) && sameOrigin(first, other) && route.equals(route(other))) {
                        taken[j] = true;
                        if (companions == null) {
                            companions = new ArrayList<>(2);
                        }
                        companions.add(other);
                    }
                }
            }
            if (companions != null && out == null) {
                out = new ArrayList<>(signals.subList(0, i));
            }
            if (out != null) {
                out.add(companions == null ? first : first.withCompanions(companions));
            }
        }
        return out == null ? signals : out;
    }

    private static boolean packable(Signal s) {
        return s.exemptionId() == null
                && s.companions().isEmpty()
                && !Rules.LOST_DEVICE.equals(s.rule())
                && !s.rule().startsWith("@");
    }

    /** The rule stage judges lateness once per record: by the source and time the packed signals must share. */
    private static boolean sameOrigin(Signal a, Signal b) {
        return a.time() == b.time()
                && Objects.equals(a.evidence().getSource(), b.evidence().getSource());
    }
}
