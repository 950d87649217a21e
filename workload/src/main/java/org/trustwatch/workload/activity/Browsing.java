package org.trustwatch.workload.activity;

import java.util.List;
import org.trustwatch.workload.logs.ProxyLog;
import org.trustwatch.workload.logs.WebRequest;
import org.trustwatch.workload.web.Site;
import org.trustwatch.workload.web.Sites;

/**
 * Web browsing through the proxy: a page view is the page (after the CONNECT of its TLS connection, which Squid
 * logs when it bumps TLS) and the fonts, scripts and images it pulls in from content delivery networks.
 */
public final class Browsing {

    private Browsing() {}

    /** One page view at {@code t}; returns the time of its last request. */
    public static long page(SchoolDay d, long t, String ip, String user, Site site) {
        return page(
                d,
                t,
                ip,
                user,
                site,
                site.paths()[d.random().nextInt(site.paths().length)],
                d.scale().assetsPerPage());
    }

    public static long page(SchoolDay d, long t, String ip, String user, Site site, String path, int assets) {
        ProxyLog proxy = d.logs().proxy();
        long bytes = site.minBytes() + d.random().nextInt(Math.max(1, site.maxBytes() - site.minBytes()));
        WebRequest main = WebRequest.get(t, ip, user, site, path, bytes);
        proxy.request(WebRequest.get(t - 30, ip, user, site, path, 0).as(WebRequest.Kind.BUMPED_CONNECT));
        proxy.request(main);
        long last = t;
        for (int i = 0; i < assets; i++) {
            Site asset = Sites.ASSETS.get(d.random().nextInt(Sites.ASSETS.size()));
            last += 40 + d.random().nextInt(400);
            long size = asset.minBytes() + d.random().nextInt(asset.maxBytes() - asset.minBytes());
            proxy.request(WebRequest.get(last, ip, user, asset, asset.paths()[0], size));
        }
        return last;
    }

    /** Squid's 407 challenge before the browser's first request with credentials (ProxySG does not log it). */
    public static void challenge(SchoolDay d, long t, String ip, Site site) {
        d.logs()
                .proxy()
                .request(WebRequest.get(t, ip, null, site, site.paths()[0], 0).as(WebRequest.Kind.AUTH_CHALLENGE));
    }

    /**
     * Pages from {@code sites} between {@code from} and {@code to}, a mean of {@code meanGapSeconds} apart; nothing
     * is requested after {@code to}.
     */
    public static void stretch(
            SchoolDay d, String ip, String user, long from, long to, List<Site> sites, int meanGapSeconds) {
        long t = from + d.random().nextInt(Math.max(1, meanGapSeconds * 500));
        while (t < to - 5_000) {
            long last = page(d, t, ip, user, sites.get(d.random().nextInt(sites.size())));
            t = Math.max(
                    last + 1_000,
                    t + 1_000L * (meanGapSeconds / 3 + d.random().nextInt(Math.max(1, meanGapSeconds * 4 / 3))));
        }
    }

    /**
     * A stretch of personal browsing that lasts at most {@code minutes}: pages one to four minutes apart, so the
     * correlation sees one session (catalogue C15: a pause over five minutes starts another) of known dwell.
     * Returns the time of the last page.
     */
    public static long session(SchoolDay d, String ip, String user, long start, int minutes, List<Site> sites) {
        long end = start + minutes * 60_000L;
        long t = start;
        long last = start;
        while (t <= end) {
            page(d, t, ip, user, sites.get(d.random().nextInt(sites.size())));
            last = t;
            t += 60_000L + d.random().nextInt(180_000);
        }
        return last;
    }
}
