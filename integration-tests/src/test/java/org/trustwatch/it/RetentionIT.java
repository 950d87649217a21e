package org.trustwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trustwatch.elastic.cli.RetentionCommand;
import org.trustwatch.elastic.client.ElasticClients;
import org.trustwatch.elastic.client.ElasticConnection;
import org.trustwatch.elastic.client.ElasticHandle;
import org.trustwatch.elastic.index.EventSource;
import org.trustwatch.elastic.index.IndexLayer;
import org.trustwatch.elastic.index.IndexNames;
import org.trustwatch.stack.StackSettings;

/**
 * {@code trustwatch retention} on the real node, which has no ILM: monthly proxy indices from eight months ago to
 * this month, one event each; the months past six months go, the rest, the incidents and a foreign index stay.
 */
class RetentionIT {

    private static final String FOREIGN = "trustwatch-events-proxy-1990.01-restored";

    private static ElasticHandle elastic;
    private static ElasticsearchClient client;

    @BeforeAll
    static void connect() throws Exception {
        elastic = ElasticClients.open(
                ElasticConnection.plain(TestStack.get().settings().elasticsearchUrl()));
        client = elastic.client();
        IndexLayer.install(client);
    }

    @AfterAll
    static void close() throws Exception {
        elastic.close();
    }

    @Test
    void deletesTheMonthsPastThePeriodAndKeepsTheRest() throws Exception {
        List<String> months = seedMonths();
        client.index(i -> i.index(IndexNames.INCIDENTS_ALIAS)
                .id("retention-it")
                .withJson(new StringReader("{\"incident\":{\"id\":\"retention-it\"}}"))
                .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
        client.index(i -> i.index(FOREIGN).id("x").withJson(new StringReader("{\"note\":\"not ours\"}")));

        String dryRun = retention("--period", "6M", "--dry-run");
        assertTrue(dryRun.startsWith("dry run, nothing changed"), dryRun);
        assertTrue(dryRun.contains("the cluster has no running ILM"), dryRun);
        for (String month : months) {
            assertTrue(exists(month), "a dry run deleted " + month);
        }

        // computed here from the rule as the README states it: a month goes when its end is more than 6 months ago
        Instant cutoff = Instant.now().atZone(ZoneOffset.UTC).minusMonths(6).toInstant();
        String report = retention("--period", "6M", "--once");

        int deleted = 0;
        for (String month : months) {
            YearMonth m = YearMonth.parse(month.substring(month.length() - 7).replace('.', '-'));
            boolean expired = m.plusMonths(1)
                    .atDay(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .isBefore(cutoff);
            assertEquals(!expired, exists(month), month + (expired ? " should be gone" : " should be kept"));
            assertTrue(report.contains((expired ? "deleted " : "kept ") + month), report);
            deleted += expired ? 1 : 0;
        }
        assertTrue(deleted == 2 || deleted == 3, "eight months back, two or three months are past six: " + deleted);
        assertTrue(exists(FOREIGN), "an index Trustwatch did not name is never deleted");
        assertTrue(report.contains("ignored " + FOREIGN), report);
        assertTrue(client.exists(e -> e.index(IndexNames.INCIDENTS_ALIAS).id("retention-it"))
                .value());
        assertTrue(exists(IndexNames.AUDIT_INDEX));

        String again = retention("--period", "6M");
        assertFalse(again.contains("deleted trustwatch-events-proxy"), "a second run finds nothing more: " + again);
        client.delete(d -> d.index(IndexNames.INCIDENTS_ALIAS).id("retention-it"));
        client.indices().delete(d -> d.index(FOREIGN));
    }

    /** One event in each month from eight months ago to this one, each index made by the template. */
    private static List<String> seedMonths() throws Exception {
        List<String> months = new ArrayList<>();
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        for (int back = 8; back >= 0; back--) {
            Instant time = now.minusMonths(back)
                    .atDay(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .plusHours(12)
                    .toInstant();
            String index = IndexNames.eventsIndex(EventSource.PROXY, time);
            client.index(i -> i.index(index)
                    .id("retention-" + time.toEpochMilli())
                    .withJson(new StringReader(
                            "{\"@timestamp\":\"" + time + "\",\"url\":{\"domain\":\"example.org\"}}")));
            months.add(index);
        }
        return months;
    }

    private static boolean exists(String index) throws Exception {
        return client.indices().exists(e -> e.index(index)).value();
    }

    private static String retention(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RetentionCommand.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                environment());
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The command finds the test node as it finds a developer's stack: by TRUSTWATCH_ES_PORT. */
    static Map<String, String> environment() {
        return Map.of(
                StackSettings.ES_PORT,
                String.valueOf(TestStack.get().settings().esPort().port()));
    }
}
