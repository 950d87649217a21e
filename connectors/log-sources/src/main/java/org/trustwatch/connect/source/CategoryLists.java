package org.trustwatch.connect.source;

import java.nio.file.Path;
import org.apache.kafka.common.config.ConfigException;
import org.trustwatch.ingest.category.WebCategories;

/** Loads the configured web category list. PLACEHOLDER until the category loaders are merged. */
final class CategoryLists {

    private CategoryLists() {}

    static WebCategories load(Path path) {
        if (path == null) {
            return WebCategories.none();
        }
        throw new ConfigException(LogSourceConfig.CATEGORIES_CONFIG, path.toString(), "not available yet");
    }
}
