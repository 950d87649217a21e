package org.trustwatch.ingest.proxy;

import java.time.Instant;
import org.trustwatch.ingest.EventCommon;
import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.WebAction;

/**
 * Squid's native {@code access.log} (logformat {@code squid}), one request a line:
 *
 * <pre>
 * time           elapsed client      result/status  size   method URL                  user   hierarchy/from      type      [request size]
 * 1286536308.779     161 10.20.1.15  TCP_MISS/200   103701 GET    http://www.bbc.co.uk/ jsmith DIRECT/151.101.0.81 text/html 812
 * </pre>
 *
 * <p>Fields are separated by runs of spaces or tabs. Time is epoch seconds with milliseconds (UTC, no zone needed).
 * The optional 11th field is Squid's {@code %>st}, the request size in bytes sent by the client, appended by schools
 * whose upload rules need it; it is read as {@code http_request_bytes} when it is a number and ignored otherwise,
 * as are any further fields. What becomes of each field:
 *
 * <ul>
 *   <li>client: {@code source_ip}; user: {@code user_name} ({@code -} is none; {@code %XX} decoded, a
 *       {@code DOMAIN\} prefix removed);
 *   <li>result/status: {@code proxy_result_code} ({@code TCP_MISS}, {@code TCP_DENIED}, {@code NONE_NONE},
 *       {@code NONE} ...) and {@code http_response_status_code} (status {@code 000}, no reply, is null);
 *   <li>size: {@code http_response_bytes}; method: {@code http_request_method}; type:
 *       {@code http_response_mime_type} (lower case, without parameters);
 *   <li>URL: {@code url_*} without the query string ({@link UrlParts}); {@code CONNECT} lines give
 *       {@code host:port};
 *   <li>{@code web_action} is blocked when the result code says DENIED ({@code TCP_DENIED}, which includes
 *       {@code TCP_DENIED/407} authentication challenges, and {@code TCP_DENIED_REPLY}), or when the status is 403
 *       and Squid answered without contacting any server (hierarchy {@code HIER_NONE} / {@code NONE}: an ACL, ICAP
 *       or URL-rewriter block); allowed otherwise;
 *   <li>Squid logs no category: {@code web_category} comes from the connector's category list
 *       ({@code web_category_source} {@code list}).
 * </ul>
 *
 * <p>Lines of a TLS-bumped request's {@code CONNECT} ({@code NONE_NONE/200 ... CONNECT} with 0 bytes) and
 * {@code 407} lines are parsed like any other, so the rules can recognise them (catalogue, C05). Blank lines and
 * {@code #} comments are skipped. A syslog header in front of the line (Squid's {@code access_log syslog:}) is
 * recognised and gives {@code observer_hostname}. Anything else that does not have the shape above is rejected with
 * the field that is wrong.
 */
public final class SquidParser implements LogParser {

    static final String DATASET = "squid.access";

    private static final int MAX_FIELDS = 11;
    private static final String LAYOUT =
            "a Squid native access.log line has 10: time elapsed client result/status size method URL user"
                    + " hierarchy/from type (11 with %>st)";

    private final ParseContext context;
    private final int[] starts = new int[MAX_FIELDS];
    private final int[] ends = new int[MAX_FIELDS];
    private final UrlParts url = new UrlParts();
    private final ProxyLine start = new ProxyLine(true);
    private final CategoryLookup categories;

    public SquidParser(ParseContext context) {
        this.context = context;
        this.categories = new CategoryLookup(context.categories());
    }

    @Override
    public void parse(RawLine raw, ParseSink sink) {
        String original = raw.text();
        if (original == null) {
            return;
        }
        if (!start.read(original)) {
            return;
        }
        String line = start.text;
        int length = line.length();
        String observer = start.observer;
        int i = start.start;
        int count = split(line, i);
        if (count < 10) {
            sink.reject(raw, "has " + count + " field(s), " + LAYOUT);
            return;
        }
        long millis = epochMillis(line, starts[0], ends[0]);
        if (millis < 0) {
            sink.reject(
                    raw,
                    "field 1 (time) " + field(line, 0)
                            + " is not epoch seconds such as 1286536308.779: not a Squid native access.log line");
            return;
        }
        if (Text.digits(line, starts[1], ends[1]) < 0 && !Text.isDash(line, starts[1], ends[1])) {
            sink.reject(raw, "field 2 (elapsed ms) " + field(line, 1) + " is not a number");
            return;
        }
        int slash = indexOf(line, '/', starts[3], ends[3]);
        if (slash <= starts[3]) {
            sink.reject(
                    raw,
                    "field 4 (result/status) " + field(line, 3)
                            + " has no result code and '/': not a Squid native access.log line");
            return;
        }
        long status = Text.digits(line, slash + 1, ends[3]);
        if (status < 0 || status > 999) {
            sink.reject(raw, "field 4 (result/status) " + field(line, 3) + " has no HTTP status after '/'");
            return;
        }
        long size = Text.digits(line, starts[4], ends[4]);
        if (size < 0 && !Text.isDash(line, starts[4], ends[4])) {
            sink.reject(raw, "field 5 (size) " + field(line, 4) + " is not a number of bytes");
            return;
        }

        ProxyEvent event = new ProxyEvent();
        EventCommon.fill(event, Instant.ofEpochMilli(millis), DATASET, observer, raw, original, context);
        event.setSourceIp(Text.isDash(line, starts[2], ends[2]) ? null : Text.lower(line, starts[2], ends[2]));
        String result = line.substring(starts[3], slash);
        event.setProxyResultCode(result);
        event.setHttpResponseStatusCode(status == 0 ? null : (int) status);
        event.setHttpResponseBytes(size < 0 ? null : size);
        String method = Text.isDash(line, starts[5], ends[5]) ? null : Text.upper(line, starts[5], ends[5]);
        event.setHttpRequestMethod(method);
        url.parse(line, starts[6], ends[6], "CONNECT".equals(method));
        event.setUrlScheme(url.scheme);
        event.setUrlDomain(url.domain);
        event.setUrlPort(url.port);
        event.setUrlPath(url.path);
        event.setUrlExtension(url.extension);
        event.setUserName(Text.account(line, starts[7], ends[7]));
        event.setHttpResponseMimeType(mimeType(line, starts[9], ends[9]));
        if (count > 10) {
            long requestBytes = Text.digits(line, starts[10], ends[10]);
            event.setHttpRequestBytes(requestBytes < 0 ? null : requestBytes);
        }
        boolean blocked = result.contains("DENIED")
                || (status == 403 && (line.startsWith("HIER_NONE", starts[8]) || line.startsWith("NONE/", starts[8])));
        event.setWebAction(blocked ? WebAction.blocked : WebAction.allowed);
        categories.resolve(null, "", url.domain);
        event.setWebCategory(categories.category);
        event.setWebCategorySource(categories.source);
        sink.event(event, raw);
    }

    /** Splits on runs of spaces and tabs from {@code from}; at most {@value #MAX_FIELDS} fields are located. */
    private int split(String line, int from) {
        int length = line.length();
        int count = 0;
        int i = from;
        while (count < MAX_FIELDS) {
            while (i < length && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i == length) {
                break;
            }
            starts[count] = i;
            while (i < length && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                i++;
            }
            ends[count++] = i;
        }
        return count;
    }

    private String field(String line, int index) {
        return Text.quote(line, starts[index], ends[index]);
    }

    private static int indexOf(String line, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (line.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** Epoch seconds with an optional fraction ({@code 1286536308.779}) as milliseconds, or -1. */
    static long epochMillis(String line, int from, int to) {
        int dot = indexOf(line, '.', from, to);
        int secondsEnd = dot < 0 ? to : dot;
        if (secondsEnd - from > 11) {
            return -1;
        }
        long seconds = Text.digits(line, from, secondsEnd);
        if (seconds < 0) {
            return -1;
        }
        long millis = 0;
        if (dot >= 0) {
            int fractionDigits = to - dot - 1;
            if (fractionDigits < 1 || fractionDigits > 9 || Text.digits(line, dot + 1, to) < 0) {
                return -1;
            }
            for (int i = 0; i < 3; i++) {
                int position = dot + 1 + i;
                millis = millis * 10 + (position < to ? line.charAt(position) - '0' : 0);
            }
        }
        return seconds * 1000 + millis;
    }

    /** The media type of a Content-Type value, lower case, without parameters; null for {@code -}. */
    static String mimeType(String line, int from, int to) {
        if (to <= from || Text.isDash(line, from, to)) {
            return null;
        }
        int end = to;
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (c == ';' || c == '%') {
                end = i;
                break;
            }
        }
        while (end > from && line.charAt(end - 1) == ' ') {
            end--;
        }
        return end == from ? null : Text.lower(line, from, end);
    }
}
