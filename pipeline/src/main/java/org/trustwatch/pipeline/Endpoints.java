package org.trustwatch.pipeline;

import java.nio.file.Path;
import org.trustwatch.stack.StackSettings;

/**
 * Where the pipeline's servers answer, and where it keeps its files.
 *
 * @param workDir the correlation app's directory ({@code apps/correlation}) and the replayed logs
 *     ({@code pipeline/<workload>/logs}) go under it; the Connect worker must see the logs at the same path
 * @param home the checkout whose build holds the correlation app, when the pipeline starts it
 */
public record Endpoints(
        String kafkaBootstrap,
        String registryUrl,
        String elasticsearchUrl,
        String connectUrl,
        Path workDir,
        Path home) {

    /** The local stack's servers; files under its data directory. */
    public static Endpoints of(StackSettings stack) {
        return new Endpoints(
                stack.kafkaBootstrap(),
                stack.registryUrl(),
                stack.elasticsearchUrl(),
                stack.connectUrl(),
                stack.dataDir(),
                stack.home());
    }
}
