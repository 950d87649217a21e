package org.trustwatch.ingest.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    @TempDir
    Path dir;

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaksByColumnName() throws Exception {
        Path file = dir.resolve("t.csv");
        Files.writeString(
                file,
                "\uFEFFName,User_ID,notes\r\n\"Smith, Jane\",jsmith,\"said \"\"hi\"\"\nthen left\"\r\n\r\nBloggs,jbloggs,\n");

        CsvTable table = CsvTable.read(file);

        assertEquals(List.of("name", "user_id", "notes"), table.header());
        assertEquals(2, table.rows().size());
        CsvTable.Row first = table.rows().get(0);
        assertEquals(2, first.number());
        assertEquals("Smith, Jane", first.get("name"));
        assertEquals("said \"hi\"\nthen left", first.get("notes"));
        assertEquals(4, table.rows().get(1).number(), "rows are counted as a spreadsheet counts them");
        assertEquals("", table.rows().get(1).get("missing column"));
        assertEquals(List.of("email"), table.missing(List.of("user_id", "email")));
    }
}
