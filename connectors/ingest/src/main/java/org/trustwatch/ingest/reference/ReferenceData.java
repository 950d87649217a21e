package org.trustwatch.ingest.reference;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.trustwatch.ingest.Problems;
import org.trustwatch.schema.DeviceRecord;
import org.trustwatch.schema.DirectoryEntry;
import org.trustwatch.schema.Exemption;
import org.trustwatch.schema.School;

/**
 * The reference files of one trust, read from a directory ({@code schools.csv}, {@code directory.csv},
 * {@code devices.csv}, {@code exemptions.csv}) and checked against each other: a row naming a school that is not in
 * schools.csv is reported and skipped like any other bad row.
 */
public record ReferenceData(
        List<School> schools, List<DirectoryEntry> directory, List<DeviceRecord> devices, List<Exemption> exemptions) {

    public static ReferenceData read(Path dir, Problems problems) {
        List<School> schools = new SchoolsFile().read(dir.resolve("schools.csv"), null, problems);
        Set<String> schoolIds = schools.isEmpty()
                ? null // schools.csv itself was reported; do not refuse every other row for it
                : schools.stream().map(School::getSchoolId).collect(Collectors.toSet());
        Map<String, ZoneId> zones =
                schools.stream().collect(Collectors.toMap(School::getSchoolId, s -> ZoneId.of(s.getTimezone())));
        return new ReferenceData(
                schools,
                new DirectoryFile().read(dir.resolve("directory.csv"), schoolIds, problems),
                new DevicesFile().read(dir.resolve("devices.csv"), schoolIds, problems),
                new ExemptionsFile(zones).read(dir.resolve("exemptions.csv"), schoolIds, problems));
    }
}
