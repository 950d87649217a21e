package org.trustwatch.ingest.reference;

import java.util.List;
import org.trustwatch.ingest.csv.CsvTable;
import org.trustwatch.schema.School;

/** schools.csv: one row per school, with its mail domains, networks and alert recipients. */
final class SchoolsFile extends ReferenceFile<School> {

    @Override
    List<String> requiredColumns() {
        return List.of("school_id", "name");
    }

    @Override
    String idColumn() {
        return "school_id";
    }

    @Override
    School parse(CsvTable.Row row) throws BadRow {
        List<String> networks = Cells.list(row, "networks");
        for (String network : networks) {
            if (CidrRange.parse(network).isEmpty()) {
                throw new BadRow("networks '" + Cells.clip(network) + "' is not a CIDR range such as 10.20.0.0/16");
            }
        }
        return School.newBuilder()
                .setSchoolId(Cells.required(row, "school_id"))
                .setName(Cells.required(row, "name"))
                .setEmailDomains(Cells.list(row, "email_domains").stream()
                        .map(String::toLowerCase)
                        .toList())
                .setNetworks(networks)
                .setTimezone(Cells.zone(row, "timezone", java.time.ZoneId.of("Europe/London"))
                        .getId())
                .setHeadteacherEmail(Cells.optionalEmail(row, "headteacher_email"))
                .setDslEmail(Cells.optionalEmail(row, "dsl_email"))
                .build();
    }
}
