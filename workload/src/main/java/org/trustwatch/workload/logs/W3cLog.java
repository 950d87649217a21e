package org.trustwatch.workload.logs;

/**
 * A Blue Coat ProxySG access log in its main (W3C ELFF) format: directives first, then one line per request with
 * the filter's category in {@code cs-categories} and the client's upload size in {@code cs-bytes}. ProxySG logs in
 * UTC and whole seconds, and does not log the CONNECT of intercepted TLS or authentication challenges.
 */
final class W3cLog implements ProxyLog {

    static final String FIELDS = "date time time-taken c-ip cs-username cs-auth-group x-exception-id sc-filter-result"
            + " cs-categories cs(Referer) sc-status s-action cs-method rs(Content-Type) cs-uri-scheme cs-host"
            + " cs-uri-port cs-uri-path cs-uri-query cs-uri-extension cs(User-Agent) s-ip sc-bytes cs-bytes x-virus-id";

    private static final String AGENT =
            "\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0\"";

    private final LogFile file;
    private final TimeText time;
    private final String proxyIp;
    private final StringBuilder b = new StringBuilder(400);

    W3cLog(LogFile file, TimeText time, String proxyName, String proxyIp, long firstDay) {
        this.file = file;
        this.time = time;
        this.proxyIp = proxyIp;
        StringBuilder start = new StringBuilder();
        time.w3c(start, firstDay);
        file.header("#Software: SGOS 7.3.16.2");
        file.header("#Version: 1.0");
        file.header("#Start-Date: " + start);
        file.header("#Date: " + start);
        file.header("#Fields: " + FIELDS);
        file.header("#Remark: 4716 \"" + proxyName + "\" \"" + proxyIp + "\" \"main\"");
    }

    @Override
    public void request(WebRequest r) {
        if (r.kind() == WebRequest.Kind.BUMPED_CONNECT || r.kind() == WebRequest.Kind.AUTH_CHALLENGE) {
            return;
        }
        boolean blocked = r.kind() == WebRequest.Kind.BLOCKED;
        b.setLength(0);
        time.w3c(b, r.time());
        b.append(' ').append(r.elapsedMillis()).append(' ').append(r.clientIp()).append(' ');
        b.append(r.user() == null ? "-" : r.user()).append(" - ");
        b.append(blocked ? "policy_denied DENIED " : "- PROXIED ");
        b.append('"').append(r.site().filterCategory()).append("\" - ");
        b.append(blocked ? 403 : 200).append(' ');
        b.append(blocked ? "TCP_DENIED" : r.site().listed() == null ? "TCP_HIT" : "TCP_NC_MISS")
                .append(' ');
        b.append(r.method())
                .append(' ')
                .append(blocked ? "text/html" : r.mime())
                .append(" https ");
        b.append(r.site().host()).append(" 443 ").append(r.path()).append(" - ");
        String ext = r.extension();
        b.append(ext == null ? "-" : ext)
                .append(' ')
                .append(AGENT)
                .append(' ')
                .append(proxyIp)
                .append(' ');
        b.append(r.responseBytes()).append(' ').append(r.requestBytes()).append(" -");
        file.add(r.time(), b);
        file.countEvent();
    }
}
