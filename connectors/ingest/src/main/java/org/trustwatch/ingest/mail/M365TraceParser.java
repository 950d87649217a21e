package org.trustwatch.ingest.mail;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.trustwatch.ingest.EventCommon;
import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.ingest.csv.CsvRecord;
import org.trustwatch.schema.MailEvent;
import org.trustwatch.schema.MailRecipient;

/**
 * Microsoft 365 message trace ({@code m365-trace} format): the CSV that {@code Get-MessageTrace | Export-Csv}
 * writes, one row per recipient.
 *
 * <ul>
 *   <li>An optional {@code #TYPE ...} first line (and any {@code #} line) is skipped; then a header row names the
 *       columns, in any order, case-insensitively; unknown columns ({@code PSComputerName}, {@code Organization},
 *       {@code Index} ...) are ignored. A later row that is again a header (two exports concatenated) replaces it.
 *   <li>Required columns: {@code Received, SenderAddress, RecipientAddress, Status, MessageId}. Without one of
 *       them the header line and every data line after it are rejected with a reason naming the missing column.
 *       {@code Subject, ToIP, FromIP, Size, MessageTraceId} are read when present.
 *   <li>Fields are RFC 4180 CSV (quotes doubled inside quoted fields; a quoted field may span lines). Fields
 *       that start with {@code = + - @} are data here (never evaluated) and kept as text; control characters are
 *       replaced by spaces.
 *   <li>{@code Received}: ISO 8601 (with {@code Z}, an offset, or neither: then UTC, as the trace is) or the
 *       en-GB culture's {@code dd/MM/yyyy HH:mm:ss} (UTC). en-US {@code MM/dd/yyyy h:mm:ss AM} is rejected
 *       rather than guessed.
 *   <li>Consecutive rows with the same {@code MessageId} are one message: it is emitted when the MessageId
 *       changes and at {@link #flush}; {@link #earliestPendingPosition()} is the first row of the open message.
 *       A recipient listed twice keeps the status of its latest row ({@code Received}).
 * </ul>
 *
 * Mapping: RecipientAddress and Status (lower case: delivered, failed, pending, quarantined, filteredasspam,
 * expanded, gettingstatus) and ToIP (relay_host) make a {@link MailRecipient} with {@code tls = null}: the trace
 * cannot show TLS (catalogue C04). SenderAddress is the sender, FromIP the source IP, Size the size,
 * MessageTraceId the local id. {@code email_to_address}/{@code email_cc_address} stay null: the trace does not
 * say To/Cc. {@code email_direction} stays null: the trace's IPs do not tell it reliably (a client IP, an EOP
 * relay or nothing), and the school's domains are not known to the parser; the streams app compares the sender
 * and recipient domains with {@code schools.csv}.
 */
public final class M365TraceParser implements LogParser {

    static final String[] REQUIRED = {"Received", "SenderAddress", "RecipientAddress", "Status", "MessageId"};
    private static final int MAX_RECORD_LINES = 1000;
    private static final int MAX_RECORD_CHARS = 1 << 20;
    private static final int MAX_RECIPIENTS = 10_000;

    private final ParseContext context;
    private final List<String> fields = new ArrayList<>(20);

    // The header.
    private boolean headerSeen;
    private long headerLine;
    private String missing;
    private int columns;
    private int iReceived = -1;
    private int iSender = -1;
    private int iRecipient = -1;
    private int iSubject = -1;
    private int iStatus = -1;
    private int iToIp = -1;
    private int iFromIp = -1;
    private int iSize = -1;
    private int iMessageId = -1;
    private int iTraceId = -1;

    // A record whose quoted field continues on the next line.
    private StringBuilder pending;
    private RawLine pendingFirst;
    private int pendingLines;

    // The message being assembled.
    private Open open;

    public M365TraceParser(ParseContext context) {
        this.context = context;
    }

    @Override
    public void parse(RawLine line, ParseSink sink) {
        String raw = line.text();
        if (raw == null) {
            return;
        }
        if (pending != null) {
            pending.append('\n').append(raw);
            pendingLines++;
            if (pending.length() > MAX_RECORD_CHARS || pendingLines > MAX_RECORD_LINES) {
                RawLine first = pendingFirst;
                pending = null;
                pendingFirst = null;
                sink.reject(first, "quoted field not closed after " + pendingLines + " lines: a broken quote?");
                return;
            }
            String record = pending.toString();
            if (!CsvRecord.split(record, fields)) {
                return;
            }
            RawLine first = pendingFirst;
            pending = null;
            pendingFirst = null;
            record(first, record, line, sink);
            return;
        }
        if (MailText.isBlankOrComment(raw)) {
            return;
        }
        if (raw.indexOf('\u0000') >= 0) {
            sink.reject(line, "NUL characters: the file looks like UTF-16; export with -Encoding UTF8");
            return;
        }
        if (!CsvRecord.split(raw, fields)) {
            pending = new StringBuilder(raw);
            pendingFirst = line;
            pendingLines = 1;
            return;
        }
        record(line, raw, line, sink);
    }

    @Override
    public void flush(ParseSink sink) {
        if (pending != null) {
            sink.reject(pendingFirst, "quoted field not closed at the end of the file: a broken quote?");
            pending = null;
            pendingFirst = null;
        }
        emitOpen(sink);
    }

    @Override
    public OptionalLong earliestPendingPosition() {
        long p = -1;
        if (open != null && open.first.position() >= 0) {
            p = open.first.position();
        }
        if (pendingFirst != null && pendingFirst.position() >= 0) {
            p = p < 0 ? pendingFirst.position() : Math.min(p, pendingFirst.position());
        }
        return p < 0 ? OptionalLong.empty() : OptionalLong.of(p);
    }

    private void record(RawLine first, String text, RawLine last, ParseSink sink) {
        if (isHeader()) {
            readHeader(first, sink);
            return;
        }
        if (!headerSeen) {
            sink.reject(
                    first,
                    "no header row before this row: the first line must name the columns ("
                            + String.join(", ", REQUIRED) + ", ...)");
            return;
        }
        if (missing != null) {
            sink.reject(first, "the header (line " + headerLine + ") has no '" + missing + "' column");
            return;
        }
        if (fields.size() != columns) {
            sink.reject(
                    first,
                    "row has " + fields.size() + " fields but the header (line " + headerLine + ") has " + columns
                            + ": a broken quote or a stray comma?");
            return;
        }
        String receivedText = field(iReceived);
        long received = received(receivedText);
        if (received == Long.MIN_VALUE) {
            sink.reject(first, receivedError(receivedText));
            return;
        }
        String recipient = MailText.address(field(iRecipient));
        if (recipient == null) {
            sink.reject(first, "empty RecipientAddress: a trace row is one recipient");
            return;
        }
        String messageId = messageId(field(iMessageId));
        String traceId = blankToNull(field(iTraceId));
        String key = messageId != null ? messageId : traceId;
        if (open != null && (key == null || !key.equals(open.key))) {
            emitOpen(sink);
        }
        if (open == null) {
            open = new Open(key, first);
            open.messageId = messageId;
            open.received = received;
        }
        Open m = open;
        m.lines.add(text, context.keepOriginal());
        m.last = last;
        if (received < m.received) {
            m.received = received;
        }
        if (m.traceId == null) {
            m.traceId = MailText.clip(traceId, 256);
        }
        if (!m.senderSeen) {
            m.senderSeen = true;
            m.sender = MailText.address(field(iSender));
        }
        if (m.subject == null) {
            String subject = field(iSubject);
            if (subject != null && !subject.isEmpty()) {
                m.subject = MailText.clip(subject.trim(), 998);
            }
        }
        if (m.fromIp == null) {
            m.fromIp = MailText.clip(blankToNull(field(iFromIp)), 64);
        }
        if (m.size == null) {
            m.size = size(field(iSize));
        }
        String status = blankToNull(field(iStatus));
        status = status == null ? "unknown" : MailText.clip(status.toLowerCase(Locale.ROOT), 64);
        String toIp = MailText.clip(blankToNull(field(iToIp)), 64);
        MailRecipient r = m.byAddress.get(recipient);
        if (r == null) {
            if (m.recipients.size() < MAX_RECIPIENTS) {
                r = new MailRecipient(recipient, status, toIp, null);
                m.recipients.add(r);
                m.byAddress.put(recipient, r);
                m.rowTime.put(recipient, received);
            }
        } else if (received >= m.rowTime.get(recipient)) {
            r.setStatus(status);
            if (toIp != null) {
                r.setRelayHost(toIp);
            }
            m.rowTime.put(recipient, received);
        }
    }

    private void emitOpen(ParseSink sink) {
        Open m = open;
        if (m == null) {
            return;
        }
        open = null;
        MailEvent event = new MailEvent();
        EventCommon.fill(
                event, Instant.ofEpochMilli(m.received), "m365.trace", null, m.first, m.lines.original(), context);
        event.setEventHash(m.lines.hash());
        event.setEmailMessageId(m.messageId);
        event.setEmailLocalId(m.traceId);
        event.setEmailDirection(null);
        event.setEmailSenderAddress(m.sender);
        event.setEmailToAddress(null);
        event.setEmailCcAddress(null);
        event.setEmailRecipients(m.recipients);
        event.setEmailSubject(m.subject);
        event.setEmailSize(m.size);
        event.setSourceIp(m.fromIp);
        sink.event(event, m.last);
    }

    // ---------------------------------------------------------------------------------------------- header

    private boolean isHeader() {
        int known = 0;
        for (String f : fields) {
            if (column(f) != null) {
                known++;
            }
        }
        return known >= 3;
    }

    private void readHeader(RawLine line, ParseSink sink) {
        emitOpen(sink);
        headerSeen = true;
        headerLine = line.lineNumber();
        columns = fields.size();
        iReceived = iSender = iRecipient = iSubject = iStatus = iToIp = iFromIp = iSize = iMessageId = iTraceId = -1;
        for (int i = 0; i < fields.size(); i++) {
            String c = column(fields.get(i));
            if (c == null) {
                continue;
            }
            switch (c) {
                case "received":
                    iReceived = first(iReceived, i);
                    break;
                case "senderaddress":
                    iSender = first(iSender, i);
                    break;
                case "recipientaddress":
                    iRecipient = first(iRecipient, i);
                    break;
                case "subject":
                    iSubject = first(iSubject, i);
                    break;
                case "status":
                    iStatus = first(iStatus, i);
                    break;
                case "toip":
                    iToIp = first(iToIp, i);
                    break;
                case "fromip":
                    iFromIp = first(iFromIp, i);
                    break;
                case "size":
                    iSize = first(iSize, i);
                    break;
                case "messageid":
                    iMessageId = first(iMessageId, i);
                    break;
                case "messagetraceid":
                    iTraceId = first(iTraceId, i);
                    break;
                default:
                    break;
            }
        }
        int[] required = {iReceived, iSender, iRecipient, iStatus, iMessageId};
        missing = null;
        for (int k = 0; k < required.length; k++) {
            if (required[k] < 0) {
                missing = REQUIRED[k];
                break;
            }
        }
        if (missing != null) {
            sink.reject(
                    line,
                    "header has no '" + missing + "' column (required: " + String.join(", ", REQUIRED)
                            + "): not a Get-MessageTrace export?");
        }
    }

    private static int first(int current, int i) {
        return current >= 0 ? current : i;
    }

    /** The canonical (lower-case) name of a known column, or null. */
    private static String column(String name) {
        if (name.length() > 24) {
            return null; // longer than any column name, even padded: a data value
        }
        String t = name.trim();
        if (!t.isEmpty() && t.charAt(0) == '\uFEFF') {
            t = t.substring(1).trim();
        }
        String c = t.toLowerCase(Locale.ROOT);
        switch (c) {
            case "received":
            case "senderaddress":
            case "recipientaddress":
            case "subject":
            case "status":
            case "toip":
            case "fromip":
            case "size":
            case "messageid":
            case "messagetraceid":
                return c;
            default:
                return null;
        }
    }

    // ---------------------------------------------------------------------------------------------- fields

    private String field(int i) {
        if (i < 0 || i >= fields.size()) {
            return null;
        }
        return MailText.stripControls(fields.get(i));
    }

    private static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    private static String messageId(String s) {
        String t = blankToNull(s);
        if (t == null) {
            return null;
        }
        if (t.startsWith("<") && t.endsWith(">")) {
            t = t.substring(1, t.length() - 1).trim();
        }
        return t.isEmpty() ? null : MailText.clip(t, 998);
    }

    private static Long size(String s) {
        String t = blankToNull(s);
        if (t == null) {
            return null;
        }
        long v = 0;
        int digits = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 18) {
                    return null;
                }
                v = v * 10 + (c - '0');
            } else if (c != ',' && c != ' ' && c != '\u00a0') {
                return null;
            }
        }
        return digits == 0 ? null : v;
    }

    /** Epoch millis of a Received value, or Long.MIN_VALUE. */
    static long received(String s) {
        String t = blankToNull(s);
        if (t == null) {
            return Long.MIN_VALUE;
        }
        try {
            if (t.length() >= 10 && t.charAt(4) == '-') {
                return iso(t);
            }
            if (t.indexOf('/') > 0) {
                return enGb(t);
            }
        } catch (DateTimeException | IndexOutOfBoundsException e) {
            return Long.MIN_VALUE;
        }
        return Long.MIN_VALUE;
    }

    private static String receivedError(String s) {
        String t = s == null ? "" : s.trim();
        if (t.isEmpty()) {
            return "empty Received: every trace row has a time";
        }
        String upper = t.toUpperCase(Locale.ROOT);
        if (upper.endsWith("AM") || upper.endsWith("PM")) {
            return "Received " + MailText.quote(t) + " is in an en-US style (AM/PM): export with ISO 8601 or the"
                    + " en-GB format dd/MM/yyyy HH:mm:ss";
        }
        return "Received " + MailText.quote(t) + " is not a date (ISO 8601 or en-GB dd/MM/yyyy HH:mm:ss; en-US"
                + " MM/dd/yyyy is not accepted)";
    }

    /** {@code yyyy-MM-dd[T ]HH:mm[:ss[.f]][Z|+hh:mm|+hhmm]}; no offset = UTC. */
    private static long iso(String t) {
        int n = t.length();
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        if (t.charAt(7) != '-') {
            return Long.MIN_VALUE;
        }
        int hh = 0;
        int mm = 0;
        int ss = 0;
        int nanos = 0;
        int i = 10;
        if (i < n) {
            char sep = t.charAt(i);
            if (sep != 'T' && sep != 't' && sep != ' ') {
                return Long.MIN_VALUE;
            }
            hh = digits(t, 11, 2);
            if (t.charAt(13) != ':') {
                return Long.MIN_VALUE;
            }
            mm = digits(t, 14, 2);
            i = 16;
            if (i < n && t.charAt(i) == ':') {
                ss = digits(t, 17, 2);
                i = 19;
                if (i < n && (t.charAt(i) == '.' || t.charAt(i) == ',')) {
                    i++;
                    int scale = 100_000_000;
                    int start = i;
                    while (i < n && Character.isDigit(t.charAt(i))) {
                        nanos += (t.charAt(i) - '0') * scale;
                        scale /= 10;
                        i++;
                    }
                    if (i == start) {
                        return Long.MIN_VALUE;
                    }
                }
            }
        }
        ZoneOffset offset = ZoneOffset.UTC;
        if (i < n) {
            String rest = t.substring(i).trim();
            if (rest.equals("Z") || rest.equals("z")) {
                offset = ZoneOffset.UTC;
            } else if (!rest.isEmpty() && (rest.charAt(0) == '+' || rest.charAt(0) == '-')) {
                offset = ZoneOffset.of(rest.length() == 3 ? rest + ":00" : rest);
            } else if (!rest.isEmpty()) {
                return Long.MIN_VALUE;
            }
        }
        if (year < 0 || month < 0 || day < 0 || hh < 0 || mm < 0 || ss < 0) {
            return Long.MIN_VALUE;
        }
        return LocalDateTime.of(year, month, day, hh, mm, Math.min(ss, 59), nanos)
                                .toEpochSecond(offset)
                        * 1000L
                + nanos / 1_000_000;
    }

    /** {@code dd/MM/yyyy HH:mm[:ss]} in UTC. */
    private static long enGb(String t) {
        int n = t.length();
        int[] v = new int[6];
        int part = 0;
        int value = -1;
        int digits = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? t.charAt(i) : '\0';
            if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (++digits > 4) {
                    return Long.MIN_VALUE;
                }
                continue;
            }
            boolean expected = (part < 2 && c == '/')
                    || (part == 2 && c == ' ')
                    || (part >= 3 && part < 5 && c == ':')
                    || c == '\0';
            if (!expected || value < 0 || part >= 6) {
                return Long.MIN_VALUE;
            }
            v[part++] = value;
            value = -1;
            digits = 0;
            if (c == '\0') {
                break;
            }
        }
        if (part < 5) {
            return Long.MIN_VALUE;
        }
        int day = v[0];
        int month = v[1];
        int year = v[2];
        if (year < 100) {
            return Long.MIN_VALUE;
        }
        return LocalDateTime.of(year, month, day, v[3], v[4], part > 5 ? Math.min(v[5], 59) : 0)
                        .toEpochSecond(ZoneOffset.UTC)
                * 1000L;
    }

    private static int digits(String t, int from, int count) {
        if (from + count > t.length()) {
            throw new IndexOutOfBoundsException();
        }
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The message being assembled from consecutive rows. */
    private static final class Open {
        final String key;
        final RawLine first;
        final JoinedLines lines = new JoinedLines();
        RawLine last;
        long received;
        String messageId;
        String traceId;
        boolean senderSeen;
        String sender;
        String subject;
        String fromIp;
        Long size;
        final List<MailRecipient> recipients = new ArrayList<>(4);
        final HashMap<String, MailRecipient> byAddress = new HashMap<>();
        final HashMap<String, Long> rowTime = new HashMap<>();

        Open(String key, RawLine first) {
            this.key = key;
            this.first = first.text() != null && first.text().length() > 8192
                    ? new RawLine(first.text().substring(0, 8192), first.file(), first.lineNumber(), first.position())
                    : first;
        }
    }
}
