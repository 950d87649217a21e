package org.trustwatch.elastic.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to reach an Elasticsearch cluster: its URLs, the credentials (an API key, or a user name and password) and,
 * for https, the CA certificate to trust and whether host names are checked. Built from settings by their keys, so
 * the sink, the retention job and the command-line tools read the same keys.
 *
 * @param caCertificate PEM file of the CA that signed the cluster's certificate; null trusts the JDK's CAs
 */
public record ElasticConnection(
        List<URI> urls, String apiKey, String username, String password, Path caCertificate, boolean verifyHostname) {

    public static final String URLS = "elasticsearch.urls";
    public static final String API_KEY = "elasticsearch.api.key";
    public static final String USERNAME = "elasticsearch.username";
    public static final String PASSWORD = "elasticsearch.password";
    public static final String CA_PATH = "elasticsearch.ssl.ca.path";
    public static final String VERIFY_HOSTNAME = "elasticsearch.ssl.verify.hostname";

    public ElasticConnection {
        urls = List.copyOf(urls);
    }

    /** A cluster without security, e.g. the local stack's node. */
    public static ElasticConnection plain(String url) {
        return fromSettings(Map.of(URLS, url));
    }

    /**
     * Reads and checks the settings; blank values count as unset.
     *
     * @throws IllegalArgumentException naming the key, what is wrong and what to do
     */
    public static ElasticConnection fromSettings(Map<String, String> settings) {
        List<URI> urls = urls(value(settings, URLS));
        String apiKey = value(settings, API_KEY);
        String username = value(settings, USERNAME);
        String password = value(settings, PASSWORD);
        if (apiKey != null && username != null) {
            throw invalid(API_KEY, "is set together with " + USERNAME + ": use one way to sign in, not both");
        }
        if (username != null && password == null) {
            throw invalid(PASSWORD, "is missing: " + USERNAME + " is set, so give its password");
        }
        if (password != null && username == null) {
            throw invalid(USERNAME, "is missing: " + PASSWORD + " is set, so give the user it belongs to");
        }
        Path ca = null;
        String caPath = value(settings, CA_PATH);
        if (caPath != null) {
            ca = Path.of(caPath);
            if (!Files.isReadable(ca)) {
                throw invalid(
                        CA_PATH, "'" + caPath + "' is not a readable file: give the PEM file of the cluster's CA");
            }
            if (urls.stream().noneMatch(url -> url.getScheme().equals("https"))) {
                throw invalid(CA_PATH, "is set but no URL in " + URLS + " uses https: use https URLs or unset it");
            }
        }
        String verify = value(settings, VERIFY_HOSTNAME);
        if (verify != null && !verify.equalsIgnoreCase("true") && !verify.equalsIgnoreCase("false")) {
            throw invalid(VERIFY_HOSTNAME, "'" + verify + "' is not true or false");
        }
        return new ElasticConnection(
                urls, apiKey, username, password, ca, verify == null || Boolean.parseBoolean(verify));
    }

    public boolean usesTls() {
        return urls.stream().anyMatch(url -> url.getScheme().equals("https"));
    }

    /** Never shows a secret, so the connection can be logged. */
    @Override
    public String toString() {
        String auth = apiKey != null ? "api key" : username != null ? "user " + username : "no authentication";
        return urls + " (" + auth + (caCertificate == null ? "" : ", CA " + caCertificate)
                + (verifyHostname ? "" : ", host names not verified") + ")";
    }

    private static List<URI> urls(String list) {
        if (list == null) {
            throw invalid(URLS, "is missing: give the cluster's URLs, comma-separated, e.g. https://es1:9200");
        }
        List<URI> urls = new ArrayList<>();
        for (String part : list.split(",")) {
            String text = part.strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                URI url = new URI(text);
                if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                    throw invalid(URLS, "'" + text + "' is not an http:// or https:// URL with a host");
                }
                urls.add(url);
            } catch (URISyntaxException e) {
                throw invalid(URLS, "'" + text + "' is not a URL: " + e.getReason());
            }
        }
        if (urls.isEmpty()) {
            throw invalid(URLS, "holds no URL: give the cluster's URLs, comma-separated");
        }
        return urls;
    }

    private static String value(Map<String, String> settings, String key) {
        String value = settings.get(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static IllegalArgumentException invalid(String key, String reason) {
        return new IllegalArgumentException(key + " " + reason);
    }
}
