package org.trustwatch.elastic.client;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/** Opens an {@link ElasticsearchClient} on the low-level REST client, with the connection's credentials and TLS. */
public final class ElasticClients {

    /** How long to wait for a connection; a cluster that is down is reported quickly and the caller retries. */
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    /** A large bulk request on a busy cluster may take a while; slower than this counts as a failed request. */
    private static final int SOCKET_TIMEOUT_MS = 60_000;

    private ElasticClients() {}

    public static ElasticHandle open(ElasticConnection connection) {
        HttpHost[] hosts = connection.urls().stream().map(ElasticClients::host).toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(hosts)
                .setRequestConfigCallback(
                        request -> request.setConnectTimeout(CONNECT_TIMEOUT_MS).setSocketTimeout(SOCKET_TIMEOUT_MS));
        Header authorization = authorization(connection);
        if (authorization != null) {
            builder.setDefaultHeaders(new Header[] {authorization});
        }
        if (connection.usesTls()) {
            SSLContext ssl = sslContext(connection);
            builder.setHttpClientConfigCallback(http -> {
                http.setSSLContext(ssl);
                if (!connection.verifyHostname()) {
                    http.setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE);
                }
                return http;
            });
        }
        RestClientTransport transport = new RestClientTransport(builder.build(), new JacksonJsonpMapper());
        return new ElasticHandle(new ElasticsearchClient(transport), transport, connection);
    }

    private static HttpHost host(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : 9200;
        return new HttpHost(url.getHost(), port, url.getScheme());
    }

    /** Sent with every request rather than negotiated, so a wrong key fails the first request with a clear 401. */
    static Header authorization(ElasticConnection connection) {
        if (connection.apiKey() != null) {
            return new BasicHeader("Authorization", "ApiKey " + connection.apiKey());
        }
        if (connection.username() != null) {
            String pair = connection.username() + ":" + connection.password();
            return new BasicHeader(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return null;
    }

    private static SSLContext sslContext(ElasticConnection connection) {
        try {
            if (connection.caCertificate() == null) {
                return SSLContext.getDefault();
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            Collection<? extends Certificate> certificates;
            try (InputStream pem = Files.newInputStream(connection.caCertificate())) {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(pem);
            }
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException(ElasticConnection.CA_PATH + " '" + connection.caCertificate()
                        + "' holds no certificate: give the PEM file of the cluster's CA");
            }
            int i = 0;
            for (Certificate certificate : certificates) {
                trusted.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    ElasticConnection.CA_PATH + " '" + connection.caCertificate() + "' cannot be used: "
                            + e.getMessage() + ". Give the PEM file of the cluster's CA",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + connection.caCertificate(), e);
        }
    }
}
