package org.trustwatch.ingest.category;

/**
 * A domain to category list ({@code categories.csv} or a block-list directory, see {@link WebCategoryLists}). A
 * listed domain matches itself and its subdomains, and the longest listed suffix wins: with {@code example.org}
 * listed as {@code shopping} and {@code games.example.org} as {@code games}, {@code a.games.example.org} is games
 * and {@code www.example.org} is shopping. A lookup walks the suffixes of the host ({@code a.b.example.org},
 * {@code b.example.org}, {@code example.org}, {@code org}) in a hash table, without allocating. An IPv4 address
 * matches only itself. Safe for concurrent lookups once built.
 */
public final class DomainCategories implements WebCategories {

    private static final CanonicalCategory[] CATEGORIES = CanonicalCategory.values();

    private final DomainTable table;

    DomainCategories(DomainTable table) {
        this.table = table;
    }

    /** How many domains the list holds. */
    public int size() {
        return table.size();
    }

    @Override
    public String categoryOf(String domain) {
        CanonicalCategory category = canonicalCategoryOf(domain);
        return category == null ? null : category.id();
    }

    /** The category of a host name (case ignored, a trailing dot allowed), or null when no suffix is listed. */
    public CanonicalCategory canonicalCategoryOf(String domain) {
        if (domain == null) {
            return null;
        }
        int end = domain.length();
        while (end > 0 && domain.charAt(end - 1) == '.') {
            end--;
        }
        if (end == 0 || table.size() == 0) {
            return null;
        }
        if (isIpv4(domain, end)) {
            int value = table.get(domain, 0, end);
            return value < 0 ? null : CATEGORIES[value];
        }
        int start = 0;
        while (true) {
            int value = table.get(domain, start, end);
            if (value >= 0) {
                return CATEGORIES[value];
            }
            int dot = domain.indexOf('.', start);
            if (dot < 0 || dot >= end - 1) {
                return null;
            }
            start = dot + 1;
        }
    }

    private static boolean isIpv4(String host, int end) {
        for (int i = 0; i < end; i++) {
            char c = host.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return true;
    }
}
