package org.trustwatch.ingest.cli;

import java.nio.file.Path;
import org.trustwatch.ingest.category.WebCategories;

/** Loads the --categories list. PLACEHOLDER until the category list loaders are merged. */
final class CategoryOption {

    private CategoryOption() {}

    static WebCategories load(Path path) {
        throw new IllegalArgumentException("--categories is not available yet");
    }
}
