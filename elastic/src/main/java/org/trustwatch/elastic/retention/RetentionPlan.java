package org.trustwatch.elastic.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.trustwatch.elastic.index.MonthlyIndex;

/**
 * Which monthly event indices are past the retention period. An index for month M goes only when the end of M is
 * older than now minus the period, so no event in it is younger than the period; exactly at the boundary it stays
 * (deleting is for ever, one more run deletes it). Any index whose name Trustwatch did not make is left alone.
 *
 * @param expired past the period, oldest first
 * @param kept monthly indices still within the period, oldest first
 * @param ignored names that are not monthly event indices
 */
public record RetentionPlan(List<MonthlyIndex> expired, List<MonthlyIndex> kept, List<String> ignored) {

    public static RetentionPlan of(Collection<String> indexNames, RetentionPeriod period, Instant now) {
        Instant cutoff = period.cutoff(now);
        List<MonthlyIndex> expired = new ArrayList<>();
        List<MonthlyIndex> kept = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (String name : indexNames) {
            Optional<MonthlyIndex> index = MonthlyIndex.parse(name);
            if (index.isEmpty()) {
                ignored.add(name);
            } else if (index.get().end().isBefore(cutoff)) {
                expired.add(index.get());
            } else {
                kept.add(index.get());
            }
        }
        Comparator<MonthlyIndex> oldestFirst =
                Comparator.comparing(MonthlyIndex::month).thenComparing(MonthlyIndex::name);
        expired.sort(oldestFirst);
        kept.sort(oldestFirst);
        ignored.sort(Comparator.naturalOrder());
        return new RetentionPlan(List.copyOf(expired), List.copyOf(kept), List.copyOf(ignored));
    }
}
