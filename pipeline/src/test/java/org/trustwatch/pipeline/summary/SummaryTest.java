package org.trustwatch.pipeline.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustwatch.pipeline.kafka.TopicTally;

class SummaryTest {

    @Test
    void printsCountsReasonsAndATableOfCategoriesBySchool() {
        Summary summary = new Summary(
                List.of(
                        new TopicTally.Count("events.proxy", 626, List.of()),
                        new TopicTally.Count("events.mail", 149, List.of())),
                List.of(
                        new TopicTally.Count("dlq.proxy", 1, List.of("/logs/access.log:7: not a Squid line")),
                        new TopicTally.Count("dlq.mail", 0, List.of())),
                0,
                6,
                91,
                new IncidentTotals(
                        3, Map.of("FILTER_BYPASS", Map.of("GLN", 2L), "MALWARE", Map.of("HTF", 1L)), Optional.of(0L)),
                new IncidentLatency(
                        91,
                        3,
                        Optional.of(new IncidentLatency.Slowest("inc-1", "MALWARE", "HTF", 2, Duration.ofMillis(3700))),
                        Optional.of(Duration.ofMillis(1600)),
                        Optional.of(Duration.ofMillis(3700))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        summary.print(new PrintStream(out, true, StandardCharsets.UTF_8));

        assertEquals(
                """
                events ingested: 775
                  events.proxy                626
                  events.mail                 149
                rejected: 1
                  dlq.proxy                     1
                    /logs/access.log:7: not a Squid line
                correlation: 6 signals exempted, 0 late (not correlated), 91 incident changes
                incidents in Elasticsearch: 3 in 2 categories
                  CATEGORY        GLN   HTF  total
                  FILTER_BYPASS     2     .      2
                  MALWARE           .     1      1
                  total             2     1      3
                slowest event-to-incident time: 3.7 s (inc-1, MALWARE at HTF, change 2); median 1.6 s over 3 incidents
                """,
                out.toString(StandardCharsets.UTF_8));
    }
}
