package org.trustwatch.elastic.client;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.ElasticsearchTransport;
import java.io.Closeable;
import java.io.IOException;

/** An open client and the transport under it; closing it closes the connections. */
public final class ElasticHandle implements Closeable {

    private final ElasticsearchClient client;
    private final ElasticsearchTransport transport;
    private final ElasticConnection connection;

    ElasticHandle(ElasticsearchClient client, ElasticsearchTransport transport, ElasticConnection connection) {
        this.client = client;
        this.transport = transport;
        this.connection = connection;
    }

    public ElasticsearchClient client() {
        return client;
    }

    public ElasticConnection connection() {
        return connection;
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
