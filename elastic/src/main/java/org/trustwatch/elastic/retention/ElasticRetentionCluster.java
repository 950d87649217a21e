package org.trustwatch.elastic.retention;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ExpandWildcard;
import co.elastic.clients.elasticsearch._types.LifecycleOperationMode;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import co.elastic.clients.elasticsearch.indices.IndexSettingsLifecycle;
import co.elastic.clients.elasticsearch.indices.IndexState;
import co.elastic.clients.elasticsearch.indices.get.Feature;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.trustwatch.elastic.index.IndexNames;

/** The retention job's view of a real cluster through the Java client. */
public final class ElasticRetentionCluster implements RetentionCluster {

    /** What a node without the ILM plugin answers for {@code _ilm/status}: no handler for the path or method. */
    private static final Set<Integer> NO_SUCH_API = Set.of(400, 404, 405, 410);

    private final ElasticsearchClient client;

    public ElasticRetentionCluster(ElasticsearchClient client) {
        this.client = client;
    }

    @Override
    public List<EventIndex> eventIndices() throws IOException {
        Map<String, IndexState> found = new TreeMap<>(client.indices()
                .get(get -> get.index(IndexNames.EVENTS_ALIAS + "-*")
                        .features(Feature.Settings)
                        .expandWildcards(ExpandWildcard.Open, ExpandWildcard.Closed)
                        .allowNoIndices(true))
                .result());
        List<EventIndex> indices = new ArrayList<>();
        found.forEach((name, state) -> {
            IndexSettingsLifecycle lifecycle = lifecycle(state.settings());
            Long origination = lifecycle == null ? null : lifecycle.originationDate();
            indices.add(new EventIndex(
                    name,
                    lifecycle == null ? null : lifecycle.name(),
                    origination == null ? null : Instant.ofEpochMilli(origination)));
        });
        return indices;
    }

    /** The settings come back under {@code index} or at the top, depending on how the client reads them. */
    private static IndexSettingsLifecycle lifecycle(IndexSettings settings) {
        if (settings == null) {
            return null;
        }
        if (settings.lifecycle() != null) {
            return settings.lifecycle();
        }
        return settings.index() == null ? null : settings.index().lifecycle();
    }

    @Override
    public void delete(String index) throws IOException {
        try {
            client.indices().delete(delete -> delete.index(index));
        } catch (ElasticsearchException e) {
            if (e.status() != 404) { // gone already: another run got there first
                throw e;
            }
        }
    }

    @Override
    public boolean ilmRunning() throws IOException {
        try {
            return client.ilm().getStatus().operationMode() == LifecycleOperationMode.Running;
        } catch (ElasticsearchException e) {
            if (NO_SUCH_API.contains(e.status())) {
                return false;
            }
            throw e;
        } catch (TransportException e) {
            // a node without x-pack may answer with a body the client cannot read as an error
            if (NO_SUCH_API.contains(e.statusCode())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void putDeletePolicy(String policy, long days) throws IOException {
        String body = "{\"_meta\": {\"managed_by\": \"trustwatch\"}, \"phases\": {\"delete\": {\"min_age\": \"" + days
                + "d\", \"actions\": {\"delete\": {}}}}}";
        client.ilm().putLifecycle(put -> put.name(policy).policy(p -> p.withJson(new StringReader(body))));
    }

    @Override
    public void manage(String index, String policy, Instant origination) throws IOException {
        client.indices().putSettings(put -> put.index(index)
                .settings(s -> s.lifecycle(l -> l.name(policy).originationDate(origination.toEpochMilli()))));
    }
}
