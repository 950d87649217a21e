package org.trustwatch.streams.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trustwatch.ingest.Problems;
import org.trustwatch.ingest.reference.ReferenceData;
import org.trustwatch.schema.Incident;
import org.trustwatch.streams.settings.Settings;

/**
 * {@code detect} on the demo trust's day in samples/: the incidents planted there (samples/README.md) are found, the
 * near misses are not, and neither files arriving late in another order (within the grace) nor duplicated input
 * changes the incidents.
 */
class SamplesDetectTest {

    private static final Path HOME = Path.of(System.getProperty("trustwatch.home", ".."));
    private static final Path SAMPLES = HOME.resolve("samples");
    private static ReferenceData reference;
    private static Settings settings;
    private static List<OfflineRun.Event> events;

    @BeforeAll
    static void parseTheSamples() throws Exception {
        Problems problems = new Problems();
        reference = ReferenceData.read(SAMPLES.resolve("reference"), problems);
        assertEquals(List.of(), problems.all());
        settings = Settings.load(SAMPLES.resolve("settings.yaml"));
        boolean[] failed = {false};
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        events = OfflineRun.parse(
                OfflineRun.sampleDay(SAMPLES),
                OfflineRun.categories(SAMPLES.resolve("reference")),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                failed);
        assertFalse(failed[0], err.toString(StandardCharsets.UTF_8));
        OfflineRun.byEventTime(events);
    }

    /** category subject (rule): what samples/README.md plants, and nothing else. */
    private static final Set<String> PLANTED = Set.of(
            "LOST_OR_STOLEN_DEVICE device:WOH-LT-0004 (C01.lost-device-in-use)",
            "LOST_OR_STOLEN_DEVICE device:HTF-LT-0006 (C01.lost-device)",
            "REMOVABLE_MEDIA pbrown1 (C02.removable-write)",
            "MISDIRECTED_EMAIL jsmith (C03.lookalike-domain)",
            "MISDIRECTED_EMAIL lwilson1 (C03.visible-recipients)",
            "INSECURE_TRANSFER lwilson1 (C04.insecure-transfer)",
            "INSECURE_TRANSFER rhughes2 (C04.insecure-transfer)",
            "INAPPROPRIATE_CONTENT 22evanss0 (C05.burst)",
            "INAPPROPRIATE_CONTENT 22walkeri2 (C05.self-harm)",
            "FILTER_BYPASS 23greeni1 (C06.anonymiser-allowed)",
            "FILTER_BYPASS tevans1 (C06.bypass-process)",
            "FILTER_BYPASS device:GLN-LT-0003 (C06.proxy-setting)",
            "UNAUTHORISED_ACCESS office.manager (C07.guessing-then-success)",
            "ACCOUNT_SHARING khughes1 (C08.sessions)",
            "MALWARE iroberts2 (C09.malware)",
            "HACKING_TOOLS 25wrightd0 (C10.hacking-tool)",
            "UNAUTHORISED_SOFTWARE_OR_HARDWARE ewilson (C11.external-device)",
            "UNAPPROVED_CLOUD_STORAGE pevans (C12.cloud-upload)",
            "MASS_EMAIL lwilson1 (C13.mass-message)",
            "MASS_EMAIL jsmith (C13.mass-message)",
            "SAFEGUARDING_CONTACT dbrown (C14.safeguarding-contact)",
            "EXCESSIVE_PERSONAL_USE lthomas (C15.personal-use)",
            "EMAIL_IMPERSONATION head.woh (C16.dmarc-impersonation)",
            "DATA_DISCLOSURE iwright1 (C17.upload)",
            "SELF_REPORTED jsmith (C18.self-report)",
            "SELF_REPORTED dbrown (C18.self-report)",
            "SELF_REPORTED nwright2 (C18.self-report)",
            "SELF_REPORTED athomas1 (C18.self-report)");

    @Test
    void findsEveryPlantedIncidentAndNothingElse() throws Exception {
        OfflineRun.Outcome outcome = OfflineRun.detect(reference, settings, events);
        Set<String> found = outcome.incidents().stream()
                .map(i -> i.getCategory() + " " + i.getSubject() + " (" + i.getRuleId() + ")")
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(PLANTED), found);
        assertEquals(Map.of("EX-2026-014", 6), outcome.exemptedBy(), "Year 10 RE research is exempted, not raised");
        assertEquals(0, outcome.late());
        Incident lost = outcome.incidents().stream()
                .filter(i -> i.getSubject().equals("device:WOH-LT-0004"))
                .findFirst()
                .orElseThrow();
        assertEquals(5, lost.getSeverity(), "a lost laptop used after the report is critical");
        assertTrue(lost.getEscalated());
        assertTrue(lost.getBreach(), "the laptop is unencrypted");
        Incident guessing = outcome.incidents().stream()
                .filter(i -> i.getSubject().equals("office.manager"))
                .findFirst()
                .orElseThrow();
        assertEquals(13, guessing.getEventCount(), "twelve failures and the success");
    }

    @Test
    void filesArrivingLateInAnyOrderGiveTheSameIncidents() throws Exception {
        List<String> ordered =
                summary(OfflineRun.detect(reference, settings, events).incidents());
        for (long seed : new long[] {1, 2, 3, 4, 5}) {
            // each file arrives up to 25 minutes late (under half the 1 h grace: a request may also wait up to half
            // the grace for its logon), so the sources interleave differently
            Random random = new Random(seed);
            Map<Object, Integer> fileDelay = new java.util.HashMap<>();
            List<long[]> delays = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                OfflineRun.Event e = events.get(i);
                Object file = e.event()
                        .get(e.event().getSchema().getField("log_file_path").pos());
                int delay = fileDelay.computeIfAbsent(file, f -> random.nextInt(25 * 60_000));
                delays.add(new long[] {e.time() + delay, i});
            }
            delays.sort(Comparator.<long[]>comparingLong(d -> d[0]).thenComparingLong(d -> d[1]));
            List<OfflineRun.Event> shuffled = new ArrayList<>();
            delays.forEach(d -> shuffled.add(events.get((int) d[1])));
            OfflineRun.Outcome outcome = OfflineRun.detect(reference, settings, shuffled);
            assertEquals(0, outcome.late());
            assertEquals(ordered, summary(outcome.incidents()), "seed " + seed);
        }
    }

    @Test
    void everyEventTwiceGivesTheSameIncidents() throws Exception {
        List<String> once =
                summary(OfflineRun.detect(reference, settings, events).incidents());
        List<OfflineRun.Event> twice = new ArrayList<>();
        for (OfflineRun.Event e : events) {
            twice.add(e);
            twice.add(e); // a connector replay after a crash, before exactly-once took hold
        }
        assertEquals(once, summary(OfflineRun.detect(reference, settings, twice).incidents()));
    }

    @Test
    void theCommandPrintsTheContractAndCountsTheIncidents() throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--reference", SAMPLES.resolve("reference").toString(),
                "--settings", SAMPLES.resolve("settings.yaml").toString()));
        OfflineRun.sampleDay(SAMPLES).forEach(i -> args.add(i.format().formatName() + ":" + i.pattern()));
        StringWriter out = new StringWriter();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DetectCommand.run(args, out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        List<String> lines = out.toString().lines().toList();
        assertEquals("incidents " + PLANTED.size(), lines.get(lines.size() - 1));
        String first = lines.get(0);
        for (String field : List.of(
                "\"id\":\"inc-",
                "\"category\":",
                "\"severity\":",
                "\"school\":",
                "\"subject\":",
                "\"first_seen\":",
                "\"last_seen\":",
                "\"count\":",
                "\"rule\":")) {
            assertTrue(first.contains(field), field + " in " + first);
        }
    }

    @Test
    void aBadSettingsFileIsRefusedWithTheKeyAndTheReason() throws Exception {
        Path bad = java.nio.file.Files.createTempFile("settings", ".yaml");
        java.nio.file.Files.writeString(bad, "categories:\n  INAPPROPRIATE_CONTENT:\n    burst_count: many\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DetectCommand.run(
                List.of(
                        "--reference",
                        SAMPLES.resolve("reference").toString(),
                        "--settings",
                        bad.toString(),
                        "squid:" + SAMPLES + "/squid/access.log"),
                new StringWriter(),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertTrue(
                err.toString(StandardCharsets.UTF_8).contains("categories.INAPPROPRIATE_CONTENT.burst_count"),
                err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> summary(List<Incident> incidents) {
        List<String> out = new ArrayList<>();
        for (Incident i : incidents) {
            out.add(String.join(
                    " ",
                    i.getIncidentId(),
                    i.getCategory().name(),
                    String.valueOf(i.getSeverity()),
                    String.valueOf(i.getSchoolId()),
                    i.getSubject(),
                    i.getFirstSeen().toString(),
                    i.getLastSeen().toString(),
                    String.valueOf(i.getEventCount()),
                    i.getRuleId()));
        }
        Collections.sort(out);
        return out;
    }
}
