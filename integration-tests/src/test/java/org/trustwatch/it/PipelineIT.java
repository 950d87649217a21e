package org.trustwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustwatch.elastic.client.ElasticClients;
import org.trustwatch.elastic.client.ElasticConnection;
import org.trustwatch.elastic.client.ElasticHandle;
import org.trustwatch.elastic.index.IndexNames;
import org.trustwatch.ingest.LogFiles;
import org.trustwatch.ingest.LogFormat;
import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.Problems;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.ingest.reference.ReferenceData;
import org.trustwatch.pipeline.Pipeline;
import org.trustwatch.pipeline.kafka.PipelineTopics;
import org.trustwatch.pipeline.kafka.TopicTally;
import org.trustwatch.pipeline.summary.Summary;
import org.trustwatch.pipeline.workload.ManifestRow;
import org.trustwatch.pipeline.workload.Workload;
import org.trustwatch.schema.Incident;
import org.trustwatch.stack.StackSettings;
import org.trustwatch.streams.cli.OfflineRun;
import org.trustwatch.streams.settings.Settings;

/**
 * The whole pipeline on the real stack, as {@code ./trustwatch demo} runs it, on the samples' day with one line no
 * agent can read added to the Squid log: what a person running the demo sees must be what the systems hold, and the
 * incidents must be those the offline run finds in the same logs.
 */
class PipelineIT {

    private static final String BAD_LINE = "this is not a Squid line";

    @TempDir
    Path dir;

    @Test
    void theSamplesDayGoesFromTheLogsToTheIndexAndASecondRunDuplicatesNothing() throws Exception {
        StackSettings stack = TestStack.get().settings();
        Workload workload = workloadWithOneBadLine();
        String run = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        PipelineTopics topics = PipelineTopics.prefixed(run + ".");
        Pipeline.Options options = Pipeline.Options.defaults()
                .withTopics(topics, run)
                .withTimeout(Duration.ofMinutes(3))
                .withPseudonymKey(dir.resolve("pseudonym.key"));

        Summary first;
        Summary second;
        ByteArrayOutputStream secondOutput = new ByteArrayOutputStream();
        try (Pipeline pipeline = new Pipeline(stack, options, System.out)) {
            try {
                first = pipeline.run(workload);
                first.print(System.out);
                try (Pipeline again =
                        new Pipeline(stack, options, new PrintStream(secondOutput, true, StandardCharsets.UTF_8))) {
                    second = again.run(workload);
                }
            } finally {
                pipeline.correlation().stop();
            }
        }

        // what the agents make of the logs: every event once, the bad line rejected with where it is
        Map<String, Long> expectedEvents = agentsOutput(workload, topics);
        assertEquals(expectedEvents, counts(first.events()));
        for (TopicTally.Count count : first.events()) {
            assertEquals(
                    count.records(),
                    TopicReader.readAll(
                                    stack.kafkaBootstrap(), count.topic(), (int) count.records(), Duration.ofSeconds(1))
                            .size(),
                    count.topic());
        }
        assertEquals(1, first.rejectedLines());
        TopicTally.Count proxyLetters = first.deadLetters().get(0);
        assertEquals(topics.deadLetters(LogFormat.Family.PROXY), proxyLetters.topic());
        assertEquals(1, proxyLetters.firstReasons().size());
        String reason = proxyLetters.firstReasons().get(0);
        assertTrue(reason.matches(".*/squid/access\\.log:230: .+"), reason);
        assertEquals(
                0,
                first.late(),
                () -> "the replay keeps every source within the grace; late: "
                        + lateReasons(stack.kafkaBootstrap(), topics, first.late()));

        // the incidents the offline run finds in the same logs, by id, category, school and subject
        List<Incident> offline = offlineIncidents(workload);
        try (ElasticHandle elastic = ElasticClients.open(ElasticConnection.plain(stack.elasticsearchUrl()))) {
            ElasticsearchClient es = elastic.client();
            Map<String, String> indexed = IndexedIncidents.byId(
                    es, offline.stream().map(Incident::getIncidentId).toList());
            Map<String, String> expected = new TreeMap<>();
            offline.forEach(i -> expected.put(i.getIncidentId(), triple(i)));
            assertEquals(expected, indexed);
            assertTrue(
                    new TreeSet<>(offline.stream()
                                            .map(i -> i.getCategory().name())
                                            .toList())
                                    .size()
                            >= 10,
                    "the samples plant incidents of every category");

            // the summary's incident numbers are what the index answers
            assertTrue(
                    first.incidents().byCategory().size() >= 10,
                    first.incidents().toString());
            es.indices().refresh(r -> r.index(IndexNames.INCIDENTS_ALIAS));
            assertEquals(
                    es.count(c -> c.index(IndexNames.INCIDENTS_ALIAS)).count(),
                    first.incidents().total());
            for (String category : first.incidents().byCategory().keySet()) {
                assertEquals(
                        es.count(c -> c.index(IndexNames.INCIDENTS_ALIAS)
                                        .query(q -> q.term(t ->
                                                t.field("incident.category").value(category))))
                                .count(),
                        first.incidents().inCategory(category),
                        category);
            }
        }
        assertEquals(offline.size(), first.latency().incidents(), "every incident's time is measured");
        assertTrue(first.latency().slowest().orElseThrow().time().compareTo(Duration.ofMinutes(2)) < 0);

        // a second run reuses the app and the connectors: nothing read twice, nothing correlated twice
        String again = secondOutput.toString(StandardCharsets.UTF_8);
        assertTrue(again.contains("correlation app: running already"), again);
        assertEquals(counts(first.events()), counts(second.events()));
        assertEquals(first.rejectedLines(), second.rejectedLines());
        assertEquals(first.incidentChanges(), second.incidentChanges());
        assertEquals(first.incidents(), second.incidents());
    }

    /** The samples, with one line the Squid agent must reject appended to its log. */
    private Workload workloadWithOneBadLine() throws IOException {
        Path samples = TestStack.home().resolve("samples");
        Path copy = dir.resolve("samples-with-a-bad-line");
        try (Stream<Path> files = Files.walk(samples)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(samples.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Files.writeString(copy.resolve("squid/access.log"), BAD_LINE + "\n", StandardOpenOption.APPEND);
        return Workload.read(copy);
    }

    /** What each late record's rule stage said it was late against, so that a failure names the lanes. */
    private static List<String> lateReasons(String bootstrap, PipelineTopics topics, long late) {
        return TopicReader.readAll(bootstrap, topics.app().late(), (int) late, Duration.ofSeconds(1)).stream()
                .map(r -> header(r, "trustwatch.rule") + ": " + header(r, "trustwatch.late"))
                .toList();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? "-" : new String(h.value(), StandardCharsets.UTF_8);
    }

    /**
     * Events per topic as the agents produce them: each log parsed once, in order, with nothing flushed at its end (a
     * live agent never knows a log has ended, so a message still open there stays unsent).
     */
    private static Map<String, Long> agentsOutput(Workload workload, PipelineTopics topics) throws IOException {
        Map<String, Long> events = new TreeMap<>();
        topics.eventTopics().forEach(t -> events.put(t, 0L));
        for (ManifestRow row : workload.rows()) {
            String topic = topics.events(row.format().family());
            LogParser parser = row.format().newParser(ParseContext.defaults());
            LogFiles.feed(row.file(), parser, new ParseSink() {
                @Override
                public void event(SpecificRecord event, RawLine completedBy) {
                    events.merge(topic, 1L, Long::sum);
                }

                @Override
                public void reject(RawLine line, String reason) {}
            });
        }
        return events;
    }

    private static List<Incident> offlineIncidents(Workload workload) throws IOException {
        Problems problems = new Problems();
        ReferenceData reference = ReferenceData.read(workload.referenceDir(), problems);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        boolean[] failed = {false};
        List<OfflineRun.Event> events = OfflineRun.parse(
                OfflineRun.sampleDay(workload.dir()),
                OfflineRun.categories(workload.referenceDir()),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                failed);
        String rejected = err.toString(StandardCharsets.UTF_8);
        assertFalse(failed[0], rejected);
        assertTrue(rejected.contains("squid/access.log:230: "), "offline, the same line is rejected: " + rejected);
        OfflineRun.byEventTime(events);
        return OfflineRun.detect(
                        reference, Settings.load(workload.settingsFile().orElseThrow()), events)
                .incidents();
    }

    private static String triple(Incident i) {
        return i.getCategory().name() + " " + i.getSchoolId() + " " + i.getSubject();
    }

    private static Map<String, Long> counts(List<TopicTally.Count> counts) {
        Map<String, Long> byTopic = new TreeMap<>();
        counts.forEach(c -> byTopic.put(c.topic(), c.records()));
        return byTopic;
    }
}
