package org.trustwatch.workload.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.trustwatch.workload.plant.Answer;

/**
 * answers.csv: every planted incident, by first event time: {@code category,school_id,subject,first_seen,rule_id,note}
 * with the category as the Incident schema names it, the subject as the Incident record has it, and first_seen in
 * ISO-8601 UTC.
 */
public final class AnswerFile {

    private AnswerFile() {}

    public static final String HEADER = "category,school_id,subject,first_seen,rule_id,note";

    public static final Comparator<Answer> ORDER = Comparator.comparingLong(Answer::firstSeen)
            .thenComparing(a -> a.category().name())
            .thenComparing(Answer::schoolId)
            .thenComparing(Answer::subject);

    public static void write(Path file, List<Answer> answers) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER + "\n");
            for (Answer a : answers) {
                w.write(Csv.row(
                        a.category().name(),
                        a.schoolId(),
                        a.subject(),
                        Instant.ofEpochMilli(a.firstSeen()).toString(),
                        a.ruleId(),
                        a.note()));
            }
        }
    }
}
