package org.trustwatch.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.trustwatch.streams.cli.DetectCommand;

/**
 * The key test: {@code detect} over the generated logs (every manifest row as {@code FMT:DIR/path}, the generated
 * reference directory, the settings file if the run wrote one) raises exactly the incidents answers.csv lists: every
 * planted incident, with its first event time and rule, and nothing from the background or the near misses.
 */
class PlantedIncidentsDetectTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void detectFindsEveryPlantedIncidentAndNothingElse() throws IOException {
        Path dir = GeneratedTrust.dir();
        List<String> args =
                new ArrayList<>(List.of("--reference", dir.resolve("reference").toString()));
        if (Files.exists(dir.resolve("settings.yaml"))) {
            args.addAll(List.of("--settings", dir.resolve("settings.yaml").toString()));
        }
        for (String[] row : GeneratedTrust.manifest(dir)) {
            args.add(row[0] + ":" + dir.resolve(row[2]));
        }
        StringWriter out = new StringWriter();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DetectCommand.run(args, out, new PrintStream(err, true, StandardCharsets.UTF_8));
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, stderr);
        assertTrue(stderr.lines().noneMatch(l -> l.matches(".+:\\d+: .*")), "rejected lines or bad rows:\n" + stderr);
        assertTrue(stderr.contains("exempted by EX-"), "the exempted near misses raised nothing:\n" + stderr);

        Map<String, String> found = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            if (line.startsWith("{")) {
                JsonNode i = JSON.readTree(line);
                found.put(
                        key(
                                i.get("category").asText(),
                                i.get("school").asText(),
                                i.get("subject").asText()),
                        i.get("first_seen").asText() + " " + i.get("rule").asText());
            }
        }
        Map<String, String> planted = new TreeMap<>();
        List<String> answers = Files.readAllLines(dir.resolve("answers.csv"), StandardCharsets.UTF_8);
        for (String line : answers.subList(1, answers.size())) {
            String[] a = line.split(",", -1);
            planted.put(key(a[0], a[1], a[2]), a[3] + " " + a[4]);
        }
        assertEquals(answers.size() - 1, planted.size(), "answers.csv lists every (category, school, subject) once");

        StringBuilder report = new StringBuilder();
        planted.forEach((k, v) -> {
            if (!found.containsKey(k)) {
                report.append("missed ").append(k).append(" (").append(v).append(")\n");
            } else if (!found.get(k).equals(v)) {
                report.append("differs ")
                        .append(k)
                        .append(": planted ")
                        .append(v)
                        .append(", detected ")
                        .append(found.get(k))
                        .append('\n');
            }
        });
        found.forEach((k, v) -> {
            if (!planted.containsKey(k)) {
                report.append("extra ").append(k).append(" (").append(v).append(")\n");
            }
        });
        assertEquals(
                "",
                report.toString(),
                "detect vs answers.csv (" + planted.size() + " planted, " + found.size() + " detected)");
    }

    private static String key(String category, String school, String subject) {
        return category + " " + school + " " + subject;
    }
}
