package org.trustwatch.workload.web;

/**
 * A web site as the proxy sees it: the host requested, the domain the category list names ({@code listed}, null when
 * the list does not know it), the canonical category of that list entry, the category name a Blue Coat ProxySG writes
 * in {@code cs-categories}, the paths people open there, the content type and size of a page, and the address the
 * proxy connects to.
 */
public record Site(
        String host,
        String listed,
        String category,
        String filterCategory,
        String[] paths,
        String mime,
        int minBytes,
        int maxBytes,
        String serverIp,
        String hierarchy) {

    static Site of(String host, String listed, String category, String filterCategory, String... paths) {
        return create(host, listed, category, filterCategory, paths, "text/html", 4_000, 90_000);
    }

    /** {@code hierarchy} is how Squid logs a request it forwarded to the site's server: {@code HIER_DIRECT/<address>}. */
    static Site create(
            String host,
            String listed,
            String category,
            String filterCategory,
            String[] paths,
            String mime,
            int min,
            int max) {
        String ip = serverIpOf(host);
        return new Site(host, listed, category, filterCategory, paths, mime, min, max, ip, "HIER_DIRECT/" + ip);
    }

    /** A stable public-looking address per host, so a host always resolves to the same server. */
    private static String serverIpOf(String host) {
        int h = host.hashCode() & 0x7fffffff;
        int[] first = {151, 142, 104, 172, 185, 52, 13, 23, 93, 212};
        return first[h % first.length] + "." + (h / 10 % 250 + 1) + "." + (h / 2500 % 250 + 1) + "."
                + (h / 625000 % 250 + 1);
    }
}
