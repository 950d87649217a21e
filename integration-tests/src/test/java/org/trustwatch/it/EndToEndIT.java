package org.trustwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustwatch.elastic.client.ElasticClients;
import org.trustwatch.elastic.client.ElasticConnection;
import org.trustwatch.elastic.client.ElasticHandle;
import org.trustwatch.pipeline.Pipeline;
import org.trustwatch.pipeline.kafka.PipelineTopics;
import org.trustwatch.pipeline.summary.Summary;
import org.trustwatch.pipeline.workload.Workload;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.serde.RegistrySerdes;
import org.trustwatch.stack.StackSettings;
import org.trustwatch.workload.GenerateCommand;

/**
 * End to end on the real stack: a generated trust's logs (every incident category planted at known times, among a
 * school day's background traffic) go through the source connectors, the correlation app and the Elasticsearch sink.
 * Every planted incident must be in the index with its category, school and subject (recall), and nothing else may
 * be raised on the background (false alarms).
 */
class EndToEndIT {

    /** A small trust, so the day replays in a few minutes; the planted incidents are the same at any size. */
    private static final List<String> TRUST =
            List.of("--schools", "3", "--days", "2", "--pupils", "60", "--requests", "8", "--seed", "42");

    @TempDir
    Path dir;

    @Test
    void everyPlantedIncidentIsIndexedAndTheBackgroundRaisesNothing() throws Exception {
        Path generated = dir.resolve("trust");
        List<String> args = new ArrayList<>(TRUST);
        args.addAll(List.of("--out", generated.toString()));
        ByteArrayOutputStream generateOut = new ByteArrayOutputStream();
        assertEquals(
                0,
                GenerateCommand.run(
                        args,
                        new PrintStream(generateOut, true, StandardCharsets.UTF_8),
                        new PrintStream(generateOut, true, StandardCharsets.UTF_8)),
                generateOut.toString(StandardCharsets.UTF_8));
        Set<String> planted = planted(generated.resolve("answers.csv"));

        StackSettings stack = TestStack.get().settings();
        String run = "e2e-gen-" + UUID.randomUUID().toString().substring(0, 8);
        PipelineTopics topics = PipelineTopics.prefixed(run + ".");
        Pipeline.Options options = Pipeline.Options.defaults()
                .withTopics(topics, run)
                .withTimeout(Duration.ofMinutes(8))
                .withPseudonymKey(dir.resolve("pseudonym.key"));
        Summary summary;
        try (Pipeline pipeline = new Pipeline(stack, options, System.out)) {
            try {
                summary = pipeline.run(Workload.read(generated));
                summary.print(System.out);
            } finally {
                pipeline.correlation().stop();
            }
        }
        assertEquals(0, summary.rejectedLines(), "the generator writes only lines the agents read");
        assertEquals(0, summary.late(), "the replay keeps every source within the grace");

        Set<String> raised = indexed(stack, run, topics, summary);
        Set<String> missed = new TreeSet<>(planted);
        missed.removeAll(raised);
        Set<String> falseAlarms = new TreeSet<>(raised);
        falseAlarms.removeAll(planted);
        System.out.printf(
                "end to end: %d planted, recall %d/%d (%.0f %%), false alarms %d%n",
                planted.size(),
                planted.size() - missed.size(),
                planted.size(),
                100.0 * (planted.size() - missed.size()) / planted.size(),
                falseAlarms.size());
        assertEquals(Set.of(), missed, "planted incidents not found in Elasticsearch");
        assertEquals(Set.of(), falseAlarms, "incidents raised that were not planted");
        assertEquals(18, planted.stream().map(p -> p.split(" ")[0]).distinct().count(), "every category is planted");
    }

    /** category, school and subject of every planted incident, from the generator's answer file. */
    private static Set<String> planted(Path answers) throws IOException {
        Set<String> planted = new TreeSet<>();
        List<String> lines = Files.readAllLines(answers);
        assertEquals("category,school_id,subject,first_seen,rule_id,note", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", 4);
            planted.add(cells[0] + " " + cells[1] + " " + cells[2]);
        }
        return planted;
    }

    /**
     * category, school and subject, as Elasticsearch holds them, of every incident this run's app raised (the ids on
     * its own incidents topic: the index is shared with the other tests' runs).
     */
    private static Set<String> indexed(StackSettings stack, String run, PipelineTopics topics, Summary summary)
            throws IOException {
        String incidentsTopic = topics.app().incidents();
        Set<String> ids = new TreeSet<>();
        try (Serde<Incident> serde = RegistrySerdes.valueSerde(stack.registryUrl())) {
            for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(
                    stack.kafkaBootstrap(), incidentsTopic, (int) summary.incidentChanges(), Duration.ofSeconds(2))) {
                ids.add(serde.deserializer()
                        .deserialize(incidentsTopic, r.value())
                        .getIncidentId());
            }
        }
        assertTrue(!ids.isEmpty(), "run " + run + " raised no incident at all");
        try (ElasticHandle elastic = ElasticClients.open(ElasticConnection.plain(stack.elasticsearchUrl()))) {
            Map<String, String> found = IndexedIncidents.byId(elastic.client(), ids);
            assertEquals(ids, found.keySet(), "every incident the app raised is indexed");
            return new TreeSet<>(found.values());
        }
    }
}
