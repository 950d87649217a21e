package org.trustwatch.workload.logs;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.trustwatch.workload.trust.Device;

/**
 * The school's Windows events as Winlogbeat 8 ships them (ECS JSON, one event a line, {@code host.ip} from
 * add_host_metadata): Security (logons, logoffs, locks, process starts, share access, external devices), Sysmon,
 * MsiInstaller, Defender and WinINet. One method per kind of event, so callers say what happened, not how it is
 * logged.
 */
public final class WinlogbeatLog {

    static final String SECURITY = "Microsoft-Windows-Security-Auditing";
    static final String SYSMON = "Microsoft-Windows-Sysmon";
    private static final String DOMAIN_SID = "S-1-5-21-3623811015-3361044348-30300820-";

    private final LogFile file;
    private final TimeText time;
    private final String netbios;
    private final String adDomain;
    private final SplittableRandom random;
    /** Per device: its computer name as Windows writes it, and the next record id of each channel. */
    private final Map<String, Host> hosts = new HashMap<>();

    private final StringBuilder b = new StringBuilder(900);

    WinlogbeatLog(LogFile file, TimeText time, String netbios, String adDomain, SplittableRandom random) {
        this.file = file;
        this.time = time;
        this.netbios = netbios;
        this.adDomain = adDomain;
        this.random = random;
    }

    /** A new logon id, as 4624 gives it and the session's logoff repeats it. */
    public String newLogonId() {
        return "0x" + Long.toHexString(0x100000L + random.nextInt(0x7fffff));
    }

    /** 4624: a successful logon of {@code type} (2 console, 3 network, 10 RDP, 11 cached). */
    public void logon(long t, Device d, String user, int type, String logonId, String sourceIp, String workstation) {
        start(t, d, "4624", SECURITY, "Security", "logged-in", "success", "Audit Success");
        data(
                "TargetUserName",
                user,
                "TargetDomainName",
                netbios,
                "TargetLogonId",
                logonId,
                "LogonType",
                Integer.toString(type),
                "IpAddress",
                sourceIp == null ? "-" : sourceIp,
                "WorkstationName",
                workstation == null ? "-" : workstation,
                "LogonProcessName",
                type == 3 ? "Kerberos" : "User32");
        end(t);
    }

    /** 4647 (the user signed out) then 4634 (the session ended); a network logon ends with 4634 only. */
    public void logoff(long t, Device d, String user, String logonId, int type) {
        if (type != 3) {
            start(t, d, "4647", SECURITY, "Security", "logged-out", "success", "Audit Success");
            data("TargetUserName", user, "TargetDomainName", netbios, "TargetLogonId", logonId);
            end(t);
        }
        long after = t + 400 + random.nextInt(900);
        start(after, d, "4634", SECURITY, "Security", "logged-out", "success", "Audit Success");
        data(
                "TargetUserName",
                user,
                "TargetDomainName",
                netbios,
                "TargetLogonId",
                logonId,
                "LogonType",
                Integer.toString(type));
        end(after);
    }

    /** 4625: a failed logon (bad password). */
    public void failedLogon(long t, Device d, String user, int type, String sourceIp, String workstation) {
        start(t, d, "4625", SECURITY, "Security", "logon-failed", "failure", "Audit Failure");
        data(
                "TargetUserName",
                user,
                "TargetDomainName",
                netbios,
                "LogonType",
                Integer.toString(type),
                "IpAddress",
                sourceIp == null ? "-" : sourceIp,
                "WorkstationName",
                workstation == null ? "-" : workstation,
                "Status",
                "0xc000006d",
                "SubStatus",
                "0xc000006a");
        end(t);
    }

    /** 4800 (locked) or 4801 (unlocked): the session goes on. */
    public void lock(long t, Device d, String user, String logonId, boolean locked) {
        start(
                t,
                d,
                locked ? "4800" : "4801",
                SECURITY,
                "Security",
                locked ? "workstation-locked" : "workstation-unlocked",
                "success",
                "Audit Success");
        data("TargetUserName", user, "TargetDomainName", netbios, "TargetLogonId", logonId);
        end(t);
    }

    /** 4688: a process started. */
    public void process(long t, Device d, String user, String image, String parent) {
        start(t, d, "4688", SECURITY, "Security", "created-process", "success", "Audit Success");
        data(
                "SubjectUserName",
                user,
                "SubjectDomainName",
                netbios,
                "NewProcessName",
                image,
                "ParentProcessName",
                parent,
                "NewProcessId",
                "0x" + Integer.toHexString(0x400 + random.nextInt(0xf000)));
        end(t);
    }

    /** Sysmon 1: a process started, with its hashes. */
    public void sysmonProcess(long t, Device d, String user, String image, String sha256) {
        start(
                t,
                d,
                "1",
                SYSMON,
                "Microsoft-Windows-Sysmon/Operational",
                "Process Create (rule: ProcessCreate)",
                null,
                null);
        data(
                "Image",
                image,
                "User",
                netbios + "\\" + user,
                "ParentImage",
                "C:\\Windows\\explorer.exe",
                "Hashes",
                "SHA256=" + sha256,
                "ProcessId",
                Integer.toString(1000 + random.nextInt(9000)));
        end(t);
    }

    /** Sysmon 11: a file was created (written). */
    public void fileCreated(long t, Device d, String user, String path) {
        start(
                t,
                d,
                "11",
                SYSMON,
                "Microsoft-Windows-Sysmon/Operational",
                "File created (rule: FileCreate)",
                null,
                null);
        data(
                "Image",
                "C:\\Windows\\explorer.exe",
                "TargetFilename",
                path,
                "User",
                netbios + "\\" + user,
                "ProcessId",
                Integer.toString(1000 + random.nextInt(9000)));
        end(t);
    }

    /** 4663 with ReadData: a file was read (object access auditing on removable storage). */
    public void fileRead(long t, Device d, String user, String path) {
        start(t, d, "4663", SECURITY, "Security", "object-accessed", "success", "Audit Success");
        data(
                "SubjectUserName",
                user,
                "SubjectDomainName",
                netbios,
                "ObjectType",
                "File",
                "ObjectName",
                path,
                "AccessList",
                "%%4416",
                "AccessMask",
                "0x1",
                "ProcessName",
                "C:\\Windows\\explorer.exe");
        end(t);
    }

    /** 6416: Windows recognised an external device (the subject is the computer account, as Windows logs it). */
    public void deviceConnected(long t, Device d, String instanceId, String description, String className) {
        start(t, d, "6416", SECURITY, "Security", "device-connected", "success", "Audit Success");
        data(
                "SubjectUserName",
                d.hostname().toUpperCase(java.util.Locale.ROOT) + "$",
                "SubjectDomainName",
                netbios,
                "DeviceId",
                instanceId,
                "DeviceDescription",
                description,
                "ClassName",
                className);
        end(t);
    }

    /** 5145 on the file server: a share object was checked for access; denied is an audit failure. */
    public void shareCheck(
            long t, Device server, String user, String sourceIp, String share, String relative, boolean denied) {
        start(
                t,
                server,
                "5145",
                SECURITY,
                "Security",
                "detailed-file-share",
                denied ? "failure" : "success",
                denied ? "Audit Failure" : "Audit Success");
        data(
                "SubjectUserName",
                user,
                "SubjectDomainName",
                netbios,
                "IpAddress",
                sourceIp,
                "ShareName",
                "\\\\*\\" + share,
                "RelativeTargetName",
                relative,
                "AccessList",
                "%%4416",
                "AccessMask",
                "0x1");
        end(t);
    }

    /** 5140: a share was opened. */
    public void shareAccess(long t, Device server, String user, String sourceIp, String share) {
        start(t, server, "5140", SECURITY, "Security", "network-share-object-accessed", "success", "Audit Success");
        data(
                "SubjectUserName",
                user,
                "SubjectDomainName",
                netbios,
                "IpAddress",
                sourceIp,
                "ShareName",
                "\\\\*\\" + share);
        end(t);
    }

    /** MsiInstaller 11707 (and 1033): a product was installed, by {@code user} or, when null, by SYSTEM. */
    public void install(long t, Device d, String user, String product, String version, String vendor) {
        for (String id : new String[] {"11707", "1033"}) {
            start(t, d, id, "MsiInstaller", "Application", null, null, null);
            if (id.equals("11707")) {
                data(
                        "param1",
                        "Product: " + product + " -- Installation completed successfully.",
                        "param2",
                        "(NULL)",
                        "param3",
                        "(NULL)");
            } else {
                data("param1", product, "param2", version, "param3", "1033", "param4", "0", "param5", vendor);
            }
            winlogUser(user);
            end(t);
            t += 150;
        }
    }

    /** Defender 1116 (detected) or 1117 (action taken). */
    public void defender(
            long t,
            Device d,
            String eventId,
            String threat,
            String detectionUser,
            String path,
            String process,
            String actionName) {
        start(
                t,
                d,
                eventId,
                "Microsoft-Windows-Windows Defender",
                "Microsoft-Windows-Windows Defender/Operational",
                null,
                null,
                null);
        data(
                "Threat Name",
                threat,
                "Severity Name",
                "Severe",
                "Category Name",
                "Trojan",
                "Path",
                "file:_" + path,
                "Detection User",
                detectionUser,
                "Process Name",
                process,
                "Action Name",
                actionName);
        end(t);
    }

    /** WinINet 5600: the proxy settings were changed by {@code user}. */
    public void proxyChanged(long t, Device d, String user, String proxy) {
        start(
                t,
                d,
                "5600",
                "Microsoft-Windows-WinINet-Config",
                "Microsoft-Windows-WinINet-Config/ProxyConfigChanged",
                null,
                null,
                null);
        data("pwszProxy", proxy, "pwszProxyBypass", "<local>");
        winlogUser(user);
        end(t);
    }

    // ---------------------------------------------------------------------------------------------- JSON

    /** The device of the event being written. */
    private Device host;

    private void start(
            long t,
            Device d,
            String code,
            String provider,
            String channel,
            String action,
            String outcome,
            String keyword) {
        b.setLength(0);
        b.append("{\"@timestamp\":\"");
        time.isoUtcMillis(b, t);
        b.append("\",\"event\":{\"code\":\"").append(code).append("\",\"kind\":\"event\",\"provider\":");
        Json.string(b, provider).append(",\"created\":\"");
        time.isoUtcMillis(b, t + 900 + (t & 0x3ff));
        b.append('"');
        if (outcome != null) {
            b.append(",\"outcome\":\"").append(outcome).append('"');
        }
        if (action != null) {
            b.append(',');
            Json.field(b, "action", action);
        }
        b.append("},\"winlog\":{\"event_id\":\"").append(code).append("\",\"channel\":");
        Json.string(b, channel).append(",\"provider_name\":");
        Json.string(b, provider).append(",\"computer_name\":");
        Host h = hosts.get(d.id());
        if (h == null) {
            h = new Host(d.computerName(adDomain), random);
            hosts.put(d.id(), h);
        }
        Json.string(b, h.computer).append(",\"record_id\":").append(h.nextRecordId(channel));
        if (keyword != null) {
            b.append(",\"keywords\":[\"").append(keyword).append("\"]");
        }
        b.append(",\"event_data\":{");
        this.host = d;
    }

    private void data(String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                b.append(',');
            }
            Json.field(b, pairs[i], pairs[i + 1]);
        }
        b.append('}');
    }

    /** The account Windows recorded in the event's System element, resolved by Winlogbeat. */
    private void winlogUser(String user) {
        b.append(",\"user\":{");
        if (user == null) {
            b.append(
                    "\"identifier\":\"S-1-5-18\",\"name\":\"SYSTEM\",\"domain\":\"NT AUTHORITY\",\"type\":\"Well Known Group\"}");
        } else {
            b.append("\"identifier\":\"")
                    .append(DOMAIN_SID)
                    .append(1100 + (user.hashCode() & 0xffff))
                    .append("\",");
            Json.field(b, "name", user).append(",\"domain\":");
            Json.string(b, netbios).append(",\"type\":\"User\"}");
        }
    }

    private void end(long t) {
        b.append("},\"host\":{\"name\":\"")
                .append(host.hostname())
                .append("\",\"hostname\":\"")
                .append(host.hostname())
                .append("\",\"ip\":[\"")
                .append(host.ip())
                .append(
                        "\"],\"os\":{\"family\":\"windows\"}},\"agent\":{\"type\":\"winlogbeat\",\"version\":\"8.15.3\"},")
                .append("\"ecs\":{\"version\":\"8.0.0\"}}");
        file.add(t, b);
        file.countEvent();
    }

    private static final class Host {
        private static final String[] CHANNELS = {"Security", "Microsoft-Windows-Sysmon/Operational", "Application"};
        private final String computer;
        private final long[] next = new long[CHANNELS.length + 1];

        Host(String computer, SplittableRandom random) {
            this.computer = computer;
            for (int i = 0; i < next.length; i++) {
                next[i] = 100_000 + random.nextInt(800_000);
            }
        }

        /** Windows numbers the records of each event log on its own. */
        long nextRecordId(String channel) {
            int i = 0;
            while (i < CHANNELS.length && !CHANNELS[i].equals(channel)) {
                i++;
            }
            return ++next[i];
        }
    }
}
