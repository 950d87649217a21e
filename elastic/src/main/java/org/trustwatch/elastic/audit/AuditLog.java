package org.trustwatch.elastic.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.trustwatch.elastic.index.IndexNames;

/**
 * The audit log in {@code trustwatch-audit}: one document per access to incident data, for the DPO to search. An
 * access is written before any data is shown (outcome {@code unknown}), so one that is interrupted still leaves its
 * trace, and completed with the number of rows and the outcome when it ends. No audit entry, no data: a caller that
 * cannot write the entry must not go on.
 */
public final class AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ElasticsearchClient client;
    private final Clock clock;
    private final String user;
    private final String host;

    public AuditLog(ElasticsearchClient client, Clock clock, String user, String host) {
        this.client = client;
        this.clock = clock;
        this.user = user;
        this.host = host;
    }

    /** The log for whoever runs this process: the operating system's user and host name. */
    public static AuditLog ofThisProcess(ElasticsearchClient client) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
        return new AuditLog(client, Clock.systemUTC(), System.getProperty("user.name"), host);
    }

    /**
     * What is being read.
     *
     * @param action e.g. {@code incident-history-search}
     * @param tool what the person used, e.g. {@code trustwatch incidents}
     * @param query the filters in one line, as a person reads them
     * @param filters the same, field by field, for searching the log
     * @param names {@code shown} or {@code pseudonymised}: whether pupils' names were shown
     */
    public record Access(
            String action, String tool, String query, Map<String, String> filters, String format, String names) {}

    /** An entry in flight. */
    public record Entry(String index, String id) {}

    /** Records the access before it happens. */
    public Entry started(Access access) throws IOException {
        String now = clock.instant().toString();
        ObjectNode doc = JSON.createObjectNode();
        doc.put("@timestamp", now);
        ObjectNode event = doc.putObject("event");
        event.put("action", access.action());
        event.put("outcome", "unknown");
        event.put("start", now);
        doc.putObject("user").put("name", user);
        doc.putObject("host").put("name", host);
        ObjectNode audit = doc.putObject("audit");
        audit.put("tool", access.tool());
        audit.put("query", access.query());
        ObjectNode filters = audit.putObject("filters");
        access.filters().forEach(filters::put);
        audit.put("format", access.format());
        audit.put("names", access.names());
        String id = UUID.randomUUID().toString();
        var written =
                client.index(i -> i.index(IndexNames.AUDIT_ALIAS).id(id).withJson(new StringReader(doc.toString())));
        return new Entry(written.index(), id);
    }

    /** Completes the entry: how many rows were shown, and the failure if there was one (null when it succeeded). */
    public void finished(Entry entry, long rows, String failure) throws IOException {
        ObjectNode doc = JSON.createObjectNode();
        ObjectNode event = doc.putObject("event");
        event.put("outcome", failure == null ? "success" : "failure");
        event.put("end", clock.instant().toString());
        if (failure != null) {
            event.put("reason", failure);
        }
        doc.putObject("audit").put("rows", rows);
        client.update(u -> u.index(entry.index()).id(entry.id()).doc(doc), ObjectNode.class);
    }
}
