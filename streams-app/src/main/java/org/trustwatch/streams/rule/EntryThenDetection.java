package org.trustwatch.streams.rule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.trustwatch.streams.settings.Catalogue;
import org.trustwatch.streams.signal.Rules;
import org.trustwatch.streams.signal.Signal;

/**
 * C09: every antivirus detection is an incident; a download or inbound message in the entry-point window before it
 * is linked to it as the likely way in.
 */
public final class EntryThenDetection implements Engine {

    @Override
    public List<Firing> evaluate(List<Entry> entries, RuleContext context) {
        long window = context.get(Catalogue.MALWARE_ENTRY_WINDOW).toMillis();
        List<Firing> out = new ArrayList<>();
        for (Entry e : entries) {
            if (Rules.DETECTION.equals(e.signal().phase())) {
                out.add(Firing.of(e, "malware detected on the device"));
            } else if (Rules.ENTRY.equals(e.signal().phase()) && detectedWithin(entries, e, window)) {
                out.add(new Firing(
                        e,
                        Rules.MALWARE + "-entry-point",
                        "likely entry point: in the window before a detection",
                        0,
                        false));
            }
        }
        return out;
    }

    private static boolean detectedWithin(List<Entry> entries, Entry entry, long window) {
        for (Entry d : entries) {
            long gap = d.time() - entry.time();
            if (Rules.DETECTION.equals(d.signal().phase()) && gap >= 0 && gap <= window) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Duration retention(RuleContext context, Signal signal) {
        return context.get(Catalogue.MALWARE_ENTRY_WINDOW);
    }
}
