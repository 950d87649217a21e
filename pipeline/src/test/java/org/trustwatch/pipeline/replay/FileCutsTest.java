package org.trustwatch.pipeline.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustwatch.ingest.LogFormat;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.pipeline.workload.ManifestRow;

class FileCutsTest {

    private static final String SQUID_LINE =
            "%d.000    120 10.20.2.19 TCP_MISS/200 1500 GET https://www.bbc.co.uk/news 25wrightd0 HIER_DIRECT/1.1.1.1"
                    + " text/html";

    @TempDir
    Path dir;

    @Test
    void aCutFollowsEveryLineThatMakesARecordAndCarriesTheNewestTimeSoFar() throws Exception {
        long t = Instant.parse("2026-11-23T09:00:00Z").getEpochSecond();
        String lines = line(t) + line(t + 60) + "not a squid line\n" + line(t + 30) + "\n";
        Path log = write("access.log", lines);

        FileCuts cuts = FileCuts.of(row(LogFormat.named("squid"), log), ParseContext.defaults());

        assertEquals(4, cuts.cuts().size(), "three events and a rejected line; the blank line makes nothing");
        assertEquals(line(t).length(), cuts.cuts().get(0).position());
        assertEquals((t + 60) * 1000, cuts.cuts().get(2).time(), "a rejected line keeps the newest time so far");
        assertEquals((t + 60) * 1000, cuts.cuts().get(3).time(), "an older event does not move time back");
        assertEquals(lines.length() - 1, cuts.finalOffset(), "the agent commits nothing for the blank last line");
        assertEquals(lines.length(), cuts.size());
        assertFalse(cuts.addsLineBreak());
        assertEquals(0, cuts.positionAt(t * 1000 - 1));
        assertEquals(line(t).length(), cuts.positionAt(t * 1000 + 59_999));
    }

    @Test
    void aLastLineWithoutLineBreakIsCompletedInTheCopy() throws Exception {
        long t = Instant.parse("2026-11-23T09:00:00Z").getEpochSecond();
        String lines = line(t) + line(t + 1).strip();
        Path log = write("access.log", lines);

        FileCuts cuts = FileCuts.of(row(LogFormat.named("squid"), log), ParseContext.defaults());

        assertTrue(cuts.addsLineBreak());
        assertEquals(lines.length() + 1, cuts.size());
        assertEquals(lines.length() + 1, cuts.finalOffset(), "the agent takes the line once its break is written");
    }

    @Test
    void anOpenMessageAtTheEndMakesNoCutSinceAnAgentWaitsForItsEnd() throws Exception {
        Path trace = write(
                "trace.csv",
                "Received,SenderAddress,RecipientAddress,Subject,Status,MessageId\n"
                        + "2026-11-23T09:00:00Z,a@x.sch.uk,b@y.org,Hi,Delivered,<1@x>\n"
                        + "2026-11-23T09:05:00Z,a@x.sch.uk,c@y.org,Hi,Delivered,<2@x>\n");

        FileCuts cuts = FileCuts.of(row(LogFormat.named("m365-trace"), trace), ParseContext.defaults());

        assertEquals(1, cuts.cuts().size(), "message 1 is complete when message 2 begins; message 2 stays open");
        assertEquals(Files.size(trace), cuts.finalOffset());
        assertEquals(Instant.parse("2026-11-23T09:00:00Z").toEpochMilli(), cuts.lastTime());
    }

    private static String line(long epochSeconds) {
        return SQUID_LINE.formatted(epochSeconds) + "\n";
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static ManifestRow row(LogFormat format, Path file) {
        return new ManifestRow(2, format, "WOH", file);
    }
}
