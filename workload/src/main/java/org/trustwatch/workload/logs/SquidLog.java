package org.trustwatch.workload.logs;

/**
 * Squid's native access.log with {@code %>st} (request size) appended, as schools that need upload rules configure
 * it: {@code time elapsed client result/status size method URL user hierarchy/from type request-size}.
 */
final class SquidLog implements ProxyLog {

    private final LogFile file;
    private final TimeText time;
    private final StringBuilder b = new StringBuilder(256);

    SquidLog(LogFile file, TimeText time) {
        this.file = file;
        this.time = time;
    }

    @Override
    public void request(WebRequest r) {
        b.setLength(0);
        time.epochSeconds(b, r.time());
        String elapsed = Integer.toString(r.elapsedMillis());
        for (int i = elapsed.length(); i < 6; i++) {
            b.append(' ');
        }
        b.append(' ').append(elapsed).append(' ').append(r.clientIp()).append(' ');
        String user = r.user() == null ? "-" : r.user();
        switch (r.kind()) {
            case BUMPED_CONNECT ->
                b.append("NONE_NONE/200 0 CONNECT ")
                        .append(r.site().host())
                        .append(":443 ")
                        .append(user)
                        .append(" HIER_NONE/- - ")
                        .append(517);
            case AUTH_CHALLENGE -> request(r, "TCP_DENIED/407", 3_945, "-", "HIER_NONE/-", "text/html");
            case BLOCKED -> request(r, "TCP_DENIED/403", r.responseBytes(), user, "HIER_NONE/-", "text/html");
            case ALLOWED ->
                request(
                        r,
                        r.site().listed() == null && r.responseBytes() % 3 == 0 ? "TCP_MEM_HIT/200" : "TCP_MISS/200",
                        r.responseBytes(),
                        user,
                        r.site().hierarchy(),
                        r.mime());
        }
        file.add(r.time(), b);
        file.countEvent();
    }

    private void request(WebRequest r, String result, long size, String user, String hierarchy, String mime) {
        b.append(result)
                .append(' ')
                .append(size)
                .append(' ')
                .append(r.method())
                .append(" https://")
                .append(r.site().host())
                .append(r.path())
                .append(' ')
                .append(user)
                .append(' ')
                .append(hierarchy)
                .append(' ')
                .append(mime)
                .append(' ')
                .append(r.requestBytes());
    }
}
