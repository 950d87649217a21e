package org.trustwatch.workload.activity;

/**
 * How big the generated trust is and how busy its web proxies are.
 *
 * @param pupils pupils per school (staff, desktops and suites follow from it)
 * @param requestsPerLesson web requests a pupil's desktop makes in a lesson, the page's fonts, scripts and images
 *     included (about six pages at 40); staff browse at a similar rate
 */
public record Scale(int pupils, int requestsPerLesson) {

    /** Requests a page view brings with it besides the page itself. */
    public int assetsPerPage() {
        return Math.min(10, requestsPerLesson / 8);
    }

    /** Mean seconds between two pages a pupil opens in a lesson. */
    public int pupilPageGapSeconds() {
        int pages = Math.max(2, requestsPerLesson / (1 + assetsPerPage()));
        return 3300 / pages;
    }

    /** Mean seconds between two pages a member of staff opens at their laptop. */
    public int staffPageGapSeconds() {
        return pupilPageGapSeconds() * 3 / 2;
    }
}
