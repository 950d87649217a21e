package org.trustwatch.streams.rule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.trustwatch.streams.signal.Signal;

/**
 * Sliding windows over time-sorted entries: which entries lie in some window of length {@code window} whose measure
 * (a count, a number of distinct values or a sum of amounts) reaches the threshold. Linear in the entries.
 */
final class Windows {

    enum Measure {
        COUNT,
        DISTINCT,
        SUM
    }

    private Windows() {}

    /** @return for each entry (by index), whether it lies in a window that reaches the threshold */
    static boolean[] qualifying(
            List<Entry> entries, Predicate<Entry> counted, long windowMillis, Measure measure, long threshold) {
        boolean[] in = new boolean[entries.size()];
        List<Integer> idx = new java.util.ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (counted.test(entries.get(i))) {
                idx.add(i);
            }
        }
        Map<String, Integer> distinct = new HashMap<>();
        long total = 0;
        int end = 0;
        for (int start = 0; start < idx.size(); start++) {
            long startTime = entries.get(idx.get(start)).time();
            while (end < idx.size() && entries.get(idx.get(end)).time() - startTime <= windowMillis) {
                Entry e = entries.get(idx.get(end));
                switch (measure) {
                    case COUNT -> total++;
                    case SUM -> total += e.signal().amount();
                    case DISTINCT -> {
                        for (String v : values(e)) {
                            distinct.merge(v, 1, Integer::sum);
                        }
                    }
                }
                end++;
            }
            long value = measure == Measure.DISTINCT ? distinct.size() : total;
            if (value >= threshold) {
                for (int k = start; k < end; k++) {
                    in[idx.get(k)] = true;
                }
            }
            Entry leaving = entries.get(idx.get(start));
            switch (measure) {
                case COUNT -> total--;
                case SUM -> total -= leaving.signal().amount();
                case DISTINCT -> {
                    for (String v : values(leaving)) {
                        distinct.computeIfPresent(v, (k, n) -> n == 1 ? null : n - 1);
                    }
                }
            }
        }
        return in;
    }

    /** The distinct values an entry counts: one, or several ({@link Signal#VALUES_SEPARATOR}). */
    private static String[] values(Entry e) {
        String value = String.valueOf(e.signal().value());
        return value.indexOf(Signal.VALUES_SEPARATOR.charAt(0)) < 0
                ? new String[] {value}
                : value.split(Signal.VALUES_SEPARATOR);
    }
}
