package org.trustwatch.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.trustwatch.ingest.LogFiles;
import org.trustwatch.ingest.LogFormat;
import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.Problems;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.ingest.category.WebCategories;
import org.trustwatch.ingest.category.WebCategoryLists;
import org.trustwatch.ingest.reference.ReferenceData;

/**
 * Every line of every generated log is read by the real parser of its format, as {@code ./trustwatch parse} reads it
 * (the school's id, the reference categories), and the reference files have no bad row.
 */
class GeneratedLogsParseTest {

    @Test
    void everyLineOfEveryLogParses() throws IOException {
        Path dir = GeneratedTrust.dir();
        Problems problems = new Problems();
        WebCategories categories = WebCategoryLists.load(dir.resolve("reference/categories.csv"), problems);
        assertEquals(List.of(), problems.all(), "categories.csv");
        List<String> rejects = new ArrayList<>();
        for (String[] row : GeneratedTrust.manifest(dir)) {
            LogFormat format = LogFormat.named(row[0]);
            ParseContext context =
                    new ParseContext(row[1], ParseContext.DEFAULT_ZONE, categories, false, Clock.systemUTC());
            LogParser parser = format.newParser(context);
            long[] events = {0};
            ParseSink sink = new ParseSink() {
                @Override
                public void event(SpecificRecord event, RawLine completedBy) {
                    events[0]++;
                }

                @Override
                public void reject(RawLine line, String reason) {
                    if (rejects.size() < 20) {
                        rejects.add(line.file() + ":" + line.lineNumber() + ": " + reason + "\n    " + line.text());
                    }
                }
            };
            LogFiles.feed(dir.resolve(row[2]), parser, sink);
            parser.flush(sink);
            assertTrue(events[0] > 0 || row[0].equals("reports"), row[2] + " has no event");
        }
        assertEquals(List.of(), rejects, "rejected lines");
    }

    @Test
    void referenceFilesHaveNoBadRow() throws IOException {
        Problems problems = new Problems();
        ReferenceData reference = ReferenceData.read(GeneratedTrust.dir().resolve("reference"), problems);
        assertEquals(List.of(), problems.all());
        assertEquals(3, reference.schools().size());
        assertTrue(reference.exemptions().size() >= 4, "standing exemptions and the planted ones");
    }
}
