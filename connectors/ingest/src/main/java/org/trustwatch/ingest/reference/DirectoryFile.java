package org.trustwatch.ingest.reference;

import java.util.List;
import org.trustwatch.ingest.csv.CsvTable;
import org.trustwatch.schema.DirectoryEntry;
import org.trustwatch.schema.Role;

/** directory.csv: staff, pupils and others, as the MIS exports them. */
final class DirectoryFile extends ReferenceFile<DirectoryEntry> {

    @Override
    List<String> requiredColumns() {
        return List.of("user_id", "role", "school_id");
    }

    @Override
    String schoolOf(DirectoryEntry record) {
        return record.getSchoolId();
    }

    @Override
    String idColumn() {
        return "user_id";
    }

    @Override
    DirectoryEntry parse(CsvTable.Row row) throws BadRow {
        Role role = Cells.symbol(Role.class, "role", Cells.required(row, "role"));
        return DirectoryEntry.newBuilder()
                .setUserId(Cells.id(row, "user_id"))
                .setDisplayName(row.get("display_name"))
                .setEmails(Cells.emails(row, "emails"))
                .setRole(role)
                .setSchoolId(Cells.required(row, "school_id"))
                .build();
    }
}
