package org.trustwatch.ingest.category;

/** Domain to canonical web category (see reference-data.md), matching a domain's subdomains too. */
public interface WebCategories {

    /** The canonical category of a host name, or null when the list does not know it. */
    String categoryOf(String domain);

    static WebCategories none() {
        return domain -> null;
    }
}
