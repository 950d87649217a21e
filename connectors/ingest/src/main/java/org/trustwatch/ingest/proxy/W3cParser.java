package org.trustwatch.ingest.proxy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.trustwatch.ingest.EventCommon;
import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.WebAction;

/**
 * W3C extended / ELFF access logs as Blue Coat ProxySG-style filters (and many school filters that copy them) write
 * them. The {@code #Fields:} directive names the columns and is honoured whenever it appears (column order varies
 * between products and configurations); lines before any {@code #Fields:} use Blue Coat's default main format:
 *
 * <pre>
 * date time time-taken c-ip cs-username cs-auth-group x-exception-id sc-filter-result cs-categories cs(Referer)
 * sc-status s-action cs-method rs(Content-Type) cs-uri-scheme cs-host cs-uri-port cs-uri-path cs-uri-query
 * cs-uri-extension cs(User-Agent) s-ip sc-bytes cs-bytes x-virus-id
 * </pre>
 *
 * <p>Values are separated by spaces (or tabs), quoted with {@code "..."} when they contain spaces (a doubled
 * {@code ""} inside is one quote), {@code -} when empty. Columns read (names case-insensitive):
 *
 * <ul>
 *   <li>{@code date} + {@code time} (UTC, as W3C specifies; fractions of seconds allowed), else
 *       {@code x-timestamp-unix} (epoch seconds): {@code timestamp}; a line without a readable time is rejected;
 *   <li>{@code c-ip}: {@code source_ip}; {@code cs-username}: {@code user_name} ({@code DOMAIN\} prefix removed, an
 *       LDAP DN reduced to its first value);
 *   <li>{@code cs-method}, {@code sc-status}, {@code sc-bytes} (response bytes), {@code cs-bytes} (bytes sent by
 *       the client: {@code http_request_bytes}), {@code rs(Content-Type)} or {@code sc(Content-Type)};
 *   <li>{@code cs-uri-scheme}, {@code cs-host}, {@code cs-uri-port}, {@code cs-uri-path} (or
 *       {@code cs-uri-stem}), {@code cs-uri-extension}; when there is no host column, {@code cs-uri} (the whole
 *       URL). {@code cs-uri-query} is never kept;
 *   <li>{@code s-action} ({@code TCP_MISS}, {@code TCP_DENIED}, {@code TCP_TUNNELED} ...):
 *       {@code proxy_result_code};
 *   <li>{@code web_action}: blocked when {@code sc-filter-result} is {@code DENIED}, or {@code x-exception-id}
 *       names a denial ({@code policy_denied}, {@code content_filter_denied} ...), or {@code s-action} contains
 *       {@code DENIED}; allowed when {@code sc-filter-result} ({@code OBSERVED}, {@code PROXIED}) or
 *       {@code s-action} is present; unknown when the log has neither;
 *   <li>{@code cs-categories} (also {@code sc-filter-category}, {@code cs-category}, {@code x-cs-category}): the
 *       filter's categories, several separated by {@code ;}, mapped by
 *       {@link org.trustwatch.ingest.category.FilterCategoryNames}; the filter's category wins over the list
 *       ({@code web_category_source} {@code log}), unknown names fall back to the list ({@code list});
 *   <li>{@code s-computername}, else {@code s-ip}: {@code observer_hostname}.
 * </ul>
 *
 * <p>Other columns are ignored. Lines starting with {@code #} are directives or comments and are skipped
 * ({@code #Fields:} also changes the columns); a line whose number of values differs from the columns is rejected.
 */
public final class W3cParser implements LogParser {

    static final String DATASET = "w3c";

    static final String DEFAULT_FIELDS = "date time time-taken c-ip cs-username cs-auth-group x-exception-id"
            + " sc-filter-result cs-categories cs(Referer) sc-status s-action cs-method rs(Content-Type)"
            + " cs-uri-scheme cs-host cs-uri-port cs-uri-path cs-uri-query cs-uri-extension cs(User-Agent) s-ip"
            + " sc-bytes cs-bytes x-virus-id";

    private static final int MAX_FIELDS = 256;

    // the columns this parser reads
    private static final int DATE = 0;
    private static final int TIME = 1;
    private static final int UNIX_TIME = 2;
    private static final int CLIENT_IP = 3;
    private static final int USER = 4;
    private static final int EXCEPTION_ID = 5;
    private static final int FILTER_RESULT = 6;
    private static final int CATEGORIES = 7;
    private static final int STATUS = 8;
    private static final int ACTION = 9;
    private static final int METHOD = 10;
    private static final int CONTENT_TYPE = 11;
    private static final int SCHEME = 12;
    private static final int HOST = 13;
    private static final int PORT = 14;
    private static final int PATH = 15;
    private static final int EXTENSION = 16;
    private static final int URI = 17;
    private static final int SERVER_IP = 18;
    private static final int SERVER_NAME = 19;
    private static final int RESPONSE_BYTES = 20;
    private static final int REQUEST_BYTES = 21;
    private static final int KINDS = 22;

    private final ParseContext context;
    private final UrlParts url = new UrlParts();
    private final CategoryLookup categories;

    /** The names of the current columns, for reasons. */
    private String[] names;
    /** Column index of each kind, or -1. */
    private final int[] column = new int[KINDS];

    private int[] starts = new int[32];
    private final ProxyLine start = new ProxyLine(false);
    private int[] ends = new int[32];
    private boolean[] quoted = new boolean[32];

    public W3cParser(ParseContext context) {
        this.context = context;
        this.categories = new CategoryLookup(context.categories());
        fields(DEFAULT_FIELDS, 0, DEFAULT_FIELDS.length());
    }

    @Override
    public void parse(RawLine raw, ParseSink sink) {
        String original = raw.text();
        if (original == null) {
            return;
        }
        if (!start.read(original)) {
            if (start.isDirective()) {
                directive(start.text, start.start);
            }
            return;
        }
        String line = start.text;
        int length = line.length();
        int i = start.start;
        int count = split(line, i, raw, sink);
        if (count < 0) {
            return;
        }
        if (count != names.length) {
            sink.reject(
                    raw,
                    "has " + count + " values, the #Fields line declares " + names.length
                            + " (a value with spaces must be quoted)");
            return;
        }
        Instant time = time(line, raw, sink);
        if (time == null) {
            return;
        }
        long status = number(line, STATUS, raw, sink);
        long responseBytes = status < -1 ? -2 : number(line, RESPONSE_BYTES, raw, sink);
        long requestBytes = responseBytes < -1 ? -2 : number(line, REQUEST_BYTES, raw, sink);
        if (requestBytes < -1) {
            return;
        }
        if (status > 999) {
            sink.reject(
                    raw,
                    "field " + (column[STATUS] + 1) + " (sc-status) " + quoted(line, STATUS)
                            + " is not an HTTP status");
            return;
        }

        String observer = value(line, SERVER_NAME);
        if (observer == null) {
            observer = value(line, SERVER_IP);
        } else {
            observer = observer.toLowerCase(Locale.ROOT);
        }
        ProxyEvent event = new ProxyEvent();
        EventCommon.fill(event, time, DATASET, observer, raw, original, context);
        String client = value(line, CLIENT_IP);
        event.setSourceIp(client == null ? null : client.toLowerCase(Locale.ROOT));
        String user = value(line, USER);
        event.setUserName(user == null ? null : Text.account(user, 0, user.length()));
        String method = value(line, METHOD);
        event.setHttpRequestMethod(method == null ? null : method.toUpperCase(Locale.ROOT));
        urlFields(line, "CONNECT".equals(event.getHttpRequestMethod()));
        event.setUrlScheme(url.scheme);
        event.setUrlDomain(url.domain);
        event.setUrlPort(url.port);
        event.setUrlPath(url.path);
        event.setUrlExtension(url.extension);
        event.setHttpResponseStatusCode(status <= 0 ? null : (int) status);
        event.setHttpResponseBytes(responseBytes < 0 ? null : responseBytes);
        event.setHttpRequestBytes(requestBytes < 0 ? null : requestBytes);
        int contentType = column[CONTENT_TYPE];
        event.setHttpResponseMimeType(
                contentType < 0 ? null : SquidParser.mimeType(line, starts[contentType], ends[contentType]));
        String action = value(line, ACTION);
        event.setProxyResultCode(action);
        event.setWebAction(webAction(value(line, FILTER_RESULT), value(line, EXCEPTION_ID), action));
        categories.resolve(value(line, CATEGORIES), ";", url.domain);
        event.setWebCategory(categories.category);
        event.setWebCategorySource(categories.source);
        sink.event(event, raw);
    }

    static WebAction webAction(String filterResult, String exceptionId, String action) {
        if ((filterResult != null && filterResult.equalsIgnoreCase("DENIED"))
                || (exceptionId != null && exceptionId.toLowerCase(Locale.ROOT).contains("denied"))
                || (action != null && action.toUpperCase(Locale.ROOT).contains("DENIED"))) {
            return WebAction.blocked;
        }
        return filterResult != null || action != null ? WebAction.allowed : WebAction.unknown;
    }

    private void urlFields(String line, boolean connect) {
        url.clear();
        int host = column[HOST];
        if (host >= 0 && !Text.isDash(line, starts[host], ends[host])) {
            url.host(line, starts[host], ends[host]);
            String scheme = value(line, SCHEME);
            url.scheme = scheme == null ? null : scheme.toLowerCase(Locale.ROOT);
            int path = column[PATH];
            if (path >= 0 && !Text.isDash(line, starts[path], ends[path])) {
                url.path(line, starts[path], ends[path]);
            }
        } else if (column[URI] >= 0) {
            int uri = column[URI];
            url.parse(line, starts[uri], ends[uri], connect);
        }
        int port = column[PORT];
        if (port >= 0) {
            long value = Text.digits(line, starts[port], ends[port]);
            if (value >= 0 && value <= 65535) {
                url.port = (int) value;
            }
        }
        String extension = value(line, EXTENSION);
        if (extension != null) {
            url.extension = extension.toLowerCase(Locale.ROOT);
        }
    }

    private Instant time(String line, RawLine raw, ParseSink sink) {
        int date = column[DATE];
        int time = column[TIME];
        if (date >= 0 && time >= 0) {
            long day = epochDay(line, starts[date], ends[date]);
            if (day == Long.MIN_VALUE) {
                sink.reject(raw, "field " + (date + 1) + " (date) " + quoted(line, DATE) + " is not yyyy-mm-dd");
                return null;
            }
            long millis = millisOfDay(line, starts[time], ends[time]);
            if (millis < 0) {
                sink.reject(raw, "field " + (time + 1) + " (time) " + quoted(line, TIME) + " is not hh:mm:ss");
                return null;
            }
            return Instant.ofEpochMilli(day * 86_400_000L + millis);
        }
        int unix = column[UNIX_TIME];
        if (unix >= 0) {
            long millis = SquidParser.epochMillis(line, starts[unix], ends[unix]);
            if (millis < 0) {
                sink.reject(
                        raw,
                        "field " + (unix + 1) + " (x-timestamp-unix) " + quoted(line, UNIX_TIME)
                                + " is not epoch seconds");
                return null;
            }
            return Instant.ofEpochMilli(millis);
        }
        sink.reject(raw, "the #Fields line has no date and time (or x-timestamp-unix) column");
        return null;
    }

    /** The number in a column; -1 when the column is absent or {@code -}; -2 (rejected) when it is not a number. */
    private long number(String line, int kind, RawLine raw, ParseSink sink) {
        int index = column[kind];
        if (index < 0 || Text.isDash(line, starts[index], ends[index]) || starts[index] == ends[index]) {
            return -1;
        }
        long value = Text.digits(line, starts[index], ends[index]);
        if (value < 0) {
            sink.reject(
                    raw, "field " + (index + 1) + " (" + names[index] + ") " + quoted(line, kind) + " is not a number");
            return -2;
        }
        return value;
    }

    /** The value of a column as written (quotes removed), or null when absent, empty or {@code -}. */
    private String value(String line, int kind) {
        int index = column[kind];
        if (index < 0) {
            return null;
        }
        int from = starts[index];
        int to = ends[index];
        if (to == from || Text.isDash(line, from, to)) {
            return null;
        }
        if (quoted[index]) {
            String text = line.substring(from, to).replace("\"\"", "\"").strip();
            return text.isEmpty() || text.equals("-") ? null : text;
        }
        return line.substring(from, to);
    }

    private String quoted(String line, int kind) {
        int index = column[kind];
        return Text.quote(line, starts[index], ends[index]);
    }

    private void directive(String line, int from) {
        String fieldsDirective = "#Fields:";
        if (line.regionMatches(true, from, fieldsDirective, 0, fieldsDirective.length())) {
            // a #Fields line without usable columns is skipped like every directive; the data lines after it are
            // then rejected for not matching the columns in force, which names the problem
            fields(line, from + fieldsDirective.length(), line.length());
        }
    }

    /** Takes the column names of a {@code #Fields:} line; false (columns unchanged) when there are none. */
    private boolean fields(String line, int from, int to) {
        String[] parsed = line.substring(from, to).strip().split("[ \t]+");
        if (parsed.length == 0 || parsed[0].isEmpty() || parsed.length > MAX_FIELDS) {
            return false;
        }
        names = parsed;
        Arrays.fill(column, -1);
        for (int i = 0; i < names.length; i++) {
            int kind = kind(names[i].toLowerCase(Locale.ROOT));
            if (kind >= 0 && column[kind] < 0) {
                column[kind] = i;
            }
        }
        return true;
    }

    private static int kind(String name) {
        switch (name) {
            case "date":
                return DATE;
            case "time":
                return TIME;
            case "x-timestamp-unix":
                return UNIX_TIME;
            case "c-ip":
                return CLIENT_IP;
            case "cs-username":
                return USER;
            case "x-exception-id":
                return EXCEPTION_ID;
            case "sc-filter-result":
                return FILTER_RESULT;
            case "cs-categories":
            case "sc-filter-category":
            case "cs-category":
            case "x-cs-category":
                return CATEGORIES;
            case "sc-status":
                return STATUS;
            case "s-action":
                return ACTION;
            case "cs-method":
                return METHOD;
            case "rs(content-type)":
            case "sc(content-type)":
                return CONTENT_TYPE;
            case "cs-uri-scheme":
                return SCHEME;
            case "cs-host":
                return HOST;
            case "cs-uri-port":
                return PORT;
            case "cs-uri-path":
            case "cs-uri-stem":
                return PATH;
            case "cs-uri-extension":
                return EXTENSION;
            case "cs-uri":
                return URI;
            case "s-ip":
                return SERVER_IP;
            case "s-computername":
                return SERVER_NAME;
            case "sc-bytes":
                return RESPONSE_BYTES;
            case "cs-bytes":
                return REQUEST_BYTES;
            default:
                return -1;
        }
    }

    /**
     * Locates the values of a data line: runs of spaces/tabs separate them, a value starting with {@code "} runs to
     * the first {@code "} followed by a blank or the end of the line (other quotes inside are kept; {@code ""} is one
     * quote). Returns the count, or -1 after rejecting the line.
     */
    private int split(String line, int from, RawLine raw, ParseSink sink) {
        int length = line.length();
        int count = 0;
        int i = from;
        while (true) {
            while (i < length && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i == length) {
                return count;
            }
            if (count == MAX_FIELDS) {
                sink.reject(raw, "has more than " + MAX_FIELDS + " values");
                return -1;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                quoted = Arrays.copyOf(quoted, count * 2);
            }
            if (line.charAt(i) == '"') {
                int start = i + 1;
                int j = start;
                while (true) {
                    j = line.indexOf('"', j);
                    if (j < 0) {
                        sink.reject(
                                raw,
                                "value " + (count + 1) + " opens a quote that is never closed: "
                                        + Text.quote(line, i, length));
                        return -1;
                    }
                    char next = j + 1 < length ? line.charAt(j + 1) : ' ';
                    if (next == ' ' || next == '\t') {
                        break;
                    }
                    j += next == '"' ? 2 : 1;
                }
                starts[count] = start;
                ends[count] = j;
                quoted[count] = true;
                i = j + 1;
            } else {
                starts[count] = i;
                while (i < length && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                    i++;
                }
                ends[count] = i;
                quoted[count] = false;
            }
            count++;
        }
    }

    /** Days since 1970-01-01 of {@code yyyy-mm-dd}, or {@code Long.MIN_VALUE}. */
    static long epochDay(String line, int from, int to) {
        if (to - from != 10 || line.charAt(from + 4) != '-' || line.charAt(from + 7) != '-') {
            return Long.MIN_VALUE;
        }
        long year = Text.digits(line, from, from + 4);
        long month = Text.digits(line, from + 5, from + 7);
        long day = Text.digits(line, from + 8, to);
        if (year < 1970 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return Long.MIN_VALUE;
        }
        return java.time.LocalDate.of((int) year, (int) month, (int) day).toEpochDay();
    }

    private static int lengthOfMonth(long year, long month) {
        return java.time.YearMonth.of((int) year, (int) month).lengthOfMonth();
    }

    /** Milliseconds of {@code hh:mm:ss[.fff]}, or -1. */
    static long millisOfDay(String line, int from, int to) {
        if (to - from < 8 || line.charAt(from + 2) != ':' || line.charAt(from + 5) != ':') {
            return -1;
        }
        long hours = Text.digits(line, from, from + 2);
        long minutes = Text.digits(line, from + 3, from + 5);
        long seconds = Text.digits(line, from + 6, from + 8);
        if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 60) {
            return -1;
        }
        long millis = 0;
        if (to - from > 8) {
            if (line.charAt(from + 8) != '.' || to - from == 9 || Text.digits(line, from + 9, to) < 0) {
                return -1;
            }
            for (int i = 0; i < 3; i++) {
                int position = from + 9 + i;
                millis = millis * 10 + (position < to ? line.charAt(position) - '0' : 0);
            }
        }
        return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
    }
}
