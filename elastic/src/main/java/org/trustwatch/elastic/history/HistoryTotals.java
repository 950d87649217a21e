package org.trustwatch.elastic.history;

import java.util.Map;

/**
 * How many incidents matched, in all and per category and school (largest first).
 *
 * @param bySchool incidents without a school are counted under {@link #NO_SCHOOL}
 */
public record HistoryTotals(long total, Map<String, Long> byCategory, Map<String, Long> bySchool) {

    public static final String NO_SCHOOL = "(no school)";

    public HistoryTotals {
        byCategory = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byCategory));
        bySchool = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bySchool));
    }
}
