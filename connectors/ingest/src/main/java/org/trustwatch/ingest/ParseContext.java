package org.trustwatch.ingest;

import java.time.Clock;
import java.time.ZoneId;
import org.trustwatch.ingest.category.WebCategories;

/**
 * What a parser needs to know that its input does not say.
 *
 * @param schoolId the school whose log this is, or null when the events say it or the network places them later
 * @param zone the time zone of times written without an offset (Squid's epoch times need none)
 * @param categories domain to web category, for filters that do not write a category in the log
 * @param keepOriginal whether events keep the original line ({@code event.original}); off by default for privacy
 * @param clock ingest time, and the year of syslog timestamps that have none
 */
public record ParseContext(String schoolId, ZoneId zone, WebCategories categories, boolean keepOriginal, Clock clock) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/London");

    public static ParseContext defaults() {
        return new ParseContext(null, DEFAULT_ZONE, WebCategories.none(), false, Clock.systemUTC());
    }

    public ParseContext withSchool(String school) {
        return new ParseContext(school, zone, categories, keepOriginal, clock);
    }

    public ParseContext withCategories(WebCategories webCategories) {
        return new ParseContext(schoolId, zone, webCategories, keepOriginal, clock);
    }
}
