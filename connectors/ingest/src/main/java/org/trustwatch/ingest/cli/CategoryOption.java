package org.trustwatch.ingest.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.trustwatch.ingest.Problems;
import org.trustwatch.ingest.category.WebCategories;
import org.trustwatch.ingest.category.WebCategoryLists;

/** The --categories list: its bad rows are reported on stderr and skipped, as for every reference file. */
public final class CategoryOption {

    private CategoryOption() {}

    public static WebCategories load(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("--categories " + path + ": no such file or directory");
        }
        Problems problems = new Problems();
        WebCategories categories = WebCategoryLists.load(path, problems);
        problems.all().forEach(System.err::println);
        return categories;
    }
}
