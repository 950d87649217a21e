package org.trustwatch.ingest.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.trustwatch.ingest.EventCommon;
import org.trustwatch.ingest.LogParser;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.schema.MailEvent;
import org.trustwatch.schema.MailRecipient;

/**
 * Postfix syslog lines ({@code postfix} format), joined by queue id into one {@link MailEvent} per message with
 * all its recipients.
 *
 * <p>What each line gives (the program is the last part of the syslog tag, so {@code postfix/submission/smtpd}
 * and {@code postfix-incoming/smtpd} are smtpd):
 *
 * <ul>
 *   <li>smtpd {@code QID: client=host[ip], sasl_method=..., sasl_username=u}: source IP, authenticated user;
 *   <li>cleanup {@code QID: message-id=<id>}; header_checks {@code QID: info|warning|hold|...: header Name: value
 *       from host[ip]; from=<s> to=<r> ...} lines for Subject, From (address and display name), To, Cc,
 *       X-Classification, msip_labels and X-Protective-Marking (RFC 2047 words decoded);
 *   <li>qmgr {@code QID: from=<s>, size=N, nrcpt=N (queue active)}: envelope sender and size;
 *       {@code status=expired}: deferred recipients become {@code expired}; {@code QID: removed} completes the
 *       message and emits it (postsuper's {@code removed} too);
 *   <li>smtp, lmtp, local, virtual, pipe, error, discard {@code QID: to=<r>, relay=..., status=sent|bounced|
 *       deferred (...)}: one recipient per distinct address with its last status (a later line replaces an
 *       earlier deferral); smtp deliveries get {@code tls=true} when the same smtp process (host and pid) logged
 *       {@code (Trusted|Verified|Anonymous|Untrusted) TLS connection established to host[ip]} for the same peer
 *       at most 5 s before the delivery line (catalogue clarification C04), else false; other transports null;
 *   <li>OpenDMARC {@code opendmarc[pid]: QID: example.org pass}: DMARC result;
 *   <li>smtpd/cleanup {@code QID: reject|milter-reject|discard: ...}: at RCPT the {@code to=} recipient gets
 *       status {@code rejected}; at DATA/END-OF-MESSAGE, or a header/body check, the whole message was refused
 *       (no {@code removed} line follows), so it is emitted at once with that recipient {@code rejected} (or
 *       {@code discarded}).
 *   <li>{@code NOQUEUE: reject: RCPT from host[ip]: ...; from=<s> to=<r>} (smtpd and postscreen): a message that
 *       never got a queue id; emitted at once as a MailEvent whose one recipient has status {@code rejected}.
 * </ul>
 *
 * <p>Direction (the parser does not know the school's domains, so it uses the transport): {@code outbound} when
 * any recipient went to the smtp transport towards a relay that is not loopback, a private address or a local
 * socket (relay=none counts: the transport was chosen for a remote domain); else {@code inbound} when the
 * client is a public address and did not authenticate (SASL) and the message was not submitted locally (pickup);
 * else {@code internal}; null when nothing says.
 *
 * <p>Skipped as noise, not rejected: lines of other programs in the same syslog file (dovecot, cron, opendkim
 * ...), syslogd's "last message repeated", and Postfix lines that are not about a message (connect/disconnect,
 * lost connection, postscreen and anvil statistics, TLS setup, warnings without a queue id, bounce notices,
 * NOQUEUE lines other than RCPT rejects, and RCPT rejects whose {@code to=} was cut off). Rejected: lines without
 * a readable syslog timestamp or program tag, and delivery lines without a readable {@code to=}.
 *
 * <p>State: a message is open until {@code removed}. Messages open for more than {@value #MAX_OPEN_LINES} lines
 * or 24 h of log time are emitted as they are (recipients keep their last status, e.g. {@code deferred}; a
 * message with no delivery line gets the recipient seen in a header/milter line with status {@code unknown}), and
 * at most {@value #MAX_OPEN} messages are open (the oldest is emitted first), so
 * {@link #earliestPendingPosition()} cannot stick. To/Cc stay null (unknown) unless a To or Cc header line was
 * seen for the message; once one was, both are lists (the other one possibly empty). Postfix logs at most 200
 * characters of a header, so a cut-off last address of a long To/Cc is dropped rather than kept mangled.
 */
public final class PostfixParser implements LogParser {

    static final int MAX_OPEN = 100_000;
    static final long MAX_OPEN_LINES = 10_000;
    static final long MAX_OPEN_MILLIS = 24L * 3600 * 1000;
    static final long TLS_WINDOW_MILLIS = 5_000;
    static final int MAX_RECIPIENTS = 10_000;
    private static final int KEEP_LINE_MAX = 8192;
    private static final int RECENT_MAX = 1024;
    private static final int TLS_MAX = 20_000;
    /** Postfix's "%.200s" for the header text in header_checks log lines. */
    private static final int POSTFIX_HEADER_LOG_MAX = 200;

    private static final int D_OTHER = 0;
    private static final int D_SMTPD = 1;
    private static final int D_SMTP = 2;
    private static final int D_LMTP = 3;
    private static final int D_LOCAL = 4;
    private static final int D_VIRTUAL = 5;
    private static final int D_PIPE = 6;
    private static final int D_ERROR = 7;
    private static final int D_DISCARD = 8;
    private static final int D_CLEANUP = 9;
    private static final int D_QMGR = 10;
    private static final int D_POSTSUPER = 11;
    private static final int D_PICKUP = 12;
    private static final int D_POSTSCREEN = 13;
    private static final int D_KNOWN_OTHER = 14;

    private final ParseContext context;
    private final SyslogHeader header;
    private final LinkedHashMap<String, Msg> open = new LinkedHashMap<>();
    private final HashMap<String, TlsSeen> tlsSeen = new HashMap<>();
    /** Keys of messages just emitted because they were refused, whose stray later lines are absorbed. */
    private final LinkedHashMap<String, Boolean> recentlyRefused = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENT_MAX;
        }
    };

    private long lineSeq;
    private long latestTime = Long.MIN_VALUE;
    private int positioned;
    private String lastHostRaw;
    private String lastHostLower;
    /** The line being parsed, with control characters replaced. */
    private String currentLine;

    private final int maxOpen;
    private final long maxOpenLines;
    private final long maxOpenMillis;

    public PostfixParser(ParseContext context) {
        this(context, MAX_OPEN, MAX_OPEN_LINES, MAX_OPEN_MILLIS);
    }

    /** With other limits on open messages, for tests. */
    PostfixParser(ParseContext context, int maxOpen, long maxOpenLines, long maxOpenMillis) {
        this.context = context;
        this.header = new SyslogHeader(context.zone(), context.clock());
        this.maxOpen = maxOpen;
        this.maxOpenLines = maxOpenLines;
        this.maxOpenMillis = maxOpenMillis;
    }

    @Override
    public void parse(RawLine line, ParseSink sink) {
        String raw = line.text();
        if (raw == null || MailText.isBlankOrComment(raw)) {
            return;
        }
        String s = MailText.stripControls(raw);
        currentLine = s;
        lineSeq++;
        if (!header.parse(s)) {
            if (!header.noise) {
                sink.reject(line, header.error);
            }
            return;
        }
        long time = header.millis;
        if (time > latestTime) {
            latestTime = time;
        }
        expire(sink);

        int ts = header.tagStart;
        int te = header.tagEnd;
        int slash = s.lastIndexOf('/', te - 1);
        int ds = slash >= ts ? slash + 1 : ts;
        int daemon = daemon(s, ds, te);
        boolean postfix = s.startsWith("postfix", ts) || (slash >= ts && daemon != D_OTHER);
        if (!postfix) {
            if (te - ts == 9 && s.startsWith("opendmarc", ts)) {
                dmarc(s, line, sink, time);
            }
            return; // another program's line in the same syslog file: noise
        }
        int m = header.msgStart;
        int n = s.length();
        int qidEnd = m;
        while (qidEnd < n && isAlnum(s.charAt(qidEnd))) {
            qidEnd++;
        }
        boolean hasQid = qidEnd < n && s.charAt(qidEnd) == ':' && isQueueId(s, m, qidEnd);
        if (!hasQid) {
            if (daemon == D_SMTP) {
                tlsEstablished(s, m, time);
            }
            return; // not about a message: connect, disconnect, statistics, warnings ...
        }
        int rest = qidEnd + 1;
        if (rest < n && s.charAt(rest) == ' ') {
            rest++;
        }
        if (qidEnd - m == 7 && s.startsWith("NOQUEUE", m)) {
            if (daemon == D_SMTPD || daemon == D_POSTSCREEN) {
                noqueue(s, rest, line, sink, time);
            }
            return;
        }
        String qid = s.substring(m, qidEnd);
        String key = key(s, qid);
        if (recentlyRefused.containsKey(key)) {
            if (!(daemon == D_SMTPD && s.startsWith("client=", rest))) {
                return; // a stray line of a message that was refused and already emitted
            }
            recentlyRefused.remove(key);
        }
        switch (daemon) {
            case D_SMTPD:
                if (s.startsWith("client=", rest)) {
                    client(s, rest + 7, key, qid, line, sink, time);
                } else {
                    action(s, rest, key, qid, line, sink, time, false);
                }
                break;
            case D_CLEANUP:
                if (s.startsWith("message-id=", rest)) {
                    Msg msg = msg(key, qid, line, raw, time, sink);
                    msg.messageId = messageId(s.substring(rest + 11));
                } else {
                    action(s, rest, key, qid, line, sink, time, true);
                }
                break;
            case D_QMGR:
                if (s.startsWith("removed", rest)) {
                    complete(key, qid, line, raw, time, sink);
                } else if (s.startsWith("from=", rest)) {
                    queueActive(s, rest + 5, key, qid, line, raw, time, sink);
                }
                break;
            case D_POSTSUPER:
                if (s.startsWith("removed", rest)) {
                    complete(key, qid, line, raw, time, sink);
                }
                break;
            case D_SMTP:
            case D_LMTP:
            case D_LOCAL:
            case D_VIRTUAL:
            case D_PIPE:
            case D_ERROR:
            case D_DISCARD:
                if (s.startsWith("to=", rest)) {
                    delivery(s, rest + 3, daemon, key, qid, line, raw, time, sink);
                }
                break;
            case D_PICKUP:
                if (s.startsWith("uid=", rest)) {
                    Msg msg = msg(key, qid, line, raw, time, sink);
                    msg.localSubmission = true;
                    int from = s.indexOf("from=<", rest);
                    if (from >= 0 && msg.senderHint == null) {
                        msg.senderHint = angle(s, from + 6);
                    }
                }
                break;
            default:
                break; // bounce notices, postscreen, anvil ...: noise
        }
    }

    @Override
    public void flush(ParseSink sink) {
        while (!open.isEmpty()) {
            Iterator<Msg> it = open.values().iterator();
            Msg oldest = it.next();
            it.remove();
            untrack(oldest);
            emit(oldest, oldest.lastLine, sink);
        }
        positioned = 0;
    }

    @Override
    public OptionalLong earliestPendingPosition() {
        if (positioned == 0) {
            return OptionalLong.empty();
        }
        for (Msg m : open.values()) {
            if (m.position >= 0) {
                return OptionalLong.of(m.position);
            }
        }
        return OptionalLong.empty();
    }

    /** Open messages, for tests. */
    int openMessages() {
        return open.size();
    }

    // ---------------------------------------------------------------------------------------------- lines

    private void client(String s, int p, String key, String qid, RawLine line, ParseSink sink, long time) {
        Msg existing = open.get(key);
        if (existing != null && existing.clientSeen) {
            // The queue id was reused while the old message never saw "removed": emit the old one as it is.
            open.remove(key);
            untrack(existing);
            emit(existing, existing.lastLine, sink);
        }
        Msg msg = msg(key, qid, line, line.text(), time, sink);
        msg.clientSeen = true;
        int n = s.length();
        int end = s.indexOf(", ", p);
        if (end < 0) {
            end = n;
        }
        readClient(msg, s, p, end);
        int sasl = s.indexOf("sasl_username=", end);
        if (sasl >= 0) {
            int v = sasl + 14;
            int ve = s.indexOf(", ", v);
            String user = s.substring(v, ve < 0 ? n : ve).trim();
            if (!user.isEmpty()) {
                msg.saslUser = MailText.clip(user, 256);
            }
        }
    }

    private static void readClient(Msg msg, String s, int p, int end) {
        int open = s.indexOf('[', p);
        if (open >= 0 && open < end) {
            int close = s.indexOf(']', open);
            if (close < 0 || close > end) {
                close = end;
            }
            String host = s.substring(p, open).trim();
            msg.clientHost = host.isEmpty() || host.equals("unknown") ? null : host.toLowerCase(Locale.ROOT);
            String ip = s.substring(open + 1, close).trim();
            msg.clientIp = ip.isEmpty() || ip.equals("unknown") ? null : MailText.clip(ip, 64);
        } else {
            String host = s.substring(p, end).trim();
            msg.clientHost = host.isEmpty() || host.equals("unknown") ? null : host.toLowerCase(Locale.ROOT);
        }
    }

    /** {@code from=<s>, size=N, nrcpt=N (queue active)} or {@code from=<s>, status=expired, returned to sender}. */
    private void queueActive(
            String s, int p, String key, String qid, RawLine line, String raw, long time, ParseSink sink) {
        Msg msg = msg(key, qid, line, raw, time, sink);
        String sender = s.startsWith("<", p) ? angle(s, p + 1) : untilComma(s, p);
        msg.senderSeen = true;
        msg.sender = MailText.address(sender);
        int size = s.indexOf("size=", p);
        if (size >= 0) {
            long v = 0;
            int i = size + 5;
            int digits = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && digits < 18) {
                v = v * 10 + (s.charAt(i) - '0');
                i++;
                digits++;
            }
            if (digits > 0) {
                msg.size = v;
            }
        }
        if (s.indexOf("status=expired", p) >= 0) {
            for (MailRecipient r : msg.recipients) {
                if ("deferred".equals(r.getStatus())) {
                    r.setStatus("expired");
                }
            }
        }
    }

    private void delivery(
            String s, int p, int daemon, String key, String qid, RawLine line, String raw, long time, ParseSink sink) {
        int n = s.length();
        String to;
        int after;
        if (p < n && s.charAt(p) == '<') {
            int close = s.indexOf('>', p + 1);
            if (close < 0) {
                sink.reject(line, "delivery line with an unterminated to=<...>: " + MailText.quote(s.substring(p)));
                return;
            }
            to = s.substring(p + 1, close);
            after = close + 1;
        } else {
            to = untilComma(s, p);
            after = p + to.length();
        }
        String address = MailText.address(to);
        if (address == null) {
            sink.reject(line, "delivery line with an empty to= address: " + MailText.quote(s.substring(p)));
            return;
        }
        String relay = null;
        int r = s.indexOf(", relay=", after);
        if (r >= 0) {
            relay = untilComma(s, r + 8);
        }
        String status = "unknown";
        int st = s.indexOf(", status=", after);
        if (st >= 0) {
            int v = st + 9;
            int e = v;
            while (e < n && s.charAt(e) != ' ' && s.charAt(e) != ',' && s.charAt(e) != '(') {
                e++;
            }
            if (e > v) {
                status = MailText.clip(s.substring(v, e).toLowerCase(Locale.ROOT), 64);
            }
        }
        Msg msg = msg(key, qid, line, raw, time, sink);
        String relayHost = null;
        String relayPeer = null;
        boolean relayNone = relay == null || relay.equals("none");
        boolean internalRelay = false;
        if (!relayNone) {
            int open = relay.indexOf('[');
            if (open >= 0) {
                int close = relay.indexOf(']', open);
                String ip = relay.substring(open + 1, close < 0 ? relay.length() : close);
                relayHost = relay.substring(0, open).toLowerCase(Locale.ROOT);
                relayPeer = relay.substring(0, close < 0 ? relay.length() : close + 1)
                        .toLowerCase(Locale.ROOT);
                internalRelay = ip.indexOf('/') >= 0 || MailText.internalIp(ip);
            } else {
                relayHost = relay.toLowerCase(Locale.ROOT);
                internalRelay = true;
            }
            relayHost = relayHost.isEmpty() ? null : MailText.clip(relayHost, 255);
        }
        Boolean tls = null;
        if (daemon == D_SMTP) {
            tls = !relayNone && tlsFor(s, relayPeer, time);
            if (internalRelay) {
                msg.localDelivery = true;
            } else {
                msg.outbound = true;
            }
        } else {
            msg.localDelivery = true;
        }
        MailRecipient rcpt = msg.recipient(address);
        if (rcpt != null) {
            if (st >= 0 || rcpt.getStatus() == null) {
                rcpt.setStatus(status);
            }
            rcpt.setRelayHost(relayHost);
            rcpt.setTls(tls);
        }
    }

    /** {@code (Trusted|Verified|Anonymous|Untrusted) TLS connection established to host[ip]:25: TLSv1.3 ...}. */
    private void tlsEstablished(String s, int m, long time) {
        int i = s.indexOf(' ', m);
        if (i < 0 || !s.startsWith(" TLS connection established to ", i) || header.pidStart < 0) {
            return;
        }
        int peerStart = i + " TLS connection established to ".length();
        int close = s.indexOf(']', peerStart);
        int space = s.indexOf(' ', peerStart);
        String peer = null;
        if (close > peerStart && (space < 0 || close < space)) {
            peer = s.substring(peerStart, close + 1).toLowerCase(Locale.ROOT);
        }
        if (tlsSeen.size() >= TLS_MAX) {
            tlsSeen.values().removeIf(t -> latestTime - t.time > TLS_WINDOW_MILLIS);
            if (tlsSeen.size() >= TLS_MAX) {
                tlsSeen.clear();
            }
        }
        tlsSeen.put(processKey(s), new TlsSeen(time, peer));
    }

    private boolean tlsFor(String s, String relayPeer, long time) {
        if (header.pidStart < 0) {
            return false;
        }
        TlsSeen seen = tlsSeen.get(processKey(s));
        if (seen == null || time < seen.time || time - seen.time > TLS_WINDOW_MILLIS) {
            return false;
        }
        return seen.peer == null || relayPeer == null || seen.peer.equals(relayPeer);
    }

    private String processKey(String s) {
        return hostLower(s) + '\u0000' + s.substring(header.pidStart, header.pidEnd);
    }

    /**
     * smtpd and cleanup actions: {@code reject: RCPT from ...; from=<s> to=<r> ...}, {@code milter-reject:
     * END-OF-MESSAGE from ...}, {@code info|warning|...: header Name: value from ...}.
     */
    private void action(
            String s, int p, String key, String qid, RawLine line, ParseSink sink, long time, boolean cleanup) {
        int n = s.length();
        int colon = p;
        while (colon < n && isActionChar(s.charAt(colon))) {
            colon++;
        }
        if (colon == p || colon + 1 >= n || s.charAt(colon) != ':' || s.charAt(colon + 1) != ' ') {
            return; // e.g. "enabling PIX workarounds", "sender non-delivery notification": noise
        }
        String action = s.substring(p, colon);
        int body = colon + 2;
        boolean refuse = action.equals("reject")
                || action.equals("milter-reject")
                || action.equals("proxy-reject")
                || action.equals("discard")
                || action.equals("milter-discard");
        boolean discard = action.endsWith("discard");
        boolean headerLine = s.startsWith("header ", body);
        if (!refuse && !headerLine) {
            return; // reject_warning, hold, filter, redirect without a header: nothing the rules use
        }
        Msg msg = msg(key, qid, line, line.text(), time, sink);
        int marker = kvMarker(s, body);
        if (marker < n) {
            readEnvelopeHints(msg, s, marker);
        }
        if (headerLine) {
            applyHeader(msg, s, body + 7, marker);
        }
        if (msg.clientIp == null && msg.clientHost == null && !msg.localSubmission) {
            // "RCPT from host[ip]: 550 ...;" (reject) or "header X: v from host[ip];" (header/body checks)
            boolean content = headerLine || s.startsWith("body ", body);
            int from = content ? s.lastIndexOf(" from ", marker - 1) : s.indexOf(" from ", body);
            if (from >= body && from < marker) {
                int cs = from + 6;
                int end = cs;
                while (end < marker && s.charAt(end) != ' ' && s.charAt(end) != ';') {
                    end++;
                }
                if (s.startsWith("local", cs) && end - cs <= 6) {
                    msg.localSubmission = true;
                } else {
                    readClient(msg, s, cs, end);
                }
            }
        }
        if (!refuse) {
            return;
        }
        String status = discard ? "discarded" : "rejected";
        boolean rcptStage = !cleanup && s.startsWith("RCPT ", body);
        if (rcptStage) {
            if (msg.rcptHintLast != null) {
                MailRecipient r = msg.recipient(msg.rcptHintLast);
                if (r != null) {
                    r.setStatus(status);
                    r.setRelayHost(null);
                    r.setTls(null);
                }
            }
            return;
        }
        // The whole message was refused: no "removed" line will follow, so it is complete now.
        if (msg.rcptHintLast != null) {
            MailRecipient r = msg.recipient(msg.rcptHintLast);
            if (r != null && (r.getStatus() == null || "unknown".equals(r.getStatus()))) {
                r.setStatus(status);
            }
        }
        open.remove(key);
        untrack(msg);
        recentlyRefused.put(key, Boolean.TRUE);
        emit(msg, line, sink);
    }

    /**
     * The header_checks part {@code Name: value from host[ip]} of a cleanup line, up to {@code marker} (where
     * {@code ; from=<} starts).
     */
    private void applyHeader(Msg msg, String s, int p, int marker) {
        int nameEnd = p;
        while (nameEnd < marker && s.charAt(nameEnd) != ':' && s.charAt(nameEnd) != ' ' && nameEnd - p < 80) {
            nameEnd++;
        }
        if (nameEnd >= marker || s.charAt(nameEnd) != ':' || nameEnd == p) {
            return;
        }
        int valueStart = nameEnd + 1;
        if (valueStart < marker && s.charAt(valueStart) == ' ') {
            valueStart++;
        }
        int fromClient = marker >= s.length() ? -1 : s.lastIndexOf(" from ", marker - 1);
        int valueEnd = fromClient >= valueStart ? fromClient : marker;
        boolean truncated = valueEnd - p >= POSTFIX_HEADER_LOG_MAX;
        String value = MailText.clip(s.substring(valueStart, valueEnd), MailHeaders.VALUE_MAX);
        String name = s.substring(p, nameEnd);
        if (name.equalsIgnoreCase("Subject")) {
            if (msg.subject == null) {
                msg.subject = MailText.clip(MailHeaders.decodeWords(value).trim(), 998);
            }
        } else if (name.equalsIgnoreCase("From")) {
            if (msg.fromAddress == null) {
                String[] box = MailHeaders.mailbox(value);
                if (box == null) {
                    List<String> list = MailHeaders.addressList(value, truncated);
                    if (!list.isEmpty()) {
                        box = new String[] {list.get(0), null};
                    }
                }
                if (box != null) {
                    msg.fromAddress = box[0];
                    msg.fromName = box[1];
                }
            }
        } else if (name.equalsIgnoreCase("To")) {
            msg.toCcSeen = true;
            addAll(msg.to, MailHeaders.addressList(value, truncated));
        } else if (name.equalsIgnoreCase("Cc")) {
            msg.toCcSeen = true;
            addAll(msg.cc, MailHeaders.addressList(value, truncated));
        } else if (name.equalsIgnoreCase("X-Classification")) {
            classify(msg, MailText.clip(MailHeaders.decodeWords(value).trim(), 200));
        } else if (name.equalsIgnoreCase("msip_labels")) {
            classify(msg, MailHeaders.msipLabel(value));
        } else if (name.equalsIgnoreCase("X-Protective-Marking")) {
            classify(msg, MailHeaders.protectiveMarking(value));
        }
    }

    private static void classify(Msg msg, String label) {
        if (label == null || label.isEmpty()) {
            return;
        }
        if (msg.classification == null
                || (msg.classification.startsWith("MSIP_Label_") && !label.startsWith("MSIP_Label_"))) {
            msg.classification = label;
        }
    }

    private static void addAll(List<String> into, List<String> more) {
        for (String a : more) {
            if (into.size() >= MailHeaders.ADDRESSES_MAX) {
                return;
            }
            if (!into.contains(a)) {
                into.add(a);
            }
        }
    }

    /**
     * Where the {@code ; from=<s> to=<r> proto=... helo=<...>} part Postfix appends to reject and header_checks
     * lines starts (the last one: the text before it may quote anything), or the end of the line.
     */
    private static int kvMarker(String s, int from) {
        int i = s.lastIndexOf("; from=<");
        if (i >= from) {
            return i;
        }
        i = s.lastIndexOf("; to=<");
        if (i >= from) {
            return i;
        }
        return s.length();
    }

    private static void readEnvelopeHints(Msg msg, String s, int marker) {
        int from = s.indexOf("from=<", marker);
        if (from >= 0) {
            String sender = angle(s, from + 6);
            if (msg.senderHint == null) {
                msg.senderHint = sender;
            }
        }
        int to = s.indexOf("to=<", marker);
        if (to >= 0) {
            String rcpt = MailText.address(angle(s, to + 4));
            if (rcpt != null) {
                msg.rcptHintLast = rcpt;
                if (msg.rcptHint == null) {
                    msg.rcptHint = rcpt;
                }
            }
        }
    }

    /** {@code NOQUEUE: reject: RCPT from host[ip]: 550 ...; from=<s> to=<r> proto=...}. */
    private void noqueue(String s, int p, RawLine line, ParseSink sink, long time) {
        boolean reject = s.startsWith("reject: RCPT from ", p) || s.startsWith("milter-reject: RCPT from ", p);
        if (!reject) {
            return; // reject_warning, discard, filter, VRFY/EHLO/CONNECT rejects: no message
        }
        int clientStart = s.indexOf("RCPT from ", p) + 10;
        int marker = kvMarker(s, clientStart);
        int to = s.indexOf("to=<", marker < s.length() ? marker : clientStart);
        if (marker >= s.length() || to < 0) {
            return; // the recipient was cut off (syslog truncation): nothing the rules use
        }
        String rcpt = MailText.address(angle(s, to + 4));
        if (rcpt == null) {
            return;
        }
        Msg msg = new Msg(null, null, line, time, lineSeq, hostLower(s));
        msg.addLine(line.text(), context.keepOriginal());
        int clientEnd = s.indexOf(": ", clientStart);
        if (clientEnd < 0 || clientEnd > marker) {
            clientEnd = marker;
        }
        readClient(msg, s, clientStart, clientEnd);
        int from = s.indexOf("from=<", marker);
        if (from >= 0) {
            msg.senderSeen = true;
            msg.sender = MailText.address(angle(s, from + 6));
        }
        MailRecipient r = msg.recipient(rcpt);
        r.setStatus("rejected");
        emit(msg, line, sink);
    }

    /** {@code opendmarc[pid]: QID: example.org pass}. */
    private void dmarc(String s, RawLine line, ParseSink sink, long time) {
        int m = header.msgStart;
        int n = s.length();
        int qidEnd = m;
        while (qidEnd < n && isAlnum(s.charAt(qidEnd))) {
            qidEnd++;
        }
        if (qidEnd >= n - 1 || s.charAt(qidEnd) != ':' || s.charAt(qidEnd + 1) != ' ' || !isQueueId(s, m, qidEnd)) {
            return;
        }
        int d = qidEnd + 2;
        int sp = s.indexOf(' ', d);
        if (sp <= d || s.indexOf('.', d) > sp || s.indexOf('.', d) < 0) {
            return;
        }
        int r = sp + 1;
        int e = r;
        while (e < n && s.charAt(e) >= 'a' && s.charAt(e) <= 'z') {
            e++;
        }
        if (e == r || e != n) {
            return; // "QID: SPF(mailfrom): ...", "ignoring Authentication-Results ...": noise
        }
        String qid = s.substring(m, qidEnd);
        String key = key(s, qid);
        if (recentlyRefused.containsKey(key)) {
            return;
        }
        Msg msg = msg(key, qid, line, line.text(), time, sink);
        msg.dmarc = s.substring(r, e);
    }

    private void complete(String key, String qid, RawLine line, String raw, long time, ParseSink sink) {
        Msg msg = msg(key, qid, line, raw, time, sink);
        open.remove(key);
        untrack(msg);
        emit(msg, line, sink);
    }

    // ---------------------------------------------------------------------------------------------- state

    private Msg msg(String key, String qid, RawLine line, String raw, long time, ParseSink sink) {
        Msg msg = open.get(key);
        if (msg == null) {
            if (open.size() >= maxOpen) {
                Iterator<Msg> it = open.values().iterator();
                Msg oldest = it.next();
                it.remove();
                untrack(oldest);
                emit(oldest, oldest.lastLine, sink);
            }
            msg = new Msg(key, qid, line, time, lineSeq, hostLower(currentLine));
            open.put(key, msg);
            if (msg.position >= 0) {
                positioned++;
            }
        }
        msg.addLine(raw, context.keepOriginal());
        msg.lastLine = keepable(line);
        return msg;
    }

    private void untrack(Msg msg) {
        if (msg.position >= 0 && msg.key != null) {
            positioned--;
            msg.position = -1;
        }
    }

    /** Emits messages open too long (lines or log time) so that the pending position moves on. */
    private void expire(ParseSink sink) {
        while (!open.isEmpty()) {
            Iterator<Msg> it = open.values().iterator();
            Msg oldest = it.next();
            if (lineSeq - oldest.firstSeq <= maxOpenLines && latestTime - oldest.firstTime <= maxOpenMillis) {
                return;
            }
            it.remove();
            untrack(oldest);
            emit(oldest, oldest.lastLine, sink);
        }
    }

    private void emit(Msg msg, RawLine completedBy, ParseSink sink) {
        MailEvent event = new MailEvent();
        EventCommon.fill(
                event,
                Instant.ofEpochMilli(msg.firstTime),
                "postfix",
                msg.host,
                msg.firstLine,
                msg.lines.original(),
                context);
        event.setEventHash(msg.lines.hash());
        event.setEmailLocalId(msg.qid);
        event.setEmailMessageId(msg.messageId);
        event.setEmailSenderAddress(msg.senderSeen ? msg.sender : MailText.address(msg.senderHint));
        event.setEmailFromAddress(msg.fromAddress);
        event.setEmailFromName(msg.fromName);
        event.setEmailToAddress(msg.toCcSeen ? msg.to : null);
        event.setEmailCcAddress(msg.toCcSeen ? msg.cc : null);
        List<MailRecipient> recipients = msg.recipients;
        if (recipients.isEmpty() && msg.rcptHint != null) {
            recipients.add(new MailRecipient(msg.rcptHint, "unknown", null, null));
        }
        for (MailRecipient r : recipients) {
            if (r.getStatus() == null) {
                r.setStatus("unknown");
            }
        }
        event.setEmailRecipients(recipients);
        event.setEmailSubject(msg.subject);
        event.setEmailSize(msg.size);
        event.setEmailClassification(msg.classification);
        event.setEmailDmarcResult(msg.dmarc);
        event.setUserName(msg.saslUser);
        event.setSourceIp(msg.clientIp);
        event.setEmailDirection(direction(msg));
        sink.event(event, completedBy == null ? msg.firstLine : completedBy);
    }

    private static String direction(Msg msg) {
        if (msg.outbound) {
            return "outbound";
        }
        boolean externalClient = msg.clientIp != null && !MailText.internalIp(msg.clientIp);
        if (externalClient && msg.saslUser == null && !msg.localSubmission) {
            return "inbound";
        }
        if (msg.localDelivery || msg.clientIp != null || msg.localSubmission || msg.saslUser != null) {
            return "internal";
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private String key(String s, String qid) {
        String host = hostLower(s);
        return host == null ? qid : host + ' ' + qid;
    }

    private String hostLower(String s) {
        if (header.hostStart < 0) {
            return null;
        }
        int len = header.hostEnd - header.hostStart;
        if (lastHostRaw != null
                && lastHostRaw.length() == len
                && s.regionMatches(header.hostStart, lastHostRaw, 0, len)) {
            return lastHostLower;
        }
        lastHostRaw = s.substring(header.hostStart, header.hostEnd);
        lastHostLower = MailText.clip(lastHostRaw.toLowerCase(Locale.ROOT), 255);
        return lastHostLower;
    }

    private static RawLine keepable(RawLine line) {
        String t = line.text();
        if (t == null || t.length() <= KEEP_LINE_MAX) {
            return line;
        }
        return new RawLine(t.substring(0, KEEP_LINE_MAX), line.file(), line.lineNumber(), line.position());
    }

    private static String messageId(String v) {
        String t = v.trim();
        if (t.startsWith("=?")) {
            t = MailHeaders.decodeWords(t).replace(" ", "").trim();
        }
        if (t.startsWith("<")) {
            int close = t.indexOf('>');
            t = t.substring(1, close < 0 ? t.length() : close);
        }
        t = t.trim();
        return t.isEmpty() ? null : MailText.clip(t, 998);
    }

    /** The text after {@code <} up to the {@code >} that closes it (or the end of the line). */
    private static String angle(String s, int p) {
        int close = s.indexOf('>', p);
        return MailText.clip(s.substring(p, close < 0 ? s.length() : close), 320);
    }

    private static String untilComma(String s, int p) {
        int e = p;
        int n = s.length();
        while (e < n && s.charAt(e) != ',' && s.charAt(e) != ' ') {
            e++;
        }
        return s.substring(p, e);
    }

    private static boolean isAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isActionChar(char c) {
        return (c >= 'a' && c <= 'z') || c == '-' || c == '_';
    }

    /**
     * A Postfix queue id: short ({@code 4F2A31C0E12}, 5+ upper-case hex digits), long ({@code 4Ybc1x2YHDz9sWq}:
     * ten base-52 characters, {@code z}, the inode) or {@code NOQUEUE}.
     */
    static boolean isQueueId(String s, int from, int to) {
        int len = to - from;
        if (len < 5 || len > 32) {
            return false;
        }
        if (len == 7 && s.startsWith("NOQUEUE", from)) {
            return true;
        }
        boolean hex = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
                hex = false;
                break;
            }
        }
        if (hex) {
            return true;
        }
        return len >= 12 && s.charAt(from + 10) == 'z';
    }

    private static int daemon(String s, int from, int to) {
        switch (to - from) {
            case 4:
                if (s.startsWith("smtp", from)) {
                    return D_SMTP;
                }
                if (s.startsWith("lmtp", from)) {
                    return D_LMTP;
                }
                if (s.startsWith("qmgr", from)) {
                    return D_QMGR;
                }
                if (s.startsWith("pipe", from)) {
                    return D_PIPE;
                }
                return D_OTHER;
            case 5:
                if (s.startsWith("smtpd", from)) {
                    return D_SMTPD;
                }
                if (s.startsWith("local", from)) {
                    return D_LOCAL;
                }
                if (s.startsWith("error", from)) {
                    return D_ERROR;
                }
                if (s.startsWith("nqmgr", from)) {
                    return D_QMGR;
                }
                if (s.startsWith("retry", from)) {
                    return D_ERROR;
                }
                if (s.startsWith("anvil", from)) {
                    return D_KNOWN_OTHER;
                }
                return D_OTHER;
            case 6:
                if (s.startsWith("pickup", from)) {
                    return D_PICKUP;
                }
                if (s.startsWith("bounce", from)) {
                    return D_KNOWN_OTHER;
                }
                if (s.startsWith("master", from) || s.startsWith("scache", from) || s.startsWith("tlsmgr", from)) {
                    return D_KNOWN_OTHER;
                }
                return D_OTHER;
            case 7:
                if (s.startsWith("virtual", from)) {
                    return D_VIRTUAL;
                }
                if (s.startsWith("cleanup", from)) {
                    return D_CLEANUP;
                }
                if (s.startsWith("discard", from)) {
                    return D_DISCARD;
                }
                if (s.startsWith("dnsblog", from)) {
                    return D_KNOWN_OTHER;
                }
                return D_OTHER;
            case 9:
                if (s.startsWith("postsuper", from)) {
                    return D_POSTSUPER;
                }
                return D_OTHER;
            case 10:
                if (s.startsWith("postscreen", from)) {
                    return D_POSTSCREEN;
                }
                return D_OTHER;
            default:
                return D_OTHER;
        }
    }

    private record TlsSeen(long time, String peer) {}

    /** One message being assembled. */
    private static final class Msg {
        final String key;
        final String qid;
        final String host;
        final RawLine firstLine;
        final long firstTime;
        final long firstSeq;
        long position;
        RawLine lastLine;
        final JoinedLines lines = new JoinedLines();

        String clientHost;
        String clientIp;
        boolean clientSeen;
        String saslUser;
        boolean localSubmission;
        String messageId;
        boolean senderSeen;
        String sender;
        String senderHint;
        String rcptHint;
        String rcptHintLast;
        Long size;
        String subject;
        String fromAddress;
        String fromName;
        boolean toCcSeen;
        final List<String> to = new ArrayList<>(2);
        final List<String> cc = new ArrayList<>(0);
        String classification;
        String dmarc;
        boolean outbound;
        boolean localDelivery;
        final List<MailRecipient> recipients = new ArrayList<>(2);
        private HashMap<String, MailRecipient> byAddress;

        Msg(String key, String qid, RawLine first, long time, long seq, String host) {
            this.key = key;
            this.qid = qid;
            this.host = host;
            this.firstLine = new RawLine("", first.file(), first.lineNumber(), first.position());
            this.firstTime = time;
            this.firstSeq = seq;
            this.position = first.position();
            this.lastLine = first;
        }

        void addLine(String raw, boolean keepOriginal) {
            lines.add(raw, keepOriginal);
        }

        /** The recipient of this address, created on first sight; null once the cap is reached. */
        MailRecipient recipient(String address) {
            MailRecipient r;
            if (byAddress != null) {
                r = byAddress.get(address);
            } else {
                r = null;
                for (MailRecipient x : recipients) {
                    if (x.getAddress().equals(address)) {
                        r = x;
                        break;
                    }
                }
            }
            if (r != null) {
                return r;
            }
            if (recipients.size() >= MAX_RECIPIENTS) {
                return null;
            }
            r = new MailRecipient(address, null, null, null);
            recipients.add(r);
            if (byAddress == null && recipients.size() > 16) {
                byAddress = new HashMap<>();
                for (MailRecipient x : recipients) {
                    byAddress.put(x.getAddress(), x);
                }
            } else if (byAddress != null) {
                byAddress.put(address, r);
            }
            return r;
        }
    }
}
