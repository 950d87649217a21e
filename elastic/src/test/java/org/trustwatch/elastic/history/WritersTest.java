package org.trustwatch.elastic.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WritersTest {

    private static final IncidentRow ROW = new IncidentRow(
            "abc123",
            Instant.parse("2026-11-02T09:00:00Z"),
            Instant.parse("2026-11-02T09:05:00Z"),
            "MISDIRECTED_EMAIL",
            3,
            "WOH",
            "=HYPERLINK(\"http://x\",\"a, b\")",
            "staff",
            "new",
            2,
            true,
            Instant.parse("2026-11-05T09:00:00Z"),
            "C03.unknown-domain");

    @Test
    void csvQuotesAndDefusesFormulas() {
        assertEquals("plain", CsvWriter.cell("plain"));
        assertEquals("\"a, b\"", CsvWriter.cell("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvWriter.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvWriter.cell("two\nlines"));
        assertEquals("'=1+1", CsvWriter.cell("=1+1"));
        assertEquals("'+44 123", CsvWriter.cell("+44 123"));
        assertEquals("'-2", CsvWriter.cell("-2"));
        assertEquals("'@SUM(A1)", CsvWriter.cell("@SUM(A1)"));
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"a, b\"\")\"", CsvWriter.cell(ROW.subject()));
        assertEquals("", CsvWriter.cell(null));
    }

    @Test
    void csvHasAHeaderAndCrlfLines() throws Exception {
        StringWriter out = new StringWriter();
        OutputFormat.RowWriter csv = OutputFormat.CSV.writer(out, ZoneId.of("UTC"));
        csv.row(ROW);
        csv.finish(totals());

        String[] lines = out.toString().split("\r\n");
        assertEquals(String.join(",", CsvWriter.HEADER), lines[0]);
        assertEquals(
                "abc123,2026-11-02T09:00:00Z,2026-11-02T09:05:00Z,MISDIRECTED_EMAIL,3,WOH,"
                        + "\"'=HYPERLINK(\"\"http://x\"\",\"\"a, b\"\")\",staff,new,2,true,2026-11-05T09:00:00Z,"
                        + "C03.unknown-domain",
                lines[1]);
        assertEquals(2, lines.length);
    }

    @Test
    void anEmptyCsvStillHasItsHeader() throws Exception {
        StringWriter out = new StringWriter();
        OutputFormat.CSV.writer(out, ZoneId.of("UTC")).finish(new HistoryTotals(0, Map.of(), Map.of()));

        assertEquals(String.join(",", CsvWriter.HEADER) + "\r\n", out.toString());
    }

    @Test
    void jsonIsOneObjectPerLine() throws Exception {
        StringWriter out = new StringWriter();
        OutputFormat.RowWriter json = OutputFormat.JSON.writer(out, ZoneId.of("UTC"));
        json.row(ROW);
        json.row(ROW);
        json.finish(totals());

        String[] lines = out.toString().split("\n");
        assertEquals(2, lines.length);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertEquals("abc123", first.path("id").asText());
        assertEquals(ROW.subject(), first.path("subject").asText(), "JSON keeps the value as it is");
        assertEquals("2026-11-05T09:00:00Z", first.path("ico_deadline").asText());
        assertEquals(2, first.path("count").asLong());
    }

    @Test
    void theTableAlignsColumnsInTheTrustsZoneThenTotals() throws Exception {
        StringWriter out = new StringWriter();
        OutputFormat.RowWriter table = OutputFormat.TABLE.writer(out, ZoneId.of("Europe/London"));
        table.row(ROW.withSubject("25wrightd0"));
        table.finish(totals());

        String[] lines = out.toString().split("\n");
        assertEquals(
                "FIRST SEEN        CATEGORY           SEV  SCHOOL  SUBJECT     STATUS  EVENTS  BREACH / ICO DEADLINE  ID",
                lines[0]);
        assertEquals(
                "2026-11-02 09:00  MISDIRECTED_EMAIL  3    WOH     25wrightd0  new     2       yes, 2026-11-05 09:00  abc123",
                lines[1]);
        assertEquals("1 incident (times Europe/London)", lines[2]);
        assertEquals("by category: MISDIRECTED_EMAIL 1", lines[3]);
        assertEquals("by school:   WOH 1", lines[4]);
    }

    private static HistoryTotals totals() {
        Map<String, Long> categories = new LinkedHashMap<>();
        categories.put("MISDIRECTED_EMAIL", 1L);
        return new HistoryTotals(1, categories, Map.of("WOH", 1L));
    }
}
