package org.trustwatch.workload.logs;

import org.trustwatch.workload.web.Site;

/**
 * One request through the school's web proxy, whatever format the proxy logs it in.
 *
 * @param user the proxy-authenticated account, or null (a request without a user name)
 * @param requestBytes what the client sent (headers and body): uploads are large
 * @param kind a plain request, a blocked one, the CONNECT of a TLS-bumped request, or a 407 challenge
 */
public record WebRequest(
        long time,
        int elapsedMillis,
        String clientIp,
        String user,
        String method,
        Site site,
        String path,
        long responseBytes,
        long requestBytes,
        Kind kind) {

    public enum Kind {
        ALLOWED,
        BLOCKED,
        /** The CONNECT line Squid logs before the decrypted request of a bumped TLS connection. */
        BUMPED_CONNECT,
        /** Squid's proxy-authentication challenge before the browser sends the user's credentials. */
        AUTH_CHALLENGE
    }

    public static WebRequest get(long time, String ip, String user, Site site, String path, long bytes) {
        return new WebRequest(
                time, 80 + (int) (bytes % 700), ip, user, "GET", site, path, bytes, 350 + bytes % 600, Kind.ALLOWED);
    }

    public WebRequest blocked() {
        return new WebRequest(time, 2, clientIp, user, method, site, path, 3_900, requestBytes, Kind.BLOCKED);
    }

    public WebRequest post(long sent) {
        return new WebRequest(
                time,
                elapsedMillis + (int) (sent / 20_000),
                clientIp,
                user,
                "POST",
                site,
                path,
                512,
                sent,
                Kind.ALLOWED);
    }

    public WebRequest as(Kind other) {
        return new WebRequest(
                time, elapsedMillis, clientIp, user, method, site, path, responseBytes, requestBytes, other);
    }

    /** The file extension of the path, or null: what a proxy logs as {@code cs-uri-extension}. */
    public String extension() {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash && dot < path.length() - 1 ? path.substring(dot + 1) : null;
    }

    /** What the server answered with: a download is an executable, the rest the site's pages. */
    public String mime() {
        if (path.endsWith(".exe") || path.endsWith(".msi")) {
            return "application/x-msdownload";
        }
        return method.equals("POST") ? "application/json" : site.mime();
    }
}
