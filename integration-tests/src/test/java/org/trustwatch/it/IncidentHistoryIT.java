package org.trustwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustwatch.elastic.cli.IncidentsCommand;
import org.trustwatch.elastic.client.ElasticClients;
import org.trustwatch.elastic.client.ElasticConnection;
import org.trustwatch.elastic.client.ElasticHandle;
import org.trustwatch.elastic.document.IncidentDocument;
import org.trustwatch.elastic.index.IndexLayer;
import org.trustwatch.elastic.index.IndexNames;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.Role;
import org.trustwatch.schema.privacy.Pseudonyms;

/**
 * {@code trustwatch incidents} on the real node, run as the launcher runs it (its entry point with arguments, output
 * captured), over incidents of several categories, schools, days and statuses in February 2025, a month no other test
 * writes to.
 */
class IncidentHistoryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] KEY = "a pseudonym key for the test run".getBytes(StandardCharsets.UTF_8);
    private static final String PUPIL = "24jonesa0";
    private static final List<String> FEBRUARY_MISDIRECTED = List.of("C-boundary", "A-woh", "B-pupil", "H-last-day");

    private static ElasticHandle elastic;
    private static ElasticsearchClient client;

    @TempDir
    static Path dir;

    private static Path config;

    @BeforeAll
    static void seed() throws Exception {
        elastic = ElasticClients.open(
                ElasticConnection.plain(TestStack.get().settings().elasticsearchUrl()));
        client = elastic.client();
        IndexLayer.install(client);
        index(
                incident(
                        "A-woh",
                        IncidentCategory.MISDIRECTED_EMAIL,
                        "WOH",
                        "25wrightd0",
                        Role.staff,
                        "2025-02-03T09:00:00Z",
                        true),
                "new");
        index(
                incident(
                        "B-pupil",
                        IncidentCategory.MISDIRECTED_EMAIL,
                        "KHS",
                        PUPIL,
                        Role.pupil,
                        "2025-02-14T10:00:00Z",
                        true),
                "triaged");
        // began before --since and went on after it: it was going on in the range
        index(
                incident(
                        "C-boundary",
                        IncidentCategory.MISDIRECTED_EMAIL,
                        "WOH",
                        "25wrightd0",
                        Role.staff,
                        "2025-01-31T23:30:00Z",
                        false),
                "closed");
        index(
                incident(
                        "D-january",
                        IncidentCategory.MISDIRECTED_EMAIL,
                        "WOH",
                        "25wrightd0",
                        Role.staff,
                        "2025-01-20T09:00:00Z",
                        true),
                "new");
        index(
                incident(
                        "E-march",
                        IncidentCategory.MISDIRECTED_EMAIL,
                        "KHS",
                        "=cmd|' /C calc'!A0",
                        Role.staff,
                        "2025-03-01T00:10:00Z",
                        true),
                "new");
        index(
                incident(
                        "F-malware",
                        IncidentCategory.MALWARE,
                        "WOH",
                        "device:lt-0042",
                        null,
                        "2025-02-10T11:00:00Z",
                        false),
                "investigating");
        index(
                incident(
                        "G-bypass",
                        IncidentCategory.FILTER_BYPASS,
                        "KHS",
                        "23hughese0",
                        Role.pupil,
                        "2025-02-11T13:00:00Z",
                        false),
                "new");
        // --until 2025-02-28 takes in the whole day (London is on GMT in February)
        index(
                incident(
                        "H-last-day",
                        IncidentCategory.MISDIRECTED_EMAIL,
                        "KHS",
                        "=sum(1+1)",
                        Role.staff,
                        "2025-02-28T23:59:00Z",
                        true),
                "new");
        client.indices().refresh(r -> r.index(IndexNames.INCIDENTS_ALIAS));

        Path key = dir.resolve("pseudonym.key");
        Files.write(key, KEY);
        config = dir.resolve("es.properties");
        Files.writeString(
                config,
                "elasticsearch.urls=" + TestStack.get().settings().elasticsearchUrl() + "\npseudonym.key.file=" + key
                        + "\n");
    }

    @AfterAll
    static void close() throws Exception {
        elastic.close();
    }

    @Test
    void misdirectedEmailSinceADayIsExactlyTheExpectedRowsWithTotals() throws Exception {
        String table = incidents(
                "--category",
                "MISDIRECTED_EMAIL",
                "--since",
                "2025-02-01",
                "--until",
                "2025-02-28",
                "--config",
                config.toString());

        List<String> lines = Arrays.asList(table.split("\n"));
        assertTrue(lines.get(0).startsWith("FIRST SEEN"), table);
        assertEquals(
                FEBRUARY_MISDIRECTED,
                lines.subList(1, 5).stream()
                        .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                        .toList(),
                table);
        assertTrue(lines.get(1).startsWith("2025-01-31 23:30  MISDIRECTED_EMAIL  3    WOH     25wrightd0"), table);
        assertTrue(lines.get(3).contains(new Pseudonyms(KEY).of(PUPIL)), table);
        assertFalse(table.contains(PUPIL), "a pupil is pseudonymised unless --names is given");
        assertEquals("4 incidents (times Europe/London)", lines.get(5));
        assertEquals("by category: MISDIRECTED_EMAIL 4", lines.get(6));
        assertTrue(lines.get(7).equals("by school:   KHS 2, WOH 2"), lines.get(7));

        JsonNode audit = lastAudit("category=MISDIRECTED_EMAIL since=2025-02-01T00:00:00Z before=2025-03-01T00:00:00Z");
        assertEquals(System.getProperty("user.name"), audit.at("/user/name").asText());
        assertEquals("incident-history-search", audit.at("/event/action").asText());
        assertEquals("success", audit.at("/event/outcome").asText());
        assertEquals(4, audit.at("/audit/rows").asLong());
        assertEquals("pseudonymised", audit.at("/audit/names").asText());
        assertEquals("MISDIRECTED_EMAIL", audit.at("/audit/filters/category").asText());
    }

    @Test
    void csvAndJsonParseBackToTheSameRows() throws Exception {
        String[] common = {
            "--category",
            "MISDIRECTED_EMAIL",
            "--since",
            "2025-02-01",
            "--until",
            "2025-02-28",
            "--config",
            config.toString()
        };
        String csv = incidents(concat(common, "--format", "csv"));
        String json = incidents(concat(common, "--format", "json", "--names"));

        List<String> csvLines = Arrays.asList(csv.split("\r\n"));
        assertEquals(5, csvLines.size(), csv);
        assertTrue(csvLines.get(0).startsWith("id,first_seen,last_seen,category"), csv);
        List<String> csvIds = csvLines.subList(1, 5).stream()
                .map(line -> line.substring(0, line.indexOf(',')))
                .toList();
        assertTrue(csvLines.get(4).contains(",'=sum(1+1),"), "a formula is defused: " + csvLines.get(4));

        List<JsonNode> rows = new ArrayList<>();
        for (String line : json.split("\n")) {
            rows.add(JSON.readTree(line));
        }
        assertEquals(csvIds, rows.stream().map(r -> r.path("id").asText()).toList());
        assertEquals(PUPIL, rows.get(2).path("subject").asText(), "--names shows the pupil");
        assertEquals("triaged", rows.get(2).path("status").asText());
        assertEquals("2025-02-17T10:00:00Z", rows.get(2).path("ico_deadline").asText());
        assertEquals(
                "shown",
                lastAudit("category=MISDIRECTED_EMAIL since=2025-02-01T00:00:00Z before=2025-03-01T00:00:00Z")
                        .at("/audit/names")
                        .asText());
    }

    @Test
    void otherFiltersNarrowTheSameMonth() throws Exception {
        String breachesAtKhs = incidents(
                "--school",
                "KHS",
                "--breach",
                "--since",
                "2025-02-01",
                "--until",
                "2025-02-28",
                "--format",
                "json",
                "--config",
                config.toString());
        assertEquals(
                List.of("B-pupil", "H-last-day"),
                Arrays.stream(breachesAtKhs.split("\n"))
                        .map(line -> readId(line))
                        .toList());

        String investigating = incidents(
                "--status",
                "investigating",
                "--since",
                "2025-02-01",
                "--until",
                "2025-02-28",
                "--format",
                "json",
                "--config",
                config.toString());
        assertEquals(
                List.of("F-malware"),
                Arrays.stream(investigating.split("\n"))
                        .map(line -> readId(line))
                        .toList());
    }

    @Test
    void pagesThroughMoreIncidentsThanOnePageInFirstSeenOrder() throws Exception {
        // June 2024: 2,500 incidents, one a minute; three pages of 1,000
        Instant start = Instant.parse("2024-06-10T00:00:00Z");
        var bulk = new co.elastic.clients.elasticsearch.core.BulkRequest.Builder().refresh(Refresh.True);
        for (int i = 2_499; i >= 0; i--) {
            IncidentDocument document = IncidentDocument.of(incident(
                    String.format("P%04d", i),
                    IncidentCategory.MASS_EMAIL,
                    "WOH",
                    "25wrightd0",
                    Role.staff,
                    start.plus(Duration.ofMinutes(i)).toString(),
                    false));
            ObjectNode created = document.created();
            bulk.operations(op -> op.index(
                    x -> x.index(IndexNames.INCIDENTS_ALIAS).id(document.id()).document(created)));
        }
        assertFalse(client.bulk(bulk.build()).errors());

        String json = incidents(
                "--since", "2024-06-01", "--until", "2024-06-30", "--format", "json", "--config", config.toString());

        List<String> ids =
                Arrays.stream(json.split("\n")).map(IncidentHistoryIT::readId).toList();
        assertEquals(2_500, ids.size());
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(String.format("P%04d", i), ids.get(i));
        }
    }

    @Test
    void aBadCategoryListsTheValidOnesAndReadsNothing() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = IncidentsCommand.run(
                List.of("--category", "MISDIRECTED", "--config", config.toString()),
                new StringWriter(),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of());

        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("use one of LOST_OR_STOLEN_DEVICE, REMOVABLE_MEDIA,"));
    }

    private static String readId(String line) {
        try {
            return JSON.readTree(line).path("id").asText();
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }

    /** The run's incident ids carry a prefix so that repeated runs on a kept node do not mix. */
    private static final String RUN = "history-" + Long.toHexString(System.nanoTime()) + "-";

    private static Incident incident(
            String name,
            IncidentCategory category,
            String school,
            String subject,
            Role role,
            String firstSeen,
            boolean breach) {
        Instant first = Instant.parse(firstSeen);
        Instant last = first.plus(Duration.ofHours(1));
        return Incident.newBuilder()
                .setIncidentId(RUN + name)
                .setCategory(category)
                .setSeverity(3)
                .setSchoolId(school)
                .setSubject(subject)
                .setSubjectRole(role)
                .setRuleId("test.rule")
                .setRuleDescription("seeded by IncidentHistoryIT")
                .setRuleThresholds(Map.of())
                .setWindowStart(first)
                .setFirstSeen(first)
                .setLastSeen(last)
                .setEventCount(2)
                .setEvidence(List.of())
                .setEvidenceDropped(0)
                .setBreach(breach)
                .setAwareAt(breach ? first : null)
                .setIcoDeadline(breach ? first.plus(Duration.ofHours(72)) : null)
                .setNotify(List.of())
                .setEscalated(false)
                .setUpdatedAt(last)
                .setVersion(1)
                .build();
    }

    private static void index(Incident incident, String status) throws Exception {
        IncidentDocument document = IncidentDocument.of(incident);
        ObjectNode created = document.created();
        ((ObjectNode) created.get("triage")).put("status", status);
        client.index(i -> i.index(IndexNames.INCIDENTS_ALIAS)
                .id(document.id())
                .withJson(new StringReader(created.toString()))
                .refresh(Refresh.False));
    }

    private static String incidents(String... args) throws Exception {
        StringWriter out = new StringWriter();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status =
                IncidentsCommand.run(List.of(args), out, new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return out.toString().replace(RUN, "");
    }

    private static JsonNode lastAudit(String query) throws Exception {
        client.indices().refresh(r -> r.index(IndexNames.AUDIT_ALIAS));
        var hits = client.search(
                        s -> s.index(IndexNames.AUDIT_ALIAS)
                                .query(q -> q.term(t -> t.field("audit.query").value(query)))
                                .sort(o -> o.field(f -> f.field("@timestamp")
                                        .order(co.elastic.clients.elasticsearch._types.SortOrder.Desc)))
                                .size(1),
                        JsonNode.class)
                .hits()
                .hits();
        assertFalse(hits.isEmpty(), "no audit entry for " + query);
        return hits.get(0).source();
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
