package org.trustwatch.streams.rule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.trustwatch.streams.settings.Catalogue;
import org.trustwatch.streams.signal.Rules;
import org.trustwatch.streams.signal.Signal;

/**
 * Ordered sequence (C03 b): a message, then within the recall window a recall or apology from the same sender to one
 * of its recipients. Both messages are evidence.
 */
public final class RecallAfterSent implements Engine {

    @Override
    public List<Firing> evaluate(List<Entry> entries, RuleContext context) {
        long window = context.get(Catalogue.MISDIRECTED_RECALL_WINDOW).toMillis();
        List<Firing> out = new ArrayList<>();
        Set<Entry> fired = new HashSet<>();
        for (Entry recall : entries) {
            if (!Rules.RECALLED.equals(recall.signal().phase())) {
                continue;
            }
            Set<String> recalled = recipients(recall);
            for (Entry sent : entries) {
                long gap = recall.time() - sent.time();
                if (sent != recall
                        && Rules.SENT.equals(sent.signal().phase())
                        && gap >= 0
                        && gap <= window
                        && recipients(sent).stream().anyMatch(recalled::contains)) {
                    if (fired.add(sent)) {
                        out.add(Firing.of(sent, "a message its sender recalled or apologised for (sent in error)"));
                    }
                    if (fired.add(recall)) {
                        out.add(Firing.of(recall, "the recall or apology for a message sent in error"));
                    }
                }
            }
        }
        return out;
    }

    private static Set<String> recipients(Entry e) {
        String v = e.signal().value();
        return v == null ? Set.of() : new HashSet<>(Arrays.asList(v.split(";")));
    }

    @Override
    public Duration retention(RuleContext context, Signal signal) {
        return context.get(Catalogue.MISDIRECTED_RECALL_WINDOW);
    }
}
