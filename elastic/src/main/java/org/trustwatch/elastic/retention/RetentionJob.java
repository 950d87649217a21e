package org.trustwatch.elastic.retention;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.trustwatch.elastic.index.MonthlyIndex;

/**
 * Keeps raw events for the retention period and no longer, on any cluster. Without ILM (or with ILM stopped) each run
 * deletes the monthly event indices whose month ended more than the period ago. With ILM running it installs a policy
 * with one delete phase and puts every monthly index under it, with the index's age counted from the end of its month
 * ({@code index.lifecycle.origination_date}); ILM counts from creation otherwise, and a month's index is created
 * on its first event, so it would go up to a month early. The incidents index and anything not named like a monthly
 * event index are never touched. One instance can run on a schedule ({@link #runOnce()} each time).
 */
public final class RetentionJob {

    public static final String ILM_POLICY = "trustwatch-events-retention";

    private final RetentionCluster cluster;
    private final RetentionPeriod period;
    private final Clock clock;
    private final boolean dryRun;

    public RetentionJob(RetentionCluster cluster, RetentionPeriod period, Clock clock, boolean dryRun) {
        this.cluster = Objects.requireNonNull(cluster);
        this.period = Objects.requireNonNull(period);
        this.clock = Objects.requireNonNull(clock);
        this.dryRun = dryRun;
    }

    public static RetentionJob on(ElasticsearchClient client, RetentionPeriod period, boolean dryRun) {
        return new RetentionJob(new ElasticRetentionCluster(client), period, Clock.systemUTC(), dryRun);
    }

    /**
     * One run. An index that cannot be deleted is reported as failed and the others are still done.
     *
     * @throws IOException when the cluster cannot be reached or refuses to list its indices
     */
    public RetentionReport runOnce() throws IOException {
        Instant now = clock.instant();
        List<RetentionCluster.EventIndex> indices = cluster.eventIndices();
        RetentionPlan plan = RetentionPlan.of(
                indices.stream().map(RetentionCluster.EventIndex::name).toList(), period, now);
        Map<String, String> failed = new LinkedHashMap<>();
        boolean ilm = cluster.ilmRunning();
        List<String> attached = new ArrayList<>();
        if (ilm) {
            attach(indices, plan, attached, failed);
        } else if (!dryRun) {
            for (MonthlyIndex index : plan.expired()) {
                try {
                    cluster.delete(index.name());
                } catch (IOException | RuntimeException e) {
                    failed.put(index.name(), e.getMessage());
                }
            }
        }
        List<MonthlyIndex> deleted = plan.expired().stream()
                .filter(index -> !failed.containsKey(index.name()))
                .toList();
        return new RetentionReport(
                now, period, dryRun, ilm, deleted, plan.kept(), plan.ignored(), List.copyOf(attached), failed);
    }

    /** Puts every monthly index that is not yet under the policy with its month's end as origination date. */
    private void attach(
            List<RetentionCluster.EventIndex> indices,
            RetentionPlan plan,
            List<String> attached,
            Map<String, String> failed)
            throws IOException {
        if (!dryRun) {
            cluster.putDeletePolicy(ILM_POLICY, period.longestDays());
        }
        List<MonthlyIndex> monthly = new ArrayList<>(plan.expired());
        monthly.addAll(plan.kept());
        for (MonthlyIndex index : monthly) {
            RetentionCluster.EventIndex state = indices.stream()
                    .filter(i -> i.name().equals(index.name()))
                    .findFirst()
                    .orElseThrow();
            if (ILM_POLICY.equals(state.lifecyclePolicy()) && index.end().equals(state.originationDate())) {
                continue;
            }
            try {
                if (!dryRun) {
                    cluster.manage(index.name(), ILM_POLICY, index.end());
                }
                attached.add(index.name());
            } catch (IOException | RuntimeException e) {
                failed.put(index.name(), e.getMessage());
            }
        }
    }
}
