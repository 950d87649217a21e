package org.trustwatch.elastic.retention;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** What the retention job needs from a cluster; tests give it a cluster with ILM, which the local node lacks. */
public interface RetentionCluster {

    /**
     * An index named like a raw-event index, with its ILM settings when it has them.
     *
     * @param lifecyclePolicy {@code index.lifecycle.name}, null when unset
     * @param originationDate {@code index.lifecycle.origination_date}, null when unset
     */
    record EventIndex(String name, String lifecyclePolicy, Instant originationDate) {}

    /** Every index whose name starts with {@code trustwatch-events-}, open or closed. */
    List<EventIndex> eventIndices() throws IOException;

    void delete(String index) throws IOException;

    /** Whether the cluster has index lifecycle management and it is running (not stopped by an operator). */
    boolean ilmRunning() throws IOException;

    /** Creates or replaces the policy: one delete phase, {@code days} after the origination date. */
    void putDeletePolicy(String policy, long days) throws IOException;

    /** Puts the index under the policy, its age counted from {@code origination} rather than its creation. */
    void manage(String index, String policy, Instant origination) throws IOException;
}
