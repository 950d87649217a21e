package org.trustwatch.pipeline.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The topics a benchmark run made for itself: its event and output topics ({@code RUN.}) and its app's internal ones
 * ({@code RUN-}, the application id). They are deleted when the run ends: a broker that keeps a thousand partitions
 * of earlier runs spends the next run's CPU on them, and the figures drift from run to run.
 */
public final class RunTopics {

    private RunTopics() {}

    /** Deletes them; returns how many there were. */
    public static int delete(String bootstrap, String run) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<String> mine = admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith(run + ".") || t.startsWith(run + "-"))
                    .toList();
            if (!mine.isEmpty()) {
                admin.deleteTopics(mine).all().get();
            }
            return mine.size();
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "could not delete the run's topics: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deleting the run's topics", e);
        }
    }
}
