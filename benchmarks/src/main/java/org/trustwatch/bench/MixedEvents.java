package org.trustwatch.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.avro.specific.SpecificRecordBase;
import org.trustwatch.ingest.reference.ReferenceData;
import org.trustwatch.schema.DeviceRecord;
import org.trustwatch.schema.DirectoryEntry;
import org.trustwatch.schema.EndpointEvent;
import org.trustwatch.schema.MailEvent;
import org.trustwatch.schema.MailRecipient;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.Role;
import org.trustwatch.schema.WebAction;

/**
 * A school day's mix of events for a trust, as the agents publish them: 80 % web requests from devices someone is
 * logged on to (half of them anonymous, resolved through the logons; most to uncategorised or educational sites, a
 * few percent to social media, games, adult, anonymisers, uploads and downloads), 15 % endpoint events (logons and
 * matching logoffs, process starts, some failed logons) and 5 % mail. Staff use their own laptop; anyone of the
 * school may use a shared desktop. Deterministic for a seed.
 */
final class MixedEvents {

    /** What a generated event is and where it goes. */
    record Generated(String family, String key, SpecificRecordBase event) {}

    private static final String[] BENIGN = {"bbc.co.uk", "wikipedia.org", "office365.com", "google.com", "oak.academy"};
    private static final String[][] CATEGORISED = {
        {"facebook.com", "social-networking"},
        {"youtube.com", "streaming"},
        {"amazon.co.uk", "shopping"},
        {"miniclip.com", "games"},
        {"bet365.com", "gambling"},
        {"pornhub.com", "adult"},
        {"hidemyass.com", "anonymiser"},
        {"wetransfer.com", "file-sharing"},
        {"bitesize.bbc.co.uk", "education"}
    };

    private final SplittableRandom random;
    private final List<DeviceRecord> devices;
    private final Map<String, List<DirectoryEntry>> peopleBySchool = new HashMap<>();
    private final Map<String, DirectoryEntry> peopleById = new HashMap<>();
    private final List<DirectoryEntry> people;
    /** Per device: who is logged on (null: nobody) and the logon id; the devices in use, for a pick in O(1). */
    private final DirectoryEntry[] user;

    private final String[] logonId;
    private final int[] inUse;
    private final int[] placeInUse;
    private int inUseCount;
    private final byte[] hash = new byte[32];
    private long sequence;

    MixedEvents(ReferenceData reference, long seed) {
        this.random = new SplittableRandom(seed);
        this.people = reference.directory().stream()
                .filter(p -> !p.getEmails().isEmpty())
                .toList();
        for (DirectoryEntry p : people) {
            peopleBySchool
                    .computeIfAbsent(p.getSchoolId(), s -> new ArrayList<>())
                    .add(p);
            peopleById.put(p.getUserId(), p);
        }
        this.devices = reference.devices().stream()
                .filter(d -> d.getHostname() != null)
                .toList();
        this.user = new DirectoryEntry[devices.size()];
        this.logonId = new String[devices.size()];
        this.inUse = new int[devices.size()];
        this.placeInUse = new int[devices.size()];
    }

    /** The next event, at {@code at}. */
    Generated next(Instant at) {
        int dice = random.nextInt(100);
        if (dice < 80 && inUseCount > 0) {
            return proxy(at);
        }
        if (dice < 95) {
            return endpoint(at);
        }
        return mail(at);
    }

    private String hash() {
        sequence++;
        for (int i = 0; i < 8; i++) {
            hash[i] = (byte) (sequence >>> (8 * i));
        }
        hash[8] = (byte) random.nextInt(256);
        return HexFormat.of().formatHex(hash);
    }

    private Generated proxy(Instant at) {
        int d = inUse[random.nextInt(inUseCount)];
        DeviceRecord device = devices.get(d);
        DirectoryEntry person = user[d];
        String ip = SyntheticTrust.ipOf(device);
        int c = random.nextInt(1000);
        String domain;
        String category = null;
        String method = "GET";
        long sent = 300 + random.nextInt(900);
        String extension = null;
        if (c < 880) {
            domain = BENIGN[random.nextInt(BENIGN.length)];
        } else if (c < 990) {
            String[] pick = CATEGORISED[random.nextInt(CATEGORISED.length)];
            domain = pick[0];
            category = pick[1];
        } else if (c < 995) {
            domain = "upload.example.net";
            method = "POST";
            sent = 50_000 + random.nextInt(2_000_000);
        } else {
            domain = "downloads.example.org";
            extension = "exe";
        }
        WebAction action =
                "adult".equals(category) || "gambling".equals(category) ? WebAction.blocked : WebAction.allowed;
        ProxyEvent e = ProxyEvent.newBuilder()
                .setTimestamp(at)
                .setEventIngested(at)
                .setEventDataset("squid")
                .setObserverHostname("proxy01")
                .setLogFilePath("/var/log/squid/access.log")
                .setLogLine(sequence)
                .setEventHash(hash())
                .setSourceIp(ip)
                .setUserName(random.nextBoolean() ? person.getUserId() : null)
                .setHttpRequestMethod(method)
                .setUrlScheme("https")
                .setUrlDomain(domain)
                .setUrlPath("/page/" + random.nextInt(1000) + (extension == null ? "" : "/setup.exe"))
                .setUrlExtension(extension)
                .setHttpResponseStatusCode(action == WebAction.blocked ? 403 : 200)
                .setHttpRequestBytes(sent)
                .setHttpResponseBytes((long) random.nextInt(200_000))
                .setHttpResponseMimeType("text/html")
                .setProxyResultCode(action == WebAction.blocked ? "TCP_DENIED/403" : "TCP_MISS/200")
                .setWebAction(action)
                .setWebCategory(category)
                .setWebCategorySource(category == null ? null : "list")
                .build();
        return new Generated("proxy", ip, e);
    }

    private Generated endpoint(Instant at) {
        int d = random.nextInt(devices.size());
        DeviceRecord device = devices.get(d);
        DirectoryEntry person = user[d] != null ? user[d] : whoUses(device);
        int kind = random.nextInt(100);
        EndpointEvent.Builder e = EndpointEvent.newBuilder()
                .setTimestamp(at)
                .setEventIngested(at)
                .setEventDataset("winlogbeat")
                .setEventHash(hash())
                .setEventProvider("Microsoft-Windows-Security-Auditing")
                .setHostName(device.getHostname() + ".trust.local")
                .setHostIp(new ArrayList<>(List.of(SyntheticTrust.ipOf(device))))
                .setUserName(person.getUserId())
                .setUserDomain("TRUST")
                .setLogFilePath("winlogbeat.ndjson")
                .setLogLine(sequence);
        if (kind < 50 && user[d] != null) {
            e.setEventCode("4634").setEventAction("logged-out").setWinlogLogonId(logonId[d]);
            leave(d);
        } else if (kind < 50) {
            logonId[d] = "0x" + Long.toHexString(random.nextLong() & 0xffffff);
            e.setEventCode("4624")
                    .setEventAction("logged-in")
                    .setEventOutcome("success")
                    .setWinlogLogonType(2)
                    .setWinlogLogonId(logonId[d]);
            use(d, person);
        } else if (kind < 55) {
            e.setEventCode("4625")
                    .setEventAction("logon-failed")
                    .setEventOutcome("failure")
                    .setWinlogLogonType(3)
                    .setSourceIp(SyntheticTrust.ipOf(devices.get(random.nextInt(devices.size()))));
        } else {
            String image = person.getRole() == Role.ict && random.nextInt(50) == 0
                    ? "C:\\Tools\\nmap.exe"
                    : "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE";
            e.setEventCode("4688")
                    .setEventAction("process-started")
                    .setProcessExecutable(image)
                    .setProcessName(image.substring(image.lastIndexOf('\\') + 1));
        }
        return new Generated("endpoint", device.getHostname(), e.build());
    }

    /** A laptop's owner; for a shared desktop, anyone of its school. */
    private DirectoryEntry whoUses(DeviceRecord device) {
        DirectoryEntry owner = device.getAssignedUser() == null ? null : peopleById.get(device.getAssignedUser());
        if (owner != null) {
            return owner;
        }
        List<DirectoryEntry> school = peopleBySchool.getOrDefault(device.getSchoolId(), people);
        return school.get(random.nextInt(school.size()));
    }

    private void use(int d, DirectoryEntry person) {
        user[d] = person;
        placeInUse[d] = inUseCount;
        inUse[inUseCount++] = d;
    }

    private void leave(int d) {
        int last = inUse[--inUseCount];
        inUse[placeInUse[d]] = last;
        placeInUse[last] = placeInUse[d];
        user[d] = null;
        logonId[d] = null;
    }

    private Generated mail(Instant at) {
        DirectoryEntry from = people.get(random.nextInt(people.size()));
        List<MailRecipient> recipients = new ArrayList<>();
        List<String> to = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            String address = random.nextInt(3) == 0
                    ? "parent" + random.nextInt(5000) + "@example-family.co.uk"
                    : people.get(random.nextInt(people.size())).getEmails().get(0);
            to.add(address);
            recipients.add(MailRecipient.newBuilder()
                    .setAddress(address)
                    .setStatus("sent")
                    .setTls(true)
                    .build());
        }
        String id = hash();
        MailEvent e = MailEvent.newBuilder()
                .setTimestamp(at)
                .setEventIngested(at)
                .setEventDataset("postfix")
                .setEventHash(id)
                .setEmailMessageId(id.substring(0, 16) + "@mail")
                .setEmailDirection("outbound")
                .setEmailSenderAddress(from.getEmails().get(0))
                .setEmailFromAddress(from.getEmails().get(0))
                .setEmailToAddress(to)
                .setEmailCcAddress(new ArrayList<>())
                .setEmailRecipients(recipients)
                .setEmailSubject("Week " + random.nextInt(40) + " update")
                .setEmailSize(10_000L + random.nextInt(500_000))
                .setUserName(from.getUserId())
                .build();
        return new Generated("mail", e.getEmailMessageId(), e);
    }
}
