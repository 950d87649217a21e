package org.trustwatch.ingest.reference;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trustwatch.ingest.csv.CsvTable;
import org.trustwatch.schema.Exemption;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.Role;

/** exemptions.csv: approved exceptions, e.g. a class researching extremism for RE in one lesson. */
final class ExemptionsFile extends ReferenceFile<Exemption> {

    private final Map<String, ZoneId> schoolZones;

    /** @param schoolZones each school's time zone, for times written without an offset */
    ExemptionsFile(Map<String, ZoneId> schoolZones) {
        this.schoolZones = schoolZones;
    }

    @Override
    List<String> requiredColumns() {
        return List.of("exemption_id", "school_id", "subject", "category", "starts", "ends");
    }

    @Override
    String schoolOf(Exemption record) {
        return record.getSchoolId();
    }

    @Override
    String idColumn() {
        return "exemption_id";
    }

    @Override
    Exemption parse(CsvTable.Row row) throws BadRow {
        String school = Cells.required(row, "school_id");
        ZoneId zone = schoolZones.getOrDefault(school, ZoneId.of("Europe/London"));
        Instant starts = Cells.instant(row, "starts", zone);
        Instant ends = Cells.instant(row, "ends", zone);
        if (!ends.isAfter(starts)) {
            throw new BadRow("ends (" + row.get("ends") + ") is not after starts (" + row.get("starts") + ")");
        }
        IncidentCategory category = Cells.symbol(IncidentCategory.class, "category", Cells.required(row, "category"));
        if (category == IncidentCategory.UNKNOWN) {
            throw new BadRow("category must name an incident category, e.g. INAPPROPRIATE_CONTENT");
        }
        return Exemption.newBuilder()
                .setExemptionId(Cells.required(row, "exemption_id"))
                .setSchoolId(school)
                .setSubject(subject(Cells.required(row, "subject")))
                .setCategory(category)
                .setMatch(match(Cells.optional(row, "match")))
                .setStarts(starts)
                .setEnds(ends)
                .setApprovedBy(row.get("approved_by"))
                .setReason(row.get("reason"))
                .build();
    }

    private static String subject(String subject) throws BadRow {
        String lower = subject.toLowerCase(Locale.ROOT);
        if (lower.equals("*") || lower.startsWith("device:") && lower.length() > 7) {
            return lower;
        }
        if (lower.startsWith("role:")) {
            Cells.symbol(Role.class, "subject", lower.substring(5));
            return lower;
        }
        if (lower.contains(":") || lower.isBlank()) {
            throw new BadRow("subject '" + Cells.clip(subject) + "' must be a user_id, device:<id>, role:<role> or *");
        }
        return lower;
    }

    private static String match(String match) throws BadRow {
        if (match == null) {
            return null;
        }
        String lower = match.toLowerCase(Locale.ROOT);
        if ((lower.startsWith("domain:") || lower.startsWith("webcat:")) && lower.indexOf(':') + 1 < lower.length()) {
            return lower;
        }
        throw new BadRow("match '" + Cells.clip(match) + "' must be domain:<domain> or webcat:<category>");
    }
}
