package org.trustwatch.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.IncidentCategory;

/** answers.csv: its header, every category of the catalogue, subjects and times as the Incident record has them. */
class AnswerFileTest {

    @Test
    void everyCategoryIsPlanted() throws IOException {
        List<String> lines = Files.readAllLines(GeneratedTrust.dir().resolve("answers.csv"), StandardCharsets.UTF_8);
        assertEquals("category,school_id,subject,first_seen,rule_id,note", lines.get(0));
        Set<IncidentCategory> planted = EnumSet.noneOf(IncidentCategory.class);
        Set<String> schools = new TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] a = line.split(",", -1);
            planted.add(IncidentCategory.valueOf(a[0]));
            schools.add(a[1]);
            String subject = a[2];
            assertTrue(
                    subject.equals(subject.toLowerCase(java.util.Locale.ROOT)) || subject.startsWith("device:"),
                    "an account subject is in lower case: " + line);
            assertTrue(Instant.parse(a[3]).toString().equals(a[3]), "first_seen is ISO-8601 UTC: " + line);
            assertTrue(a[4].matches("C\\d\\d\\.[a-z-]+"), "rule id: " + line);
        }
        Set<IncidentCategory> all = EnumSet.allOf(IncidentCategory.class);
        all.remove(IncidentCategory.UNKNOWN);
        assertEquals(all, planted);
        assertEquals(Set.of("S01", "S02", "S03"), schools, "incidents are spread over the schools");
    }
}
