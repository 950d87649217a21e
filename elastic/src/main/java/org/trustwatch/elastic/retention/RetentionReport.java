package org.trustwatch.elastic.retention;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trustwatch.elastic.index.MonthlyIndex;

/**
 * What one retention run did, or in a dry run would do.
 *
 * @param ilm true when the cluster's ILM deletes the indices, false when this job deleted them itself
 * @param deleted indices deleted (by this job, or with ILM: past the period, left to ILM)
 * @param kept indices within the period
 * @param ignored indices under the events prefix that Trustwatch did not name, left alone
 * @param attached with ILM: indices newly put under the policy in this run
 * @param failed index to the reason it could not be deleted or attached
 */
public record RetentionReport(
        Instant at,
        RetentionPeriod period,
        boolean dryRun,
        boolean ilm,
        List<MonthlyIndex> deleted,
        List<MonthlyIndex> kept,
        List<String> ignored,
        List<String> attached,
        Map<String, String> failed) {

    public boolean succeeded() {
        return failed.isEmpty();
    }

    /** The report in words, one line each, for a person or a log. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        String prefix = dryRun ? "dry run, nothing changed: " : "";
        Instant now = at.truncatedTo(ChronoUnit.SECONDS);
        lines.add(prefix + "retention " + period + " at " + now + ": raw events from before " + period.cutoff(now)
                + " are past it");
        if (ilm) {
            lines.add("the cluster runs ILM: policy " + RetentionJob.ILM_POLICY + " deletes a monthly index "
                    + period.longestDays() + " days after its month ends (" + period
                    + " rounded up to whole days); " + attached.size() + " ind" + (attached.size() == 1 ? "ex" : "ices")
                    + (dryRun ? " would be" : "") + " newly attached");
        } else {
            lines.add("the cluster has no running ILM: Trustwatch deletes the expired indices itself");
        }
        String gone = ilm ? "expired (ILM deletes it)" : dryRun ? "would delete" : "deleted";
        for (MonthlyIndex index : deleted) {
            lines.add(gone + " " + index.name() + " (month ended " + day(index.end()) + ")");
        }
        for (MonthlyIndex index : kept) {
            lines.add("kept " + index.name() + " (until " + day(expiry(index)) + ")");
        }
        for (String index : ignored) {
            lines.add("ignored " + index + " (not a monthly event index of Trustwatch)");
        }
        failed.forEach((index, reason) -> lines.add("FAILED " + index + ": " + reason));
        lines.add((ilm ? "expired " : dryRun ? "would delete " : "deleted ") + deleted.size() + ", kept " + kept.size()
                + ", ignored " + ignored.size() + (failed.isEmpty() ? "" : ", failed " + failed.size()));
        return lines;
    }

    /** When the index goes: its month's end plus the period, on the first run after that. */
    private Instant expiry(MonthlyIndex index) {
        return index.end().atZone(ZoneOffset.UTC).plus(period.period()).toInstant();
    }

    private static String day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
