package org.trustwatch.workload.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.IncidentCategory;

/** The generator's category names are the Incident schema's, in the catalogue's order. */
class CategoryTest {

    @Test
    void namesAreTheSchemas() {
        List<String> schema = Arrays.stream(IncidentCategory.values())
                .filter(c -> c != IncidentCategory.UNKNOWN)
                .map(Enum::name)
                .toList();
        assertEquals(schema, Arrays.stream(Category.values()).map(Enum::name).toList());
    }
}
