package org.trustwatch.streams.topology;

import static org.trustwatch.streams.topology.Events.at;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.trustwatch.schema.EndpointEvent;
import org.trustwatch.schema.IncidentReport;
import org.trustwatch.schema.MailEvent;
import org.trustwatch.schema.MailRecipient;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.ReportKind;
import org.trustwatch.schema.WebAction;

/**
 * More event builders for the tests of C10..C18 and alerts (next to {@link Events}): tools and installs, external
 * devices, personal-use browsing series, mail as Postfix logs it with Bcc-only recipients, spoofed mail, reports,
 * added exemptions and settings files.
 */
public final class EventsB {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private EventsB() {}

    /** A hash that cannot collide with {@link Events}' (those count up from 1 in the low digits). */
    private static String hash() {
        return "b" + String.format("%063x", SEQUENCE.incrementAndGet());
    }

    /** A time on another day than the demo day, UTC: {@code on("2026-06-15", "07:00")}. */
    public static Instant on(String date, String time) {
        return Instant.parse(date + "T" + (time.length() == 5 ? time + ":00" : time) + "Z");
    }

    // ------------------------------------------------------------------ settings and reference rows

    // ------------------------------------------------------------------ endpoint

    /** A process start (4688) with the image's SHA-256 as Sysmon 1 gives it. */
    public static EndpointEvent process(String time, String host, String user, String executable, String sha256) {
        return Events.endpoint(time, host, "4688", "process-started")
                .setUserName(user)
                .setProcessExecutable(executable)
                .setProcessName(executable.substring(executable.lastIndexOf('\\') + 1))
                .setProcessHashSha256(sha256)
                .build();
    }

    /** Sysmon 10: a process of {@code user} opened another process ({@code lsass.exe} for a credential dump). */
    public static EndpointEvent processAccess(String time, String host, String user, String source, String target) {
        return Events.endpoint(time, host, "10", "process-accessed")
                .setEventProvider("Microsoft-Windows-Sysmon")
                .setUserName(user)
                .setProcessExecutable(source)
                .setTargetProcessName(target)
                .build();
    }

    /** MsiInstaller 11707: a product installed by {@code user}. */
    public static EndpointEvent install(String time, String host, String user, String product) {
        return Events.endpoint(time, host, "11707", "package-installed")
                .setEventProvider("MsiInstaller")
                .setUserName(user)
                .setPackageName(product)
                .setPackageVersion("1.0")
                .build();
    }

    /** 7045: a service installed by {@code user}. */
    public static EndpointEvent serviceInstall(String time, String host, String user, String service) {
        return Events.endpoint(time, host, "7045", "service-installed")
                .setEventProvider("Service Control Manager")
                .setUserName(user)
                .setServiceName(service)
                .build();
    }

    /** 6416: an external device of {@code deviceClass} recognised on {@code host} (logged by the machine account). */
    public static EndpointEvent externalDevice(String time, String host, String deviceClass, String name) {
        return Events.endpoint(time, host, "6416", "external-device-recognized")
                .setUserName(host.toUpperCase() + "$")
                .setExternalDeviceClass(deviceClass)
                .setExternalDeviceName(name)
                .setExternalDeviceId("BTHENUM\\{0000110B}\\" + name.replace(' ', '_'))
                .build();
    }

    // ------------------------------------------------------------------ proxy

    /** A request at any instant. */
    public static ProxyEvent web(Instant t, String ip, String user, String domain, String category) {
        return Events.request("00:00", ip, domain, category, WebAction.allowed)
                .setTimestamp(t)
                .setEventIngested(t)
                .setEventHash(hash())
                .setUserName(user)
                .build();
    }

    /** Requests every {@code stepMinutes} from {@code first} to {@code last} inclusive. */
    public static List<ProxyEvent> browsing(
            Instant first, Instant last, int stepMinutes, String ip, String user, String domain, String category) {
        List<ProxyEvent> out = new ArrayList<>();
        for (Instant t = first; !t.isAfter(last); t = t.plus(Duration.ofMinutes(stepMinutes))) {
            out.add(web(t, ip, user, domain, category));
        }
        return out;
    }

    /** Browsing on the demo day, {@code "09:00"} to {@code "10:00"}. */
    public static List<ProxyEvent> browsing(
            String first, String last, int stepMinutes, String ip, String user, String domain, String category) {
        return browsing(at(first), at(last), stepMinutes, ip, user, domain, category);
    }

    /** {@code n} uploads of {@code bytes} each, {@code minutesApart} from {@code start}. */
    public static List<ProxyEvent> uploads(
            int n, String start, int minutesApart, String ip, String user, String domain, String category, long bytes) {
        List<ProxyEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant t = at(start).plus(Duration.ofMinutes((long) i * minutesApart));
            out.add(Events.request(start, ip, domain, category, WebAction.allowed)
                    .setTimestamp(t)
                    .setEventIngested(t)
                    .setEventHash(hash())
                    .setUserName(user)
                    .setHttpRequestMethod("POST")
                    .setHttpRequestBytes(bytes)
                    .build());
        }
        return out;
    }

    // ------------------------------------------------------------------ mail

    /** {@code n} addresses {@code prefix0@domain} .. {@code prefix(n-1)@domain}. */
    public static List<String> addresses(String prefix, int n, String domain) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(prefix + i + "@" + domain);
        }
        return out;
    }

    /** A message to {@code recipients} all in Bcc: the To header names only the sender, Cc is empty. */
    public static MailEvent.Builder bcc(
            String time, String from, String direction, String subject, List<String> recipients) {
        List<MailRecipient> delivered = new ArrayList<>();
        for (String address : recipients) {
            delivered.add(MailRecipient.newBuilder()
                    .setAddress(address)
                    .setStatus("sent")
                    .setTls(true)
                    .build());
        }
        return Events.mail(time, from, direction, subject)
                .setEventHash(hash())
                .setEmailToAddress(new ArrayList<>(List.of(from)))
                .setEmailCcAddress(new ArrayList<>())
                .setEmailRecipients(delivered);
    }

    /** Inbound mail with a From header ({@code "Name" <address>}), an envelope sender and a DMARC result. */
    public static MailEvent inbound(
            String time, String fromName, String fromAddress, String envelope, String dmarc, String to) {
        return Events.mail(time, envelope, "inbound", "Urgent: payment today", to)
                .setEventHash(hash())
                .setEmailFromAddress(fromAddress)
                .setEmailFromName(fromName)
                .setEmailDmarcResult(dmarc)
                .build();
    }

    /** Outbound mail sent by the authenticated account {@code user} with the given envelope sender and From. */
    public static MailEvent outbound(String time, String user, String envelope, String fromAddress, String to) {
        return Events.mail(time, envelope, "outbound", "Minutes", to)
                .setEventHash(hash())
                .setEmailFromAddress(fromAddress)
                .setUserName(user)
                .build();
    }

    // ------------------------------------------------------------------ reports

    public static IncidentReport report(
            String time, String reporter, String school, ReportKind kind, String deviceId, boolean personalData) {
        IncidentReport r = Events.report(time, reporter, school, kind, deviceId);
        r.setPersonalData(personalData);
        return r;
    }
}
