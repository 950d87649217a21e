package org.trustwatch.streams.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.trustwatch.schema.EndpointEvent;
import org.trustwatch.schema.Exemption;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.IncidentReport;
import org.trustwatch.schema.MailEvent;
import org.trustwatch.schema.MailRecipient;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.ReportKind;
import org.trustwatch.schema.WebAction;
import org.trustwatch.streams.settings.Settings;

/**
 * Events as the parsers make them, with only the fields a test cares about set. Every event gets its own hash
 * (a test that wants a duplicate sends the same object twice). Times are on the demo day, 2026-11-23, UTC.
 */
public final class Events {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Events() {}

    /** {@code "10:05"} or {@code "10:05:30"} on the demo day. */
    public static Instant at(String time) {
        return Instant.parse("2026-11-23T" + (time.length() == 5 ? time + ":00" : time) + "Z");
    }

    private static String hash() {
        return String.format("%064x", SEQUENCE.incrementAndGet());
    }

    // ------------------------------------------------------------------ proxy

    public static ProxyEvent.Builder request(String time, String ip, String domain, String category, WebAction action) {
        return ProxyEvent.newBuilder()
                .setTimestamp(at(time))
                .setEventIngested(at(time))
                .setEventDataset("squid")
                .setEventHash(hash())
                .setSourceIp(ip)
                .setHttpRequestMethod("GET")
                .setUrlScheme("https")
                .setUrlDomain(domain)
                .setUrlPath("/")
                .setHttpResponseStatusCode(action == WebAction.blocked ? 403 : 200)
                .setHttpRequestBytes(500L)
                .setHttpResponseBytes(20_000L)
                .setProxyResultCode(action == WebAction.blocked ? "TCP_DENIED/403" : "TCP_MISS/200")
                .setWebAction(action)
                .setWebCategory(category);
    }

    /** One request by an authenticated proxy user. */
    public static ProxyEvent web(
            String time, String ip, String user, String domain, String category, WebAction action) {
        return request(time, ip, domain, category, action).setUserName(user).build();
    }

    /** {@code n} requests one {@code secondsApart} after the other from {@code start}. */
    public static List<ProxyEvent> webBurst(
            int n,
            String start,
            int secondsApart,
            String ip,
            String user,
            String domain,
            String category,
            WebAction action) {
        List<ProxyEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant t = at(start).plusSeconds((long) i * secondsApart);
            out.add(request(start, ip, domain, category, action)
                    .setTimestamp(t)
                    .setEventIngested(t)
                    .setUserName(user)
                    .build());
        }
        return out;
    }

    /** An upload: a POST sending {@code bytes}. */
    public static ProxyEvent upload(String time, String ip, String user, String domain, String category, long bytes) {
        return request(time, ip, domain, category, WebAction.allowed)
                .setUserName(user)
                .setHttpRequestMethod("POST")
                .setHttpRequestBytes(bytes)
                .build();
    }

    // ------------------------------------------------------------------ endpoint

    public static EndpointEvent.Builder endpoint(String time, String host, String code, String action) {
        return EndpointEvent.newBuilder()
                .setTimestamp(at(time))
                .setEventIngested(at(time))
                .setEventDataset("winlogbeat")
                .setEventHash(hash())
                .setEventCode(code)
                .setEventProvider("Microsoft-Windows-Security-Auditing")
                .setEventAction(action)
                .setHostName(host)
                .setHostIp(new ArrayList<>());
    }

    /** A successful logon (4624) of {@code user} on {@code host} at {@code hostIp}. */
    public static EndpointEvent logon(String time, String host, String hostIp, String user, int type, String logonId) {
        return endpoint(time, host, "4624", "logged-in")
                .setEventCategory("authentication")
                .setEventOutcome("success")
                .setHostIp(hostIp == null ? new ArrayList<>() : new ArrayList<>(List.of(hostIp)))
                .setUserName(user)
                .setUserDomain("TRUST")
                .setWinlogLogonType(type)
                .setWinlogLogonId(logonId)
                .build();
    }

    public static EndpointEvent logoff(String time, String host, String hostIp, String user, String logonId) {
        return endpoint(time, host, "4634", "logged-out")
                .setHostIp(hostIp == null ? new ArrayList<>() : new ArrayList<>(List.of(hostIp)))
                .setUserName(user)
                .setWinlogLogonId(logonId)
                .build();
    }

    /** A failed logon (4625) of {@code user} on {@code host}, from {@code sourceIp}. */
    public static EndpointEvent failedLogon(String time, String host, String user, String sourceIp, int type) {
        return endpoint(time, host, "4625", "logon-failed")
                .setEventCategory("authentication")
                .setEventOutcome("failure")
                .setUserName(user)
                .setSourceIp(sourceIp)
                .setWinlogLogonType(type)
                .build();
    }

    public static EndpointEvent process(String time, String host, String user, String executable) {
        return endpoint(time, host, "4688", "process-started")
                .setUserName(user)
                .setProcessExecutable(executable)
                .setProcessName(executable.substring(executable.lastIndexOf('\\') + 1))
                .build();
    }

    public static EndpointEvent mdm(String time, String deviceId, String action) {
        return EndpointEvent.newBuilder()
                .setTimestamp(at(time))
                .setEventIngested(at(time))
                .setEventDataset("mdm")
                .setEventHash(hash())
                .setEventCode("mdm")
                .setEventProvider("mdm")
                .setEventAction(action)
                .setDeviceId(deviceId)
                .setHostIp(new ArrayList<>())
                .build();
    }

    // ------------------------------------------------------------------ mail

    /** A message as Postfix logs it (direction, To, TLS known). */
    public static MailEvent.Builder mail(String time, String from, String direction, String subject, String... to) {
        List<MailRecipient> recipients = new ArrayList<>();
        for (String address : to) {
            recipients.add(MailRecipient.newBuilder()
                    .setAddress(address)
                    .setStatus("sent")
                    .setTls(true)
                    .build());
        }
        return MailEvent.newBuilder()
                .setTimestamp(at(time))
                .setEventIngested(at(time))
                .setEventDataset("postfix")
                .setEventHash(hash())
                .setEmailMessageId(hash().substring(48) + "@test")
                .setEmailDirection(direction)
                .setEmailSenderAddress(from)
                .setEmailFromAddress(from)
                .setEmailToAddress(new ArrayList<>(List.of(to)))
                .setEmailCcAddress(new ArrayList<>())
                .setEmailRecipients(recipients)
                .setEmailSubject(subject)
                .setEmailSize(20_000L);
    }

    // ------------------------------------------------------------------ reports

    public static IncidentReport report(String time, String reporter, String school, ReportKind kind, String deviceId) {
        return IncidentReport.newBuilder()
                .setReportId("rpt-" + hash().substring(48))
                .setTimestamp(at(time))
                .setEventIngested(at(time))
                .setEventDataset("reports")
                .setEventHash(hash())
                .setReporter(reporter)
                .setSchoolId(school)
                .setKind(kind)
                .setDescription("reported in a test")
                .setDeviceId(deviceId)
                .setRecipients(new ArrayList<>())
                .setPersonalData(false)
                .build();
    }

    // ------------------------------------------------------------------ reference and settings

    /** An approved exception on the demo day, {@code from}-{@code to} ("00:00"-"23:59" for all day). */
    public static Exemption exemption(
            String id, String school, String subject, IncidentCategory category, String match, String from, String to) {
        return Exemption.newBuilder()
                .setExemptionId(id)
                .setSchoolId(school)
                .setSubject(subject)
                .setCategory(category)
                .setMatch(match)
                .setStarts(at(from))
                .setEnds(at(to))
                .setApprovedBy("head@woh.sch.uk")
                .setReason("approved in a test")
                .build();
    }

    /** Settings read from YAML text, as the app reads its settings file. */
    public static Settings settings(String yaml) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("trustwatch-settings", ".yaml");
            java.nio.file.Files.writeString(file, yaml);
            try {
                return Settings.load(file);
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
