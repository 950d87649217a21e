package org.trustwatch.streams.topology;

import static org.trustwatch.streams.topology.Events.at;
import static org.trustwatch.streams.topology.Events.endpoint;
import static org.trustwatch.streams.topology.Events.request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.trustwatch.schema.AlertRecipient;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.EndpointEvent;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.MailEvent;
import org.trustwatch.schema.MailRecipient;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.WebAction;

/**
 * More event builders for the C01..C09 topology tests (kept apart from {@link Events} so that other branches can add
 * to that file without conflicts). Times are on the demo day, 2026-11-23, UTC (= Europe/London in November).
 */
final class EventsA {

    private EventsA() {}

    // ------------------------------------------------------------------ endpoint

    /** Event 6416: an external device recognised on {@code host}. */
    static EndpointEvent deviceRecognised(
            String time, String host, String instanceId, String deviceClass, String name) {
        return endpoint(time, host, "6416", "external-device-recognized")
                .setExternalDeviceId(instanceId)
                .setExternalDeviceClass(deviceClass)
                .setExternalDeviceName(name)
                .build();
    }

    /** Sysmon 11: a file created by {@code user} at {@code path} on drive {@code letter}. */
    static EndpointEvent fileCreated(String time, String host, String user, String letter, String path) {
        return endpoint(time, host, "11", "file-created")
                .setEventProvider("Microsoft-Windows-Sysmon")
                .setUserName(user)
                .setFilePath(path)
                .setFileDriveLetter(letter)
                .build();
    }

    /** Event 4663: an object access by {@code user} with the given access mask text (e.g. WriteData, ReadData). */
    static EndpointEvent objectAccess(
            String time, String host, String user, String letter, String path, String access) {
        return endpoint(time, host, "4663", "object-accessed")
                .setUserName(user)
                .setFilePath(path)
                .setFileDriveLetter(letter)
                .setFileAccess(access)
                .build();
    }

    /** WinINet 5600: the proxy setting changed on {@code host}; {@code user} may be null. */
    static EndpointEvent proxyConfigChanged(String time, String host, String user) {
        return endpoint(time, host, "5600", "proxy-config-changed")
                .setEventProvider("WinINet")
                .setUserName(user)
                .build();
    }

    /** Defender 1116 on {@code host}; {@code user} (the Detection User) may be null. */
    static EndpointEvent malware(String time, String host, String user, String threat) {
        return endpoint(time, host, "1116", "malware-detected")
                .setEventProvider("Microsoft-Windows-Windows Defender")
                .setUserName(user)
                .setThreatName(threat)
                .build();
    }

    /** 5145: a share access check that failed. */
    static EndpointEvent shareFailure(String time, String host, String user, String sourceIp) {
        return endpoint(time, host, "5145", "share-object-checked")
                .setEventOutcome("failure")
                .setUserName(user)
                .setSourceIp(sourceIp)
                .setShareName("\\\\*\\Finance")
                .build();
    }

    /** {@code n} failed logons (4625) of one account, one {@code secondsApart} after the other. */
    static List<EndpointEvent> failures(
            int n, String start, int secondsApart, String host, String user, String sourceIp, int type) {
        List<EndpointEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant t = at(start).plusSeconds((long) i * secondsApart);
            EndpointEvent e = Events.failedLogon(start, host, user, sourceIp, type);
            e.setTimestamp(t);
            e.setEventIngested(t);
            out.add(e);
        }
        return out;
    }

    /** A successful logon (4624) from a remote source (network logon, type 3 by default callers). */
    static EndpointEvent remoteLogon(String time, String host, String user, String sourceIp, int type, String id) {
        EndpointEvent e = Events.logon(time, host, null, user, type, id);
        e.setSourceIp(sourceIp);
        return e;
    }

    /** An event at {@code seconds} past the demo-day time (for events "just outside" a window). */
    static Instant plus(String time, long seconds) {
        return at(time).plusSeconds(seconds);
    }

    // ------------------------------------------------------------------ proxy

    /** An executable download (url extension {@code exe}) by an authenticated proxy user. */
    static ProxyEvent download(String time, String ip, String user, String domain, String file) {
        return request(time, ip, domain, "software", WebAction.allowed)
                .setUserName(user)
                .setUrlPath("/" + file)
                .setUrlExtension(file.substring(file.lastIndexOf('.') + 1))
                .setHttpResponseMimeType("application/x-msdownload")
                .build();
    }

    /** The CONNECT line of a TLS-bumped request: {@code NONE_NONE/200}, 0 bytes. */
    static ProxyEvent bumpedConnect(String time, String ip, String user, String domain, String category) {
        return request(time, ip, domain, category, WebAction.allowed)
                .setUserName(user)
                .setHttpRequestMethod("CONNECT")
                .setUrlScheme(null)
                .setUrlPath(null)
                .setProxyResultCode("NONE_NONE/200")
                .setHttpResponseBytes(0L)
                .build();
    }

    /** A plain (not bumped) CONNECT tunnel that carried data. */
    static ProxyEvent tunnel(String time, String ip, String user, String domain, String category) {
        return request(time, ip, domain, category, WebAction.allowed)
                .setUserName(user)
                .setHttpRequestMethod("CONNECT")
                .setUrlScheme(null)
                .setUrlPath(null)
                .setProxyResultCode("TCP_TUNNEL/200")
                .setHttpResponseBytes(35_000L)
                .build();
    }

    /** A 407 proxy-authentication challenge (no user yet). */
    static ProxyEvent authChallenge(String time, String ip, String domain, String category) {
        return request(time, ip, domain, category, WebAction.blocked)
                .setHttpResponseStatusCode(407)
                .setProxyResultCode("TCP_DENIED/407")
                .build();
    }

    /** {@code n} web requests one {@code secondsApart} after the other (times past the demo day are fine). */
    static List<ProxyEvent> burst(
            int n,
            String start,
            int secondsApart,
            String ip,
            String user,
            String domain,
            String category,
            WebAction action) {
        return Events.webBurst(n, start, secondsApart, ip, user, domain, category, action);
    }

    // ------------------------------------------------------------------ mail

    /**
     * An outbound Postfix message with To, Cc and Bcc: every address is an envelope recipient, only To and Cc are
     * visible in the headers.
     */
    static MailEvent mailWithCopies(
            String time, String from, String subject, List<String> to, List<String> cc, List<String> bcc) {
        List<MailRecipient> recipients = new ArrayList<>();
        for (List<String> list : List.of(to, cc, bcc)) {
            for (String a : list) {
                recipients.add(recipient(a, true));
            }
        }
        return Events.mail(time, from, "outbound", subject)
                .setEmailToAddress(new ArrayList<>(to))
                .setEmailCcAddress(new ArrayList<>(cc))
                .setEmailRecipients(recipients)
                .build();
    }

    /** An outbound message whose deliveries did not use TLS. */
    static MailEvent mailWithoutTls(String time, String from, String subject, String... to) {
        MailEvent.Builder b = Events.mail(time, from, "outbound", subject, to);
        List<MailRecipient> recipients = new ArrayList<>();
        for (String a : to) {
            recipients.add(recipient(a, false));
        }
        return b.setEmailRecipients(recipients).build();
    }

    /** An M365 message trace: no direction, no To/Cc headers, TLS unknown. */
    static MailEvent m365(String time, String from, String subject, String... to) {
        List<MailRecipient> recipients = new ArrayList<>();
        for (String a : to) {
            recipients.add(MailRecipient.newBuilder()
                    .setAddress(a)
                    .setStatus("Delivered")
                    .setTls(null)
                    .build());
        }
        return Events.mail(time, from, null, subject)
                .setEventDataset("m365")
                .setEmailToAddress(null)
                .setEmailCcAddress(null)
                .setEmailRecipients(recipients)
                .build();
    }

    static MailRecipient recipient(String address, Boolean tls) {
        return MailRecipient.newBuilder()
                .setAddress(address)
                .setStatus("sent")
                .setTls(tls)
                .build();
    }

    static List<String> addresses(String prefix, String domain, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(prefix + i + "@" + domain);
        }
        return out;
    }

    // ------------------------------------------------------------------ reference and settings

    // ------------------------------------------------------------------ reading results

    static List<AlertRecipientRole> notify(Incident i) {
        return List.copyOf(i.getNotify());
    }

    static List<String> addressesOf(List<AlertRecipient> recipients) {
        return recipients.stream().map(AlertRecipient::getAddress).toList();
    }

    static Instant deadline(String time) {
        return at(time).plus(java.time.Duration.ofHours(72));
    }
}
