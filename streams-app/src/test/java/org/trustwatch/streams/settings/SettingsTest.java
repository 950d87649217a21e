package org.trustwatch.streams.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustwatch.schema.IncidentCategory;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultsAreTheCataloguesThresholds() {
        Settings defaults = Settings.defaults();

        assertEquals(Duration.ofHours(1), defaults.trust(Catalogue.GRACE));
        assertEquals(5, defaults.get(IncidentCategory.INAPPROPRIATE_CONTENT, Catalogue.CONTENT_BURST_COUNT, "WOH"));
        assertEquals(
                Duration.ofMinutes(10),
                defaults.get(IncidentCategory.INAPPROPRIATE_CONTENT, Catalogue.CONTENT_BURST_WINDOW, "WOH"));
        assertEquals(20, defaults.get(IncidentCategory.INAPPROPRIATE_CONTENT, Catalogue.CONTENT_LEISURE_COUNT, null));
        assertEquals(10, defaults.get(IncidentCategory.UNAUTHORISED_ACCESS, Catalogue.ACCESS_FAILED_LOGONS, null));
        assertEquals(
                5_000_000L,
                defaults.get(IncidentCategory.UNAPPROVED_CLOUD_STORAGE, Catalogue.CLOUD_UPLOAD_BYTES, null));
        assertEquals(
                20_000_000L, defaults.get(IncidentCategory.DATA_DISCLOSURE, Catalogue.DISCLOSURE_UPLOAD_BYTES, null));
        assertEquals(2_097_152L, defaults.get(IncidentCategory.MASS_EMAIL, Catalogue.MASS_MAX_MESSAGE_BYTES, null));
        assertEquals(
                LocalTime.of(17, 0),
                defaults.get(IncidentCategory.EXCESSIVE_PERSONAL_USE, Catalogue.PERSONAL_USE_DAY_END, null));
        assertEquals(4, defaults.get(IncidentCategory.MALWARE, Catalogue.severityOf(IncidentCategory.MALWARE), null));
        assertEquals(
                List.of("dsl", "headteacher"),
                defaults.get(
                        IncidentCategory.SAFEGUARDING_CONTACT,
                        Catalogue.notifyOf(IncidentCategory.SAFEGUARDING_CONTACT),
                        null));
        assertEquals(18, Catalogue.categories().size());
    }

    @Test
    void theTrustChangesAValueAndASchoolOverridesIt() throws Exception {
        Path file = write(
                """
                trust:
                  grace: 30m
                categories:
                  INAPPROPRIATE_CONTENT:
                    burst_count: 8
                    burst_window: PT15M
                  MISDIRECTED_EMAIL:
                    partner_domains: [woodhouse-trust.org.uk, localcouncil.gov.uk]
                schools:
                  WOH:
                    INAPPROPRIATE_CONTENT:
                      burst_count: 3
                """);

        Settings settings = Settings.load(file);

        assertEquals(Duration.ofMinutes(30), settings.trust(Catalogue.GRACE));
        assertEquals(3, settings.get(IncidentCategory.INAPPROPRIATE_CONTENT, Catalogue.CONTENT_BURST_COUNT, "WOH"));
        assertEquals(8, settings.get(IncidentCategory.INAPPROPRIATE_CONTENT, Catalogue.CONTENT_BURST_COUNT, "GLN"));
        assertEquals(
                Duration.ofMinutes(15),
                settings.get(IncidentCategory.INAPPROPRIATE_CONTENT, Catalogue.CONTENT_BURST_WINDOW, "WOH"),
                "a school inherits what it does not override");
        assertEquals(
                List.of("woodhouse-trust.org.uk", "localcouncil.gov.uk"),
                settings.get(IncidentCategory.MISDIRECTED_EMAIL, Catalogue.MISDIRECTED_PARTNER_DOMAINS, "HTF"));
    }

    @Test
    void everyProblemIsReportedWithItsKeyAndReason() throws Exception {
        Path file = write(
                """
                trust:
                  grace: soon
                  evidence_max: 0
                categories:
                  INAPPROPRIATE_CONTENT:
                    burst_cnt: 5
                    severity: 7
                  NOT_A_CATEGORY:
                    severity: 3
                  SAFEGUARDING_CONTACT:
                    notify: [dsl, caretaker]
                schools:
                  WOH:
                    MASS_EMAIL:
                      max_message_bytes: -1
                alerts: {}
                """);

        SettingsException e = assertThrows(SettingsException.class, () -> Settings.load(file));

        List<String> problems = e.problems();
        assertTrue(
                problems.contains(
                        file + ": trust.grace: must be a duration such as 10m, 1h, 30d or PT10M, not \"soon\""),
                problems.toString());
        assertTrue(problems.contains(file + ": trust.evidence_max: must be at least 1, not 0"), problems.toString());
        assertTrue(
                problems.stream()
                        .anyMatch(
                                p -> p.startsWith(
                                        file
                                                + ": categories.INAPPROPRIATE_CONTENT.burst_cnt: unknown key; known here: severity, notify,")),
                problems.toString());
        assertTrue(
                problems.contains(file + ": categories.INAPPROPRIATE_CONTENT.severity: must be from 1 to 5, not 7"),
                problems.toString());
        assertTrue(
                problems.contains(
                        file + ": categories.NOT_A_CATEGORY: not an incident category, e.g. INAPPROPRIATE_CONTENT"),
                problems.toString());
        assertTrue(
                problems.contains(file + ": categories.SAFEGUARDING_CONTACT.notify: 'caretaker' is not one of"
                        + " [headteacher, dsl, dpo, ict]"),
                problems.toString());
        assertTrue(
                problems.stream().anyMatch(p -> p.startsWith(file + ": schools.WOH.MASS_EMAIL.max_message_bytes: ")),
                problems.toString());
        assertTrue(
                problems.contains(file + ": alerts: unknown section: use trust, categories or schools"),
                problems.toString());
        assertEquals(8, problems.size(), problems.toString());
    }

    @Test
    void brokenYamlNamesTheLine() throws Exception {
        Path file = write("trust:\n  grace: [1h\n");

        SettingsException e = assertThrows(SettingsException.class, () -> Settings.load(file));

        assertTrue(e.getMessage().startsWith(file + ": not valid YAML at line "), e.getMessage());
    }

    @Test
    void theDefaultsFileIsAValidSettingsFileThatChangesNothing() throws Exception {
        Path file = write(Settings.defaultsFile());

        Settings settings = Settings.load(file);

        for (IncidentCategory category : Catalogue.categories()) {
            for (Parameter<?> parameter : Catalogue.parametersOf(category)) {
                assertEquals(
                        parameter.defaultValue(),
                        settings.get(category, parameter, "WOH"),
                        category + "." + parameter.key());
            }
        }
    }

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("settings.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
