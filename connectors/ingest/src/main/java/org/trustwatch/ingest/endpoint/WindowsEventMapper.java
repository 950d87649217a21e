package org.trustwatch.ingest.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.trustwatch.ingest.EventCommon;
import org.trustwatch.ingest.ParseContext;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.schema.EndpointEvent;

/**
 * The one mapping from a Windows event (provider, event id, event data, system fields), however it was collected,
 * to an {@link EndpointEvent}. The Winlogbeat, NXLog and evtx_dump readers only extract a {@link WindowsEvent}.
 *
 * <p>Events the catalogue's rules use get a stable kebab-case {@code event_action}, ECS category and outcome and the
 * fields the rules need (account, logon type and id, source address and workstation, process image, hash and parent,
 * target process, file path, drive letter and access, share, external device, package, service, threat). Any other
 * event is still kept, as action {@code windows-event} with its code, provider, host, account and audit outcome: the
 * rules ignore it, but it is evidence.
 */
final class WindowsEventMapper {

    /** The event data names the mapping reads; readers keep no other (less allocation per event). */
    static final Set<String> DATA_NAMES = Set.of(
            "TargetUserName",
            "TargetDomainName",
            "TargetLogonId",
            "SubjectUserName",
            "SubjectDomainName",
            "LogonType",
            "IpAddress",
            "WorkstationName",
            "Workstation",
            "ProcessName",
            "Status",
            "NewProcessName",
            "ParentProcessName",
            "TargetServerName",
            "MemberName",
            "MemberSid",
            "ObjectType",
            "ObjectName",
            "AccessList",
            "AccessMask",
            "ShareName",
            "RelativeTargetName",
            "DeviceId",
            "DeviceDescription",
            "FriendlyName",
            "ClassName",
            "ServiceName",
            "ServiceFileName",
            "ImagePath",
            "Image",
            "ParentImage",
            "Hashes",
            "User",
            "SourceImage",
            "SourceUser",
            "TargetImage",
            "TargetFilename",
            "UtcTime",
            "Threat Name",
            "ThreatName",
            "Detection User",
            "DetectionUser",
            "Path",
            "Process Name",
            "Action Name",
            "ActionName",
            "Old Value",
            "OldValue",
            "New Value",
            "NewValue",
            "pwszProxy",
            "pwszAutoConfigUrl",
            "param1",
            "param2",
            "param3",
            "param4",
            "param5",
            "param6");

    private enum Family {
        SECURITY,
        SYSMON,
        DEFENDER,
        MSI,
        SERVICE_CONTROL,
        WININET,
        OTHER
    }

    EndpointEvent map(WindowsEvent w, String dataset, RawLine first, String original, ParseContext context) {
        EndpointEvent e = new EndpointEvent();
        EventCommon.fill(e, w.time, dataset, FieldText.host(w.collector), first, original, context);
        e.setEventCode(w.eventId);
        e.setEventProvider(FieldText.clean(w.provider, 256));
        e.setHostName(FieldText.host(w.computer));
        e.setHostIp(w.hostIps.isEmpty() ? List.of() : new ArrayList<>(w.hostIps));
        boolean mapped =
                switch (family(w)) {
                    case SECURITY -> security(w, e);
                    case SYSMON -> sysmon(w, e);
                    case DEFENDER -> defender(w, e);
                    case MSI -> msiInstaller(w, e);
                    case SERVICE_CONTROL -> serviceControl(w, e);
                    case WININET -> winInet(w, e);
                    case OTHER -> false;
                };
        if (!mapped) {
            generic(w, e);
        }
        ecsFallbacks(w, e);
        return e;
    }

    private static Family family(WindowsEvent w) {
        String p = w.provider;
        String c = w.channel;
        if (p != null) {
            if (p.equalsIgnoreCase("Microsoft-Windows-Security-Auditing")) {
                return Family.SECURITY;
            }
            if (p.equalsIgnoreCase("Microsoft-Windows-Sysmon")) {
                return Family.SYSMON;
            }
            if (p.equalsIgnoreCase("Microsoft-Windows-Windows Defender")) {
                return Family.DEFENDER;
            }
            if (p.equalsIgnoreCase("MsiInstaller")) {
                return Family.MSI;
            }
            if (p.equalsIgnoreCase("Service Control Manager")
                    || p.equalsIgnoreCase("Microsoft-Windows-Service Control Manager")) {
                return Family.SERVICE_CONTROL;
            }
            if (p.equalsIgnoreCase("Microsoft-Windows-WinINet-Config")) {
                return Family.WININET;
            }
        }
        if (c != null) {
            if (p == null && c.equalsIgnoreCase("Security")) {
                return Family.SECURITY;
            }
            if (c.equalsIgnoreCase("Microsoft-Windows-Sysmon/Operational")) {
                return Family.SYSMON;
            }
            if (startsWithIgnoreCase(c, "Microsoft-Windows-Windows Defender/")) {
                return Family.DEFENDER;
            }
            if (startsWithIgnoreCase(c, "Microsoft-Windows-WinINet-Config/")) {
                return Family.WININET;
            }
        }
        return Family.OTHER;
    }

    // ---------------------------------------------------------------- Security log

    private static boolean security(WindowsEvent w, EndpointEvent e) {
        switch (w.eventId) {
            case "4624", "4625" -> {
                boolean ok = w.eventId.equals("4624");
                act(e, ok ? "logged-in" : "logon-failed", "authentication", ok ? "success" : "failure");
                user(e, w.get("TargetUserName"), w.get("TargetDomainName"));
                e.setWinlogLogonType(smallInt(w.get("LogonType")));
                e.setWinlogLogonId(FieldText.logonId(w.get("TargetLogonId")));
                e.setSourceIp(FieldText.ip(w.get("IpAddress")));
                e.setSourceHostname(FieldText.host(w.get("WorkstationName")));
                process(e, w.get("ProcessName"));
            }
            case "4634", "4647" -> {
                act(e, "logged-out", "session", "success");
                user(e, w.get("TargetUserName"), w.get("TargetDomainName"));
                e.setWinlogLogonType(smallInt(w.get("LogonType")));
                e.setWinlogLogonId(FieldText.logonId(w.get("TargetLogonId")));
            }
            case "4648" -> {
                act(e, "logged-in-explicit", "authentication", "success");
                user(e, w.get("SubjectUserName"), w.get("SubjectDomainName"));
                e.setSourceIp(FieldText.ip(w.get("IpAddress")));
                process(e, w.get("ProcessName"));
                String target = account(w.get("TargetUserName"), w.get("TargetDomainName"));
                String server = FieldText.clean(w.get("TargetServerName"), 255);
                if (target != null) {
                    e.setMessage(
                            message("explicit credentials of " + target + (server == null ? "" : " for " + server)));
                }
            }
            case "4768", "4769", "4771" -> {
                long status = FieldText.hexOrDecimal(w.get("Status"));
                boolean ok = !w.eventId.equals("4771") && status == 0;
                String action =
                        switch (w.eventId) {
                            case "4768" -> "kerberos-tgt-requested";
                            case "4769" -> "kerberos-service-ticket-requested";
                            default -> "kerberos-preauth-failed";
                        };
                act(e, action, "authentication", ok ? "success" : "failure");
                user(e, w.get("TargetUserName"), w.get("TargetDomainName"));
                e.setSourceIp(FieldText.ip(w.get("IpAddress")));
            }
            case "4776" -> {
                long status = FieldText.hexOrDecimal(w.get("Status"));
                act(e, "credential-validated", "authentication", status == 0 ? "success" : "failure");
                user(e, w.get("TargetUserName"), null);
                e.setSourceHostname(FieldText.host(w.get("Workstation")));
            }
            case "4720" -> {
                act(e, "user-account-created", "iam", "success");
                user(e, w.get("SubjectUserName"), w.get("SubjectDomainName"));
                String created = account(w.get("TargetUserName"), w.get("TargetDomainName"));
                if (created != null) {
                    e.setMessage(message("account created: " + created));
                }
            }
            case "4740" -> {
                act(e, "user-account-locked", "iam", "success");
                user(e, w.get("TargetUserName"), null);
                // In 4740 TargetDomainName is the caller computer, where the bad passwords came from.
                e.setSourceHostname(FieldText.host(w.get("TargetDomainName")));
            }
            case "4728", "4732", "4756" -> {
                act(e, "group-member-added", "iam", "success");
                user(e, w.get("SubjectUserName"), w.get("SubjectDomainName"));
                String member = FieldText.clean(w.get("MemberName"), 512);
                if (member == null) {
                    member = FieldText.clean(w.get("MemberSid"), 256);
                }
                String group = account(w.get("TargetUserName"), w.get("TargetDomainName"));
                e.setMessage(message("member " + (member == null ? "?" : member) + " added to group "
                        + (group == null ? "?" : group)));
            }
            case "4800", "4801" -> {
                act(e, w.eventId.equals("4800") ? "workstation-locked" : "workstation-unlocked", "session", "success");
                user(e, w.get("TargetUserName"), w.get("TargetDomainName"));
                e.setWinlogLogonId(FieldText.logonId(w.get("TargetLogonId")));
            }
            case "4688" -> {
                act(e, "process-started", "process", "success");
                String subject = FieldText.clean(w.get("SubjectUserName"), 256);
                String target = FieldText.clean(w.get("TargetUserName"), 256);
                // A process a service started on a user's behalf: the subject is the machine account, the target
                // (4688 version 2) is the account the process runs as.
                if (target != null && (subject == null || subject.endsWith("$"))) {
                    user(e, target, w.get("TargetDomainName"));
                } else {
                    user(e, subject, w.get("SubjectDomainName"));
                }
                process(e, w.get("NewProcessName"));
                e.setProcessParentName(FieldText.fileName(FieldText.clean(w.get("ParentProcessName"))));
            }
            case "4656", "4663" -> {
                act(
                        e,
                        w.eventId.equals("4663") ? "object-accessed" : "object-handle-requested",
                        objectCategory(w.get("ObjectType")),
                        w.auditOutcome);
                user(e, w.get("SubjectUserName"), w.get("SubjectDomainName"));
                process(e, w.get("ProcessName"));
                objectTarget(w, e);
            }
            case "5140", "5145" -> {
                act(e, w.eventId.equals("5140") ? "share-accessed" : "share-object-checked", "file", w.auditOutcome);
                user(e, w.get("SubjectUserName"), w.get("SubjectDomainName"));
                e.setSourceIp(FieldText.ip(w.get("IpAddress")));
                e.setShareName(FieldText.clean(w.get("ShareName"), 512));
                String relative = FieldText.clean(w.get("RelativeTargetName"));
                if (relative != null && !relative.equals("\\")) {
                    e.setFilePath(relative);
                }
                if (w.eventId.equals("5145")) {
                    e.setFileAccess(fileAccess(w.get("AccessList"), w.get("AccessMask")));
                }
            }
            case "6416" -> {
                act(e, "external-device-recognized", "host", "success");
                user(e, w.get("SubjectUserName"), w.get("SubjectDomainName"));
                e.setExternalDeviceId(FieldText.clean(w.get("DeviceId"), 512));
                e.setExternalDeviceClass(FieldText.clean(w.get("ClassName"), 128));
                String name = FieldText.clean(w.get("FriendlyName"), 512);
                e.setExternalDeviceName(name != null ? name : FieldText.clean(w.get("DeviceDescription"), 512));
            }
            case "4697" -> {
                act(e, "service-installed", "configuration", "success");
                user(e, w.get("SubjectUserName"), w.get("SubjectDomainName"));
                e.setServiceName(FieldText.clean(w.get("ServiceName"), 256));
                process(e, w.get("ServiceFileName"));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static String objectCategory(String objectType) {
        if (objectType == null || objectType.equalsIgnoreCase("File")) {
            return "file";
        }
        if (objectType.equalsIgnoreCase("Key")) {
            return "registry";
        }
        if (objectType.equalsIgnoreCase("Process")) {
            return "process";
        }
        return null;
    }

    /** 4656/4663: the file (path, drive, access) or the process (e.g. lsass.exe) the handle is for. */
    private static void objectTarget(WindowsEvent w, EndpointEvent e) {
        String type = w.get("ObjectType");
        String name = FieldText.clean(w.get("ObjectName"));
        if (type == null || type.equalsIgnoreCase("File")) {
            e.setFilePath(name);
            e.setFileDriveLetter(FieldText.driveLetter(name));
            e.setFileAccess(fileAccess(w.get("AccessList"), w.get("AccessMask")));
        } else if (type.equalsIgnoreCase("Process")) {
            e.setTargetProcessName(FieldText.fileName(name));
        }
    }

    /**
     * The most telling access in a file access list ({@code %%4417} WriteData ...) or mask (0x2 WriteData, 0x4
     * AppendData, 0x10000 DELETE, 0x1 ReadData).
     */
    static String fileAccess(String accessList, String accessMask) {
        String list = accessList == null ? "" : accessList;
        long mask = FieldText.hexOrDecimal(accessMask);
        if (list.contains("%%4417") || (mask > 0 && (mask & 0x2) != 0)) {
            return "WriteData";
        }
        if (list.contains("%%4418") || (mask > 0 && (mask & 0x4) != 0)) {
            return "AppendData";
        }
        if (list.contains("%%1537") || (mask > 0 && (mask & 0x10000) != 0)) {
            return "DELETE";
        }
        if (list.contains("%%4416") || (mask > 0 && (mask & 0x1) != 0)) {
            return "ReadData";
        }
        return null;
    }

    // ---------------------------------------------------------------- Sysmon

    private static boolean sysmon(WindowsEvent w, EndpointEvent e) {
        switch (w.eventId) {
            case "1" -> {
                act(e, "process-started", "process", "success");
                user(e, w.get("User"), null);
                process(e, w.get("Image"));
                e.setProcessHashSha256(sha256(w.get("Hashes")));
                e.setProcessParentName(FieldText.fileName(FieldText.clean(w.get("ParentImage"))));
            }
            case "10" -> {
                act(e, "process-accessed", "process", "success");
                user(e, w.get("SourceUser"), null);
                process(e, w.get("SourceImage"));
                e.setTargetProcessName(FieldText.fileName(FieldText.clean(w.get("TargetImage"))));
            }
            case "11" -> {
                act(e, "file-created", "file", "success");
                user(e, w.get("User"), null);
                process(e, w.get("Image"));
                String path = FieldText.clean(w.get("TargetFilename"));
                e.setFilePath(path);
                e.setFileDriveLetter(FieldText.driveLetter(path));
                // Creating (or overwriting) a file writes it.
                e.setFileAccess("WriteData");
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The SHA-256 of a Sysmon {@code Hashes} value ("SHA1=..,MD5=..,SHA256=..,IMPHASH=.."), lower-case hex. */
    static String sha256(String hashes) {
        if (hashes == null) {
            return null;
        }
        int n = hashes.length();
        int at = -1;
        for (int i = 0; i + 7 <= n; i++) {
            if (hashes.regionMatches(true, i, "SHA256=", 0, 7)) {
                at = i + 7;
                break;
            }
        }
        if (at < 0) {
            return null;
        }
        int end = at;
        while (end < n && Character.digit(hashes.charAt(end), 16) >= 0) {
            end++;
        }
        return end - at == 64 ? hashes.substring(at, end).toLowerCase(Locale.ROOT) : null;
    }

    // ---------------------------------------------------------------- Defender

    private static boolean defender(WindowsEvent w, EndpointEvent e) {
        switch (w.eventId) {
            case "1116", "1117", "1118", "1119" -> {
                String action =
                        switch (w.eventId) {
                            case "1116" -> "malware-detected";
                            case "1117" -> "malware-action-taken";
                            default -> "malware-action-failed";
                        };
                String outcome =
                        switch (w.eventId) {
                            case "1116" -> null;
                            case "1117" -> "success";
                            default -> "failure";
                        };
                act(e, action, "malware", outcome);
                e.setThreatName(FieldText.clean(w.get("Threat Name", "ThreatName"), 512));
                if (!user(e, w.get("Detection User", "DetectionUser"), null)) {
                    systemUser(w, e);
                }
                String path = defenderPath(w.get("Path"));
                e.setFilePath(path);
                e.setFileDriveLetter(FieldText.driveLetter(path));
                String proc = FieldText.clean(w.get("Process Name", "ProcessName"));
                if (proc != null && !proc.equalsIgnoreCase("Unknown")) {
                    process(e, proc);
                }
                String taken = FieldText.clean(w.get("Action Name", "ActionName"), 128);
                if (taken != null && !taken.equalsIgnoreCase("Not Applicable")) {
                    e.setMessage("action: " + taken);
                }
            }
            case "5007" -> {
                act(e, "antivirus-config-changed", "configuration", "success");
                systemUser(w, e);
                String oldValue = FieldText.clean(w.get("Old Value", "OldValue"), 480);
                String newValue = FieldText.clean(w.get("New Value", "NewValue"), 480);
                e.setMessage(message(
                        "old: " + (oldValue == null ? "" : oldValue) + " new: " + (newValue == null ? "" : newValue)));
            }
            case "5001" -> {
                act(e, "antivirus-realtime-protection-disabled", "configuration", "success");
                systemUser(w, e);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Defender's {@code Path}: "file:_C:\\x.exe; process:_pid:..." gives "C:\\x.exe". */
    private static String defenderPath(String raw) {
        String v = FieldText.clean(raw);
        if (v == null) {
            return null;
        }
        int mark = v.indexOf(":_");
        if (mark > 0 && mark < 20) {
            v = v.substring(mark + 2);
        }
        int semi = v.indexOf(';');
        if (semi >= 0) {
            v = v.substring(0, semi);
        }
        return FieldText.clean(v);
    }

    // ---------------------------------------------------------------- MsiInstaller (Application log)

    private static boolean msiInstaller(WindowsEvent w, EndpointEvent e) {
        String name;
        String version = null;
        String action;
        String outcome;
        switch (w.eventId) {
            case "11707", "11708", "11724", "11725" -> {
                String text = w.dataString(0);
                if (text == null) {
                    text = w.message;
                }
                name = between(text, "Product: ", " -- ");
                boolean install = w.eventId.equals("11707") || w.eventId.equals("11708");
                boolean ok = w.eventId.equals("11707") || w.eventId.equals("11724");
                action = install
                        ? (ok ? "package-installed" : "package-install-failed")
                        : (ok ? "package-removed" : "package-remove-failed");
                outcome = ok ? "success" : "failure";
            }
            case "1033", "1034" -> {
                String status;
                if (w.dataString(0) != null) {
                    name = w.dataString(0);
                    version = w.dataString(1);
                    status = w.dataString(3);
                } else {
                    name = between(w.message, "Product Name: ", ". Product Version: ");
                    version = between(w.message, "Product Version: ", ". Product Language: ");
                    status = between(w.message, "status: ", ".");
                }
                long code = FieldText.hexOrDecimal(status);
                boolean install = w.eventId.equals("1033");
                outcome = code == 0 ? "success" : code > 0 ? "failure" : null;
                action = install
                        ? ("failure".equals(outcome) ? "package-install-failed" : "package-installed")
                        : ("failure".equals(outcome) ? "package-remove-failed" : "package-removed");
            }
            case "1040" -> {
                name = w.dataString(0);
                if (name == null) {
                    name = between(w.message, "transaction: ", ". Client Process Id");
                }
                action = "package-install-started";
                outcome = null;
            }
            default -> {
                return false;
            }
        }
        act(e, action, "package", outcome);
        e.setPackageName(FieldText.clean(name, 512));
        e.setPackageVersion(FieldText.clean(version, 128));
        systemUser(w, e);
        return true;
    }

    /** The text between two markers (to the end when the second is missing), or null. */
    private static String between(String text, String from, String to) {
        if (text == null) {
            return null;
        }
        int a = text.indexOf(from);
        if (a < 0) {
            return null;
        }
        a += from.length();
        int b = text.indexOf(to, a);
        return b < 0 ? text.substring(a) : text.substring(a, b);
    }

    // ---------------------------------------------------------------- System log, WinINet

    private static boolean serviceControl(WindowsEvent w, EndpointEvent e) {
        if (!w.eventId.equals("7045")) {
            return false;
        }
        act(e, "service-installed", "configuration", "success");
        e.setServiceName(FieldText.clean(w.get("ServiceName"), 256));
        process(e, w.get("ImagePath"));
        systemUser(w, e);
        return true;
    }

    private static boolean winInet(WindowsEvent w, EndpointEvent e) {
        if (!w.eventId.equals("5600")) {
            return false;
        }
        act(e, "proxy-config-changed", "configuration", "success");
        systemUser(w, e);
        String proxy = FieldText.clean(w.get("pwszProxy"), 480);
        String pac = FieldText.clean(w.get("pwszAutoConfigUrl"), 480);
        StringBuilder m = new StringBuilder();
        if (proxy != null) {
            m.append("proxy ").append(proxy);
        }
        if (pac != null) {
            m.append(m.length() > 0 ? ", " : "").append("auto-config ").append(pac);
        }
        e.setMessage(m.length() > 0 ? m.toString() : "proxy settings cleared");
        return true;
    }

    // ---------------------------------------------------------------- anything else

    private static void generic(WindowsEvent w, EndpointEvent e) {
        e.setEventAction("windows-event");
        e.setEventOutcome(w.auditOutcome);
        if (!user(e, w.get("SubjectUserName"), w.get("SubjectDomainName"))
                && !user(e, w.get("TargetUserName"), w.get("TargetDomainName"))
                && !user(e, w.get("User"), null)) {
            systemUser(w, e);
        }
    }

    /** What an Elasticsearch ingest pipeline already extracted fills what the event data did not give. */
    private static void ecsFallbacks(WindowsEvent w, EndpointEvent e) {
        if (e.getUserName() == null) {
            user(e, w.ecsUserName, w.ecsUserDomain);
        }
        if (e.getSourceIp() == null) {
            e.setSourceIp(FieldText.ip(w.ecsSourceIp));
        }
        if (e.getSourceHostname() == null) {
            e.setSourceHostname(FieldText.host(w.ecsSourceDomain));
        }
        if (e.getProcessExecutable() == null && e.getProcessName() == null) {
            if (w.ecsProcessExecutable != null) {
                process(e, w.ecsProcessExecutable);
            } else {
                e.setProcessName(FieldText.fileName(FieldText.clean(w.ecsProcessName, 256)));
            }
        }
        if (e.getProcessParentName() == null) {
            e.setProcessParentName(FieldText.fileName(FieldText.clean(w.ecsParentName, 256)));
        }
        if (e.getProcessHashSha256() == null && w.ecsHashSha256 != null) {
            String h = w.ecsHashSha256.strip();
            if (h.length() == 64 && sha256("SHA256=" + h) != null) {
                e.setProcessHashSha256(h.toLowerCase(Locale.ROOT));
            }
        }
        if (e.getEventOutcome() == null && w.ecsOutcome != null) {
            String o = w.ecsOutcome.strip().toLowerCase(Locale.ROOT);
            if (o.equals("success") || o.equals("failure") || o.equals("unknown")) {
                e.setEventOutcome(o);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void act(EndpointEvent e, String action, String category, String outcome) {
        e.setEventAction(action);
        e.setEventCategory(category);
        e.setEventOutcome(outcome);
    }

    /**
     * Sets the account: trimmed, {@code DOMAIN\\user} and {@code user@domain} split, domain lower case.
     *
     * @return false when there is no account (null, empty, "-")
     */
    static boolean user(EndpointEvent e, String name, String domain) {
        String n = FieldText.clean(name, 256);
        if (n == null) {
            return false;
        }
        String d = FieldText.clean(domain, 256);
        int bs = n.indexOf('\\');
        if (bs >= 0) {
            String prefix = n.substring(0, bs).strip();
            n = n.substring(bs + 1).strip();
            if (!prefix.isEmpty()) {
                d = prefix;
            }
        } else {
            int at = n.lastIndexOf('@');
            if (at > 0 && at < n.length() - 1) {
                String suffix = n.substring(at + 1).strip();
                n = n.substring(0, at).strip();
                if (d == null) {
                    d = suffix;
                }
            }
        }
        if (n.isEmpty() || n.equals("-")) {
            return false;
        }
        e.setUserName(n);
        e.setUserDomain(d == null ? null : d.toLowerCase(Locale.ROOT));
        return true;
    }

    /**
     * The account in the event's System element: the name the collector resolved, else the well-known name of the
     * SID, else the SID itself (evtx_dump does not resolve SIDs).
     */
    private static void systemUser(WindowsEvent w, EndpointEvent e) {
        if (user(e, w.userName, w.userDomain)) {
            return;
        }
        String sid = FieldText.clean(w.userSid, 200);
        if (sid == null) {
            return;
        }
        switch (sid.toUpperCase(Locale.ROOT)) {
            case "S-1-5-18" -> user(e, "SYSTEM", "NT AUTHORITY");
            case "S-1-5-19" -> user(e, "LOCAL SERVICE", "NT AUTHORITY");
            case "S-1-5-20" -> user(e, "NETWORK SERVICE", "NT AUTHORITY");
            default -> e.setUserName(sid);
        }
    }

    private static void process(EndpointEvent e, String path) {
        String p = FieldText.clean(path);
        if (p == null) {
            return;
        }
        e.setProcessExecutable(p);
        e.setProcessName(FieldText.fileName(p));
    }

    /** "DOMAIN\\name" for a message, or null. */
    private static String account(String name, String domain) {
        String n = FieldText.clean(name, 256);
        if (n == null) {
            return null;
        }
        String d = FieldText.clean(domain, 256);
        return d == null ? n : d + "\\" + n;
    }

    private static String message(String text) {
        return FieldText.clean(text, FieldText.MAX_MESSAGE);
    }

    private static Integer smallInt(String s) {
        if (s == null) {
            return null;
        }
        String v = s.strip();
        if (v.isEmpty() || v.length() > 4) {
            return null;
        }
        int n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
