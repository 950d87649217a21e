package org.trustwatch.ingest.proxy;

import java.util.HashMap;
import java.util.Map;
import org.trustwatch.ingest.category.CanonicalCategory;
import org.trustwatch.ingest.category.FilterCategoryNames;
import org.trustwatch.ingest.category.WebCategories;

/**
 * Decides {@code web_category} and {@code web_category_source} of a request (reference-data.md: a category the
 * filter wrote in the log wins over the list):
 *
 * <ol>
 *   <li>the most serious canonical category among the filter's names ({@link FilterCategoryNames}), source
 *       {@code log};
 *   <li>else, when the filter wrote no known name or said it knows nothing ({@code none}, {@code Unrated}), the
 *       category list of the connector ({@link WebCategories}), source {@code list};
 *   <li>else {@code uncategorised} from the log when the filter said so, otherwise null.
 * </ol>
 *
 * <p>Results are cached per parser: a proxy log names the same few hundred domains and category strings over and
 * over. Not thread-safe, like the parsers.
 */
final class CategoryLookup {

    static final String LOG = "log";
    static final String LIST = "list";

    private static final int CACHE_SIZE = 1024;
    private static final int FILTER_CACHE_LIMIT = 4096;
    private static final String NOT_LISTED = new String("not listed");

    private final WebCategories list;
    private final String[] domains = new String[CACHE_SIZE];
    private final String[] listed = new String[CACHE_SIZE];
    private final Map<String, CanonicalCategory> filterNames = new HashMap<>();

    /** The result of the last {@link #resolve}. */
    String category;

    String source;

    CategoryLookup(WebCategories list) {
        this.list = list == null ? WebCategories.none() : list;
    }

    /**
     * @param filterValue what the filter wrote (null or several names separated by any of {@code separators})
     * @param domain the requested host, lower case, or null
     */
    void resolve(String filterValue, String separators, String domain) {
        CanonicalCategory fromLog = filterValue == null ? null : filterCategory(filterValue, separators);
        if (fromLog != null && fromLog != CanonicalCategory.UNCATEGORISED) {
            category = fromLog.id();
            source = LOG;
            return;
        }
        String fromList = listed(domain);
        if (fromList != null) {
            category = fromList;
            source = LIST;
        } else if (fromLog != null) {
            category = fromLog.id();
            source = LOG;
        } else {
            category = null;
            source = null;
        }
    }

    private CanonicalCategory filterCategory(String value, String separators) {
        CanonicalCategory cached = filterNames.get(value);
        if (cached != null || filterNames.containsKey(value)) {
            return cached;
        }
        CanonicalCategory resolved = FilterCategoryNames.mostSerious(value, separators);
        if (filterNames.size() >= FILTER_CACHE_LIMIT) {
            filterNames.clear();
        }
        filterNames.put(value, resolved);
        return resolved;
    }

    private String listed(String domain) {
        if (domain == null) {
            return null;
        }
        int slot = (domain.hashCode() * 0x9E3779B9 >>> 22) & (CACHE_SIZE - 1);
        if (domain.equals(domains[slot])) {
            String value = listed[slot];
            return value == NOT_LISTED ? null : value;
        }
        String value = list.categoryOf(domain);
        domains[slot] = domain;
        listed[slot] = value == null ? NOT_LISTED : value;
        return value;
    }
}
