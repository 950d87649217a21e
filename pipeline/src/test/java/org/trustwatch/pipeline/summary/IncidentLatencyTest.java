package org.trustwatch.pipeline.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustwatch.elastic.document.Incidents;
import org.trustwatch.schema.Evidence;
import org.trustwatch.schema.Incident;

class IncidentLatencyTest {

    private static final Instant T = Instant.parse("2026-11-23T16:00:00Z");

    @Test
    void fromTheNewestEventReadToTheFirstChangeThatCountsIt() {
        // read at 0 s, 5 s and 3 s; the change counting the event read at 5 s was appended at 7 s
        Map<String, Instant> read = Map.of("a", T, "b", T.plusSeconds(5), "c", T.plusSeconds(3));
        List<IncidentLatency.Change> changes =
                List.of(change(1, 1_000, "a"), change(2, 7_000, "a", "b"), change(3, 9_000, "a", "b", "c"));

        IncidentLatency.Slowest measured =
                IncidentLatency.measure(changes, read).orElseThrow();

        assertEquals(Duration.ofSeconds(2), measured.time());
        assertEquals(2, measured.version());
        assertEquals("MISDIRECTED_EMAIL", measured.category());
        assertEquals("WOH", measured.school());
    }

    @Test
    void anIncidentWhoseEventsAreNotFoundIsNotMeasured() {
        assertEquals(Optional.empty(), IncidentLatency.measure(List.of(change(1, 1_000, "x")), Map.of()));
    }

    private static IncidentLatency.Change change(long version, long appendedAfterMillis, String... hashes) {
        List<Evidence> evidence = new ArrayList<>();
        for (String hash : hashes) {
            evidence.add(new Evidence(T, "mail", hash, "a message", null, null));
        }
        Incident incident = Incident.newBuilder(Incidents.version("inc-1", version))
                .setEvidence(evidence)
                .build();
        return new IncidentLatency.Change(incident, T.toEpochMilli() + appendedAfterMillis);
    }
}
