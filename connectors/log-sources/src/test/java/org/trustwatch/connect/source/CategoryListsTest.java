package org.trustwatch.connect.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustwatch.ingest.category.WebCategories;

class CategoryListsTest {

    @TempDir
    Path dir;

    @Test
    void noListMeansNoCategories() {
        assertNull(CategoryLists.load(null).categoryOf("www.bbc.co.uk"));
    }

    @Test
    void loadsACategoriesCsvSkippingItsBadRows() throws Exception {
        Path csv = Files.writeString(
                dir.resolve("categories.csv"), "domain,category\nbbc.co.uk,education\njust-one-column\n");

        WebCategories categories = CategoryLists.load(csv);

        assertEquals("education", categories.categoryOf("bitesize.bbc.co.uk"));
    }

    @Test
    void refusesAListThatIsNotThereNamingTheSetting() {
        Path missing = dir.resolve("categories.csv");

        var e = assertThrows(ConfigException.class, () -> CategoryLists.load(missing));

        assertTrue(e.getMessage().contains("categories.path"), e.getMessage());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
