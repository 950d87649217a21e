package org.trustwatch.elastic.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The job against an in-memory cluster, with and without ILM (the local node has none). */
class RetentionJobTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T13:00:00Z"), ZoneOffset.UTC);
    private static final RetentionPeriod SIX_MONTHS = RetentionPeriod.parse("6M");

    @Test
    void withoutIlmDeletesTheExpiredMonthsAndReportsTheRest() throws Exception {
        FakeCluster cluster = new FakeCluster(
                false,
                "trustwatch-events-proxy-2026.04",
                "trustwatch-events-proxy-2026.05",
                "trustwatch-incidents-000001",
                "trustwatch-events-mail-2026.03");

        RetentionReport report = new RetentionJob(cluster, SIX_MONTHS, NOW, false).runOnce();

        assertEquals(List.of("trustwatch-events-mail-2026.03", "trustwatch-events-proxy-2026.04"), cluster.deleted);
        assertEquals(List.of("trustwatch-events-proxy-2026.05"), RetentionPlanTest.names(report.kept()));
        assertEquals(List.of("trustwatch-incidents-000001"), report.ignored());
        assertTrue(
                report.lines().contains("deleted trustwatch-events-proxy-2026.04 (month ended 2026-05-01)"),
                report.lines().toString());
        assertTrue(
                report.lines().contains("kept trustwatch-events-proxy-2026.05 (until 2026-12-01)"),
                report.lines().toString());
        assertEquals(
                "deleted 2, kept 1, ignored 1",
                report.lines().get(report.lines().size() - 1));
    }

    @Test
    void aDryRunDeletesNothingAndSaysWhatItWould() throws Exception {
        FakeCluster cluster = new FakeCluster(false, "trustwatch-events-proxy-2026.04");

        RetentionReport report = new RetentionJob(cluster, SIX_MONTHS, NOW, true).runOnce();

        assertEquals(List.of(), cluster.deleted);
        assertTrue(report.lines().get(0).startsWith("dry run, nothing changed"));
        assertTrue(report.lines().contains("would delete trustwatch-events-proxy-2026.04 (month ended 2026-05-01)"));
    }

    @Test
    void anIndexThatCannotBeDeletedIsReportedAndTheOthersStillGo() throws Exception {
        FakeCluster cluster =
                new FakeCluster(false, "trustwatch-events-proxy-2026.01", "trustwatch-events-proxy-2026.02");
        cluster.refuse = "trustwatch-events-proxy-2026.01";

        RetentionReport report = new RetentionJob(cluster, SIX_MONTHS, NOW, false).runOnce();

        assertFalse(report.succeeded());
        assertEquals(List.of("trustwatch-events-proxy-2026.02"), cluster.deleted);
        assertEquals(Map.of("trustwatch-events-proxy-2026.01", "blocked by a read-only block"), report.failed());
    }

    @Test
    void withIlmInstallsThePolicyAndAttachesEveryMonthFromItsEnd() throws Exception {
        FakeCluster cluster = new FakeCluster(
                true,
                "trustwatch-events-proxy-2026.04",
                "trustwatch-events-proxy-2026.11",
                "trustwatch-incidents-000001");

        RetentionReport report = new RetentionJob(cluster, SIX_MONTHS, NOW, false).runOnce();

        assertEquals(List.of(), cluster.deleted, "ILM deletes, not the job");
        assertEquals(Map.of(RetentionJob.ILM_POLICY, 186L), cluster.policies);
        assertEquals(
                Map.of(
                        "trustwatch-events-proxy-2026.04", Instant.parse("2026-05-01T00:00:00Z"),
                        "trustwatch-events-proxy-2026.11", Instant.parse("2026-12-01T00:00:00Z")),
                cluster.origination);
        assertTrue(report.ilm());
        assertTrue(
                report.lines()
                        .get(1)
                        .startsWith(
                                "the cluster runs ILM: policy trustwatch-events-retention deletes a monthly index 186 days after its month ends"),
                report.lines().get(1));

        RetentionReport again = new RetentionJob(cluster, SIX_MONTHS, NOW, false).runOnce();
        assertEquals(List.of(), again.attached(), "an index already under the policy is left as it is");
    }

    /** Indices by name; with ILM it keeps what was attached, as the cluster would. */
    private static final class FakeCluster implements RetentionCluster {
        final boolean ilm;
        final List<String> names;
        final List<String> deleted = new ArrayList<>();
        final Map<String, Long> policies = new LinkedHashMap<>();
        final Map<String, Instant> origination = new LinkedHashMap<>();
        String refuse;

        FakeCluster(boolean ilm, String... names) {
            this.ilm = ilm;
            this.names = new ArrayList<>(List.of(names));
        }

        @Override
        public List<EventIndex> eventIndices() {
            return names.stream()
                    .map(n -> new EventIndex(
                            n, origination.containsKey(n) ? RetentionJob.ILM_POLICY : null, origination.get(n)))
                    .toList();
        }

        @Override
        public void delete(String index) throws IOException {
            if (index.equals(refuse)) {
                throw new IOException("blocked by a read-only block");
            }
            names.remove(index);
            deleted.add(index);
        }

        @Override
        public boolean ilmRunning() {
            return ilm;
        }

        @Override
        public void putDeletePolicy(String policy, long days) {
            policies.put(policy, days);
        }

        @Override
        public void manage(String index, String policy, Instant from) {
            origination.put(index, from);
        }
    }
}
