package org.trustwatch.workload.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.trustwatch.workload.trust.School;
import org.trustwatch.workload.trust.Trust;

/**
 * The school's Postfix relay as rsyslog writes it (RFC 3339 timestamps, so the year is in every line): smtpd or
 * submission, cleanup with the header_checks the school logs (Subject, From, To, Cc, X-Classification, each cut at
 * 200 characters as Postfix does), OpenDMARC on inbound mail, qmgr, one delivery line per recipient (lmtp into the
 * school's mailboxes, smtp to the other schools' relays and to the outside, with the TLS line of the connection
 * before its deliveries) and {@code removed}.
 */
final class PostfixLog implements MailLog {

    private static final int OPENDMARC_PID = 812;

    /** Postfix logs {@code %.200s} of a header. */
    private static final int HEADER_LOG_MAX = 200;

    private static final String TLS =
            " TLS connection established to %s:25: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)";

    private final LogFile file;
    private final TimeText time;
    private final School school;
    private final Trust trust;
    private final SplittableRandom random;
    private final StringBuilder b = new StringBuilder(300);
    private final int qmgrPid;
    private int pid;
    private int queueCounter;
    private long time0;
    private String qid;
    /** header_checks lines of one message, a millisecond apart so their times read in order. */
    private int headerOffset;
    /** The time of the line being built in {@link #b}, written when the next one starts. */
    private long pendingTime = Long.MIN_VALUE;

    PostfixLog(LogFile file, TimeText time, School school, Trust trust, SplittableRandom random) {
        this.file = file;
        this.time = time;
        this.school = school;
        this.trust = trust;
        this.random = random;
        this.qmgrPid = 1000 + random.nextInt(800);
        this.pid = 3000 + random.nextInt(5000);
    }

    @Override
    public void message(MailMessage m) {
        time0 = m.time();
        qid = queueId(m.time());
        headerOffset = 61;
        boolean inbound = m.saslUser() == null;
        String client = m.clientHost() + "[" + m.clientIp() + "]";
        int smtpd = nextPid();
        String smtpdTag = inbound ? "postfix/smtpd" : "postfix/submission/smtpd";
        line(-40, smtpdTag, smtpd, false).append("connect from ").append(client);
        line(0, smtpdTag, smtpd, true).append("client=").append(client);
        if (!inbound) {
            b.append(", sasl_method=PLAIN, sasl_username=").append(m.saslUser());
        }
        int cleanup = nextPid();
        line(60, "postfix/cleanup", cleanup, true)
                .append("message-id=<")
                .append(m.messageId())
                .append('>');
        String first = m.recipients().get(0);
        String helo = inbound ? m.clientHost() : m.clientHost().toUpperCase(Locale.ROOT);
        header(m, cleanup, client, helo, first, "Subject", m.subject());
        header(
                m,
                cleanup,
                client,
                helo,
                first,
                "From",
                m.fromName() == null ? m.fromAddress() : "\"" + m.fromName() + "\" <" + m.fromAddress() + ">");
        if (!m.to().isEmpty()) {
            header(m, cleanup, client, helo, first, "To", String.join(", ", m.to()));
        }
        if (!m.cc().isEmpty()) {
            header(m, cleanup, client, helo, first, "Cc", String.join(", ", m.cc()));
        }
        if (m.classification() != null) {
            header(m, cleanup, client, helo, first, "X-Classification", m.classification());
        }
        if (m.dmarc() != null) {
            line(420, "opendmarc", OPENDMARC_PID, true)
                    .append(domainOf(m.fromAddress()))
                    .append(' ')
                    .append(m.dmarc());
        }
        line(480, "postfix/qmgr", qmgrPid, true)
                .append("from=<")
                .append(m.envelopeFrom())
                .append(">, size=")
                .append(m.size())
                .append(", nrcpt=")
                .append(m.recipients().size())
                .append(" (queue active)");
        line(520, smtpdTag, smtpd, false)
                .append("disconnect from ")
                .append(client)
                .append(" ehlo=1 mail=1 rcpt=")
                .append(m.recipients().size())
                .append(" data=1 quit=1 commands=")
                .append(4 + m.recipients().size());
        int at = deliveries(m, 700);
        line(at + 150, "postfix/qmgr", qmgrPid, true).append("removed");
        flush();
        file.countEvent();
    }

    /** One lmtp line per mailbox here; one smtp connection (TLS line, then its deliveries) per other domain. */
    private int deliveries(MailMessage m, int at) {
        Map<String, List<String>> byDomain = new LinkedHashMap<>();
        for (String r : m.recipients()) {
            byDomain.computeIfAbsent(domainOf(r), d -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<String>> d : byDomain.entrySet()) {
            String domain = d.getKey();
            if (domain.equals(school.domain())) {
                int lmtp = nextPid();
                for (String r : d.getValue()) {
                    at += 30 + random.nextInt(60);
                    line(at, "postfix/lmtp", lmtp, true)
                            .append("to=<")
                            .append(r)
                            .append(">, relay=")
                            .append(school.mailHost())
                            .append('.')
                            .append(school.domain())
                            .append("[private/dovecot-lmtp], delay=0.4")
                            .append(", delays=0.1/0/0.1/0.2, dsn=2.0.0, status=sent (250 2.0.0 <")
                            .append(r)
                            .append("> Saved)");
                }
                continue;
            }
            School other = trust.schoolOfAddress(d.getValue().get(0));
            String relay = other != null
                    ? other.mailHost() + "." + other.domain() + "[" + other.mailServerIp() + "]"
                    : MailHosts.mx(domain);
            int smtp = nextPid();
            at += 200 + random.nextInt(400);
            if (other != null || m.tls()) {
                line(at, "postfix/smtp", smtp, false)
                        .append(other != null ? "Anonymous" : "Trusted")
                        .append(String.format(Locale.ROOT, TLS, relay));
            }
            for (String r : d.getValue()) {
                at += 40 + random.nextInt(120);
                line(at, "postfix/smtp", smtp, true)
                        .append("to=<")
                        .append(r)
                        .append(">, relay=")
                        .append(relay)
                        .append(":25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=2.0.0, status=sent (250 2.0.0 OK ")
                        .append(time0 / 1000)
                        .append(' ')
                        .append(qid.toLowerCase(Locale.ROOT))
                        .append(")");
            }
        }
        return at;
    }

    private void header(
            MailMessage m, int cleanup, String client, String helo, String first, String name, String value) {
        String text = name + ": " + value;
        if (text.length() > HEADER_LOG_MAX) {
            text = text.substring(0, HEADER_LOG_MAX);
        }
        line(headerOffset++, "postfix/cleanup", cleanup, true)
                .append("info: header ")
                .append(text)
                .append(" from ")
                .append(client)
                .append("; from=<")
                .append(m.envelopeFrom())
                .append("> to=<")
                .append(first)
                .append("> proto=ESMTP helo=<")
                .append(helo)
                .append('>');
    }

    /**
     * Ends the previous line and starts one {@code offset} milliseconds into the message: timestamp, host, tag,
     * pid, and the queue id when {@code withQid}.
     */
    private StringBuilder line(int offset, String tag, int processId, boolean withQid) {
        flush();
        long t = time0 + offset;
        pendingTime = t;
        time.rfc3339Local(b, t, random.nextInt(1000));
        b.append(' ')
                .append(school.mailHost())
                .append(' ')
                .append(tag)
                .append('[')
                .append(processId)
                .append("]: ");
        if (withQid) {
            b.append(qid).append(": ");
        }
        return b;
    }

    private void flush() {
        if (pendingTime != Long.MIN_VALUE) {
            file.add(pendingTime, b);
        }
        b.setLength(0);
        pendingTime = Long.MIN_VALUE;
    }

    /** Short queue ids: hex of the second of the day and a counter, unique for the day. */
    private String queueId(long millis) {
        long seconds = Math.floorMod(millis / 1000, 86_400L * 400);
        String hex =
                Long.toHexString((seconds << 12) | (queueCounter++ & 0xfff)).toUpperCase(Locale.ROOT);
        return "0000000000".substring(Math.min(10, hex.length())) + hex;
    }

    private int nextPid() {
        pid += 1 + random.nextInt(5);
        if (pid > 32_000) {
            pid = 3000 + random.nextInt(100);
        }
        return pid;
    }

    static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }
}
