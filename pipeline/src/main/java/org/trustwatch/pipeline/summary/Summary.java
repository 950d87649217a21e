package org.trustwatch.pipeline.summary;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trustwatch.pipeline.kafka.TopicTally;

/**
 * What a pipeline run left in the systems, as read back from them: events per source topic, rejected lines per
 * dead-letter topic with the first reasons, what the correlation set aside, incidents per category and school from
 * Elasticsearch, and the slowest event-to-incident time.
 *
 * @param events the event topics
 * @param deadLetters the dead-letter topics, the agents' first
 * @param late events.late: signals more than the grace behind their source, not correlated
 * @param exempted events.exempted: signals an approved exemption covered
 * @param incidentChanges records on the incidents topic (every change of every incident)
 */
public record Summary(
        List<TopicTally.Count> events,
        List<TopicTally.Count> deadLetters,
        long late,
        long exempted,
        long incidentChanges,
        IncidentTotals incidents,
        IncidentLatency latency) {

    public long eventsIngested() {
        return events.stream().mapToLong(TopicTally.Count::records).sum();
    }

    /** When the oldest incident began (epoch ms), if there is one. */
    public java.util.Optional<Long> firstSeen() {
        return incidents.firstSeen();
    }

    public long rejectedLines() {
        return deadLetters.stream().mapToLong(TopicTally.Count::records).sum();
    }

    public void print(PrintStream out) {
        out.printf("events ingested: %,d%n", eventsIngested());
        for (TopicTally.Count count : events) {
            out.printf("  %-22s %,8d%n", count.topic(), count.records());
        }
        out.printf("rejected: %,d%n", rejectedLines());
        for (TopicTally.Count count : deadLetters) {
            if (count.records() > 0) {
                out.printf("  %-22s %,8d%n", count.topic(), count.records());
                count.firstReasons().forEach(reason -> out.println("    " + reason));
            }
        }
        out.printf(
                "correlation: %,d signals exempted, %,d late (not correlated), %,d incident changes%n",
                exempted, late, incidentChanges);
        printIncidents(out);
        printLatency(out);
    }

    private void printIncidents(PrintStream out) {
        out.printf(
                "incidents in Elasticsearch: %,d in %d categor%s%n",
                incidents.total(),
                incidents.byCategory().size(),
                incidents.byCategory().size() == 1 ? "y" : "ies");
        if (incidents.byCategory().isEmpty()) {
            return;
        }
        List<String> schools = List.copyOf(incidents.schools());
        int width = incidents.byCategory().keySet().stream()
                .mapToInt(String::length)
                .max()
                .orElse(8);
        StringBuilder header = new StringBuilder(String.format("  %-" + width + "s", "CATEGORY"));
        schools.forEach(school -> header.append(String.format(" %5s", school)));
        out.println(header.append("  total"));
        for (Map.Entry<String, Map<String, Long>> row : incidents.byCategory().entrySet()) {
            StringBuilder line = new StringBuilder(String.format("  %-" + width + "s", row.getKey()));
            schools.forEach(school ->
                    line.append(String.format(" %5s", cell(row.getValue().getOrDefault(school, 0L)))));
            out.println(line.append(String.format("  %5d", incidents.inCategory(row.getKey()))));
        }
        StringBuilder total = new StringBuilder(String.format("  %-" + width + "s", "total"));
        schools.forEach(school -> total.append(String.format(" %5d", incidents.atSchool(school))));
        out.println(total.append(String.format("  %5d", incidents.total())));
    }

    private void printLatency(PrintStream out) {
        if (latency.slowest().isEmpty()) {
            out.printf(
                    "event-to-incident time: not measured (%d incident changes, none with the topic's append time and"
                            + " its events in Elasticsearch)%n",
                    latency.changes());
            return;
        }
        IncidentLatency.Slowest s = latency.slowest().get();
        out.printf(
                Locale.ROOT,
                "slowest event-to-incident time: %.1f s (%s, %s at %s, change %d); median %.1f s over %d incidents%n",
                s.time().toMillis() / 1000.0,
                s.incidentId(),
                s.category(),
                s.school(),
                s.version(),
                latency.median().orElseThrow().toMillis() / 1000.0,
                latency.incidents());
    }

    private static String cell(long n) {
        return n == 0 ? "." : Long.toString(n);
    }
}
