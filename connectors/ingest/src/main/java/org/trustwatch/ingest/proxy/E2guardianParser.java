package org.trustwatch.ingest.proxy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.trustwatch.ingest.EventCommon;
import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.WebAction;

/**
 * e2guardian's {@code access.log} in its default {@code logfileformat = 1}, the space-separated "DansGuardian
 * format" (e2guardian also writes 2 = the same columns as CSV, 3 = Squid native, which {@link SquidParser} reads,
 * 4 = the same columns tab-separated, 5-8 = Protex tab-separated; only format 1 is read here). Its columns, as
 * e2guardian's log writer builds them:
 *
 * <pre>
 * when(date time) who from where what how size weight category filtergroup code mimetype clienthost groupname
 * useragent params logid1 logid2 postdata
 * 2024.03.05 14:02:11 jsmith 10.20.1.15 http://www.example.com/page *DENIED* Banned site: example.com GET 0 0 Pornography 1 403 text/html ...
 * </pre>
 *
 * <ul>
 *   <li>when: {@code yyyy.mm.dd hh:mm:ss} in the server's local time, read in the connector's zone
 *       ({@code context.zone()}); older versions wrote {@code 2024.3.5 9:02:11} without zero padding, also read; with
 *       {@code logtimestamp = on} an epoch time {@code 1709647331.123} follows and is used instead;
 *   <li>who: {@code user_name} ({@code -} or empty is none; {@code DOMAIN\} prefix removed); from:
 *       {@code source_ip} ({@code 0.0.0.0}, written when logs are anonymised, is none); where: the URL, port
 *       included when not 80 ({@code url_*}, query string dropped);
 *   <li>what: the reason, free text with spaces, led by flags: {@code *DENIED*} (also {@code *DENIED-POST*},
 *       {@code *DENIED-PARAMS*}) and {@code *INFECTED*} give {@code web_action} blocked; {@code *EXCEPTION*} /
 *       {@code *TRUSTED*}, {@code *SCANNED*} and the {@code *...MOD*} flags allowed; a line without a flag is
 *       blocked when its status is 403 and it gives a reason (e2guardian sets 403 on every block; the 5.5 log writer
 *       leaves the flags out), else allowed;
 *   <li>how: {@code http_request_method}; size: {@code http_response_bytes}; weight and filter group are not kept;
 *   <li>category: the list or phrase categories of the match, several separated by {@code ", "}, mapped by
 *       {@link org.trustwatch.ingest.category.FilterCategoryNames} ({@code web_category_source} {@code log}),
 *       unknown or blank ({@code -}) falling back to the category list ({@code list});
 *   <li>code: {@code http_response_status_code}; mimetype: {@code http_response_mime_type}; the columns after it
 *       are not needed.
 * </ul>
 *
 * <p>Because the reason and the category may contain spaces, the line is read from both ends of them: the method
 * is the first upper-case word after the URL that is followed by two numbers (size, weight), and the category ends
 * before the first pair filter group (a number) and status (three digits). e2guardian has no result code like
 * Squid's: {@code proxy_result_code} stays null. Blank lines and {@code #} lines are skipped; a syslog header
 * ({@code logsyslog = on}) is recognised and gives {@code observer_hostname}.
 */
public final class E2guardianParser implements LogParser {

    static final String DATASET = "e2guardian";

    private static final int MAX_FIELDS = 2048;
    private static final String LAYOUT = "an e2guardian format 1 line reads: date time user client URL reason method"
            + " size weight category filtergroup status mimetype ...";

    private final ParseContext context;
    private final UrlParts url = new UrlParts();
    private final ProxyLine start = new ProxyLine(true);
    private final CategoryLookup categories;
    private int[] starts = new int[32];
    private int[] ends = new int[32];

    public E2guardianParser(ParseContext context) {
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
        if (count < 0) {
            sink.reject(raw, "has more than " + MAX_FIELDS + " fields: not an e2guardian format 1 line");
            return;
        }
        if (count < 2) {
            sink.reject(raw, "has " + count + " field(s), " + LAYOUT);
            return;
        }
        Instant time = localTime(line);
        if (time == null) {
            sink.reject(
                    raw,
                    "fields 1-2 (date time) " + Text.quote(line, starts[0], ends[1])
                            + " are not yyyy.mm.dd hh:mm:ss: not an e2guardian format 1 line");
            return;
        }
        int who = 2;
        if (count > 2 && isEpochMillis(line, starts[2], ends[2])) {
            time = Instant.ofEpochMilli(SquidParser.epochMillis(line, starts[2], ends[2]));
            who = 3;
        }
        int reason = who + 3;
        int method = -1;
        for (int m = reason; m + 2 < count; m++) {
            if (isMethod(line, m) && Text.digits(line, starts[m + 1], ends[m + 1]) >= 0 && isWeight(line, m + 2)) {
                method = m;
                break;
            }
        }
        if (method < 0) {
            sink.reject(raw, "no 'method size weight' columns (e.g. 'GET 5120 0') after the URL: " + LAYOUT);
            return;
        }
        int categoryStart = method + 3;
        int group = -1;
        for (int c = categoryStart; c + 1 < count; c++) {
            long status = Text.digits(line, starts[c + 1], ends[c + 1]);
            if (ends[c] - starts[c] <= 3
                    && Text.digits(line, starts[c], ends[c]) >= 0
                    && ends[c + 1] - starts[c + 1] == 3
                    && status >= 0) {
                group = c;
                break;
            }
        }
        if (group < 0) {
            sink.reject(raw, "no 'filtergroup status' columns (e.g. '1 403') after the category: " + LAYOUT);
            return;
        }
        int statusIndex = group + 1;

        ProxyEvent event = new ProxyEvent();
        EventCommon.fill(event, time, DATASET, observer, raw, original, context);
        event.setUserName(Text.account(line, starts[who], ends[who]));
        int from = who + 1;
        boolean anonymous = Text.isDash(line, starts[from], ends[from])
                || Text.regionIs(line, starts[from], ends[from], "0.0.0.0")
                || starts[from] == ends[from];
        event.setSourceIp(anonymous ? null : Text.lower(line, starts[from], ends[from]));
        String methodName = Text.upper(line, starts[method], ends[method]);
        event.setHttpRequestMethod(methodName);
        int where = who + 2;
        url.parse(line, starts[where], ends[where], "CONNECT".equals(methodName));
        event.setUrlScheme(url.scheme);
        event.setUrlDomain(url.domain);
        event.setUrlPort(url.port);
        event.setUrlPath(url.path);
        event.setUrlExtension(url.extension);
        long status = Text.digits(line, starts[statusIndex], ends[statusIndex]);
        event.setHttpResponseStatusCode(status == 0 ? null : (int) status);
        event.setHttpResponseBytes(Text.digits(line, starts[method + 1], ends[method + 1]));
        if (statusIndex + 1 < count) {
            event.setHttpResponseMimeType(SquidParser.mimeType(line, starts[statusIndex + 1], ends[statusIndex + 1]));
        }
        event.setWebAction(webAction(line, reason, method, status));
        String category = categoryStart < group ? line.substring(starts[categoryStart], ends[group - 1]) : null;
        if (category != null && (category.isBlank() || category.equals("-"))) {
            category = null;
        }
        categories.resolve(category, ",;", url.domain);
        event.setWebCategory(categories.category);
        event.setWebCategorySource(categories.source);
        sink.event(event, raw);
    }

    private WebAction webAction(String line, int from, int to, long status) {
        boolean flagged = false;
        for (int i = from; i < to; i++) {
            int start = starts[i];
            int end = ends[i];
            if (end - start > 2 && line.charAt(start) == '*' && line.charAt(end - 1) == '*') {
                flagged = true;
                if (line.startsWith("DENIED", start + 1) || line.startsWith("INFECTED", start + 1)) {
                    return WebAction.blocked;
                }
            }
        }
        if (!flagged
                && status == 403
                && to > from
                && !(to - from == 1 && Text.isDash(line, starts[from], ends[from]))) {
            return WebAction.blocked;
        }
        return WebAction.allowed;
    }

    /** Splits on single spaces, keeping empty fields (e2guardian writes blanks as nothing or {@code -}); -1 if too many. */
    private int split(String line, int from) {
        int length = line.length();
        int count = 0;
        int start = from;
        for (int i = from; i <= length; i++) {
            if (i == length || line.charAt(i) == ' ' || line.charAt(i) == '\t') {
                if (count == MAX_FIELDS) {
                    return -1;
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                    ends = Arrays.copyOf(ends, count * 2);
                }
                starts[count] = start;
                ends[count++] = i;
                start = i + 1;
            }
        }
        while (count > 0 && starts[count - 1] == ends[count - 1]) {
            count--;
        }
        return count;
    }

    private boolean isMethod(String line, int index) {
        int length = ends[index] - starts[index];
        if (length < 3 || length > 16) {
            return false;
        }
        for (int i = starts[index]; i < ends[index]; i++) {
            char c = line.charAt(i);
            if ((c < 'A' || c > 'Z') && c != '-' && c != '_') {
                return false;
            }
        }
        return true;
    }

    private boolean isWeight(String line, int index) {
        int start = starts[index];
        if (start < ends[index] && line.charAt(start) == '-') {
            start++;
        }
        return Text.digits(line, start, ends[index]) >= 0;
    }

    private static boolean isEpochMillis(String line, int from, int to) {
        int dot = to - 4;
        return to - from >= 13
                && to - from <= 15
                && line.charAt(dot) == '.'
                && Text.digits(line, from, dot) >= 0
                && Text.digits(line, dot + 1, to) >= 0;
    }

    /** {@code yyyy.m.d} + {@code h:mm:ss} of the first two fields in the connector's zone, or null. */
    private Instant localTime(String line) {
        int from = starts[0];
        int to = ends[0];
        int dot1 = indexOf(line, '.', from, to);
        int dot2 = dot1 < 0 ? -1 : indexOf(line, '.', dot1 + 1, to);
        if (dot1 != from + 4 || dot2 < 0) {
            return null;
        }
        long year = Text.digits(line, from, dot1);
        long month = Text.digits(line, dot1 + 1, dot2);
        long day = Text.digits(line, dot2 + 1, to);
        int tFrom = starts[1];
        int tTo = ends[1];
        int colon1 = indexOf(line, ':', tFrom, tTo);
        int colon2 = colon1 < 0 ? -1 : indexOf(line, ':', colon1 + 1, tTo);
        if (colon1 < 0 || colon2 < 0 || dot2 - dot1 > 3 || to - dot2 > 3 || colon1 - tFrom > 2) {
            return null;
        }
        long hour = Text.digits(line, tFrom, colon1);
        long minute = Text.digits(line, colon1 + 1, colon2);
        long second = Text.digits(line, colon2 + 1, tTo);
        if (year < 1970
                || month < 0
                || day < 0
                || hour < 0
                || minute < 0
                || second < 0
                || colon2 - colon1 != 3
                || tTo - colon2 != 3) {
            return null;
        }
        try {
            return LocalDateTime.of((int) year, (int) month, (int) day, (int) hour, (int) minute, (int) second)
                    .atZone(context.zone())
                    .toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int indexOf(String line, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (line.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
