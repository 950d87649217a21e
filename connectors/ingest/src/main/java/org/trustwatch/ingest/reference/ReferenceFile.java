package org.trustwatch.ingest.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trustwatch.ingest.Problems;
import org.trustwatch.ingest.csv.CsvTable;

/**
 * One of the reference CSV files of reference-data.md: checks the header, turns each row into a record, and reports
 * every bad row as {@code file:row: reason} without stopping.
 */
abstract class ReferenceFile<T> {

    /** The columns a file must have; the others are optional. */
    abstract List<String> requiredColumns();

    abstract String idColumn();

    abstract T parse(CsvTable.Row row) throws BadRow;

    /** The school a record belongs to, checked against schools.csv; null for schools.csv itself. */
    String schoolOf(T record) {
        return null;
    }

    /** @param knownSchools the school ids of schools.csv, or null when not checking */
    List<T> read(Path file, java.util.Set<String> knownSchools, Problems problems) {
        if (!Files.isRegularFile(file)) {
            problems.report(file, 0, "missing: export it with the columns " + String.join(", ", requiredColumns()));
            return List.of();
        }
        CsvTable table;
        try {
            table = CsvTable.read(file);
        } catch (IOException e) {
            problems.report(file, 0, "cannot read: " + e.getMessage());
            return List.of();
        }
        List<String> missing = table.missing(requiredColumns());
        if (!missing.isEmpty()) {
            problems.report(file, 1, "header lacks the column(s) " + String.join(", ", missing));
            return List.of();
        }
        List<T> records = new ArrayList<>();
        Map<String, Long> firstRowOfId = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            try {
                String id = row.get(idColumn()).toLowerCase(java.util.Locale.ROOT);
                Long first = firstRowOfId.putIfAbsent(id, row.number());
                if (first != null) {
                    throw new BadRow(idColumn() + " '" + row.get(idColumn()) + "' is already used at row " + first);
                }
                T record = parse(row);
                String school = schoolOf(record);
                if (knownSchools != null && school != null && !knownSchools.contains(school)) {
                    throw new BadRow("school_id '" + Cells.clip(school) + "' is not in schools.csv");
                }
                records.add(record);
            } catch (BadRow e) {
                problems.report(file, row.number(), e.getMessage());
            } catch (RuntimeException e) {
                // a value the record refuses: still a bad row, never the end of the load
                problems.report(file, row.number(), "cannot be read: " + e.getMessage());
            }
        }
        return records;
    }
}
