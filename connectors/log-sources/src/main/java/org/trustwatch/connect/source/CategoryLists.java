package org.trustwatch.connect.source;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustwatch.ingest.Problems;
import org.trustwatch.ingest.category.WebCategories;
import org.trustwatch.ingest.category.WebCategoryLists;

/** Loads the configured web category list; its bad rows are logged and skipped, a missing list fails the task. */
final class CategoryLists {

    private static final Logger log = LoggerFactory.getLogger(CategoryLists.class);

    private CategoryLists() {}

    static WebCategories load(Path path) {
        if (path == null) {
            return WebCategories.none();
        }
        if (!Files.exists(path)) {
            throw new ConfigException(
                    LogSourceConfig.CATEGORIES_CONFIG, path.toString(), "no such file or directory on the worker");
        }
        Problems problems = new Problems();
        WebCategories categories = WebCategoryLists.load(path, problems);
        problems.all().forEach(problem -> log.warn("category list: {}", problem));
        return categories;
    }
}
