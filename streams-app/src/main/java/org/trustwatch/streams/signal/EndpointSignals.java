package org.trustwatch.streams.signal;

import static org.trustwatch.schema.IncidentCategory.ACCOUNT_SHARING;
import static org.trustwatch.schema.IncidentCategory.FILTER_BYPASS;
import static org.trustwatch.schema.IncidentCategory.HACKING_TOOLS;
import static org.trustwatch.schema.IncidentCategory.LOST_OR_STOLEN_DEVICE;
import static org.trustwatch.schema.IncidentCategory.MALWARE;
import static org.trustwatch.schema.IncidentCategory.REMOVABLE_MEDIA;
import static org.trustwatch.schema.IncidentCategory.UNAUTHORISED_ACCESS;
import static org.trustwatch.schema.IncidentCategory.UNAUTHORISED_SOFTWARE_OR_HARDWARE;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.trustwatch.schema.DeviceRecord;
import org.trustwatch.schema.DeviceType;
import org.trustwatch.schema.EndpointEvent;
import org.trustwatch.schema.Evidence;
import org.trustwatch.schema.Role;
import org.trustwatch.streams.context.HostContext;
import org.trustwatch.streams.context.IpHistory;
import org.trustwatch.streams.settings.Catalogue;

/**
 * Endpoint, MDM and antivirus events -> signals for C01, C02, C06 (processes, proxy settings), C07, C08, C09, C10
 * and C11. The host's own context (its sessions and recognised sticks) comes from the caller's state store.
 */
public final class EndpointSignals {

    /** Logon types that open an interactive session (catalogue C08): local, remote interactive, cached. */
    static final Set<Integer> INTERACTIVE = Set.of(2, 10, 11);
    /** Logon types whose failures count as guessing (catalogue C07; 5, service, does not). */
    static final Set<Integer> COUNTED_FAILURES = Set.of(2, 3, 10, 11);

    private static final Set<String> STORAGE_CLASSES = Set.of("diskdrive", "wpd", "usbstor", "cdrom", "volume");
    private static final Set<String> LOST_ACTIONS = Set.of("reported_lost", "reported_stolen", "lost_mode_enabled");

    private final SignalMaker maker;

    public EndpointSignals(SignalMaker maker) {
        this.maker = maker;
    }

    /** Whether the event changes the host's context (and so must be stored before extraction). */
    public static boolean updatesHost(EndpointEvent e) {
        return switch (e.getEventAction()) {
            case "logged-in", "logged-out", "external-device-recognized" -> true;
            default -> false;
        };
    }

    /** Records what the event says about its host: sessions and sticks. */
    public static void updateHost(EndpointEvent e, HostContext host) {
        Instant at = e.getTimestamp();
        switch (e.getEventAction()) {
            case "logged-in" -> {
                if (isInteractive(e) && Identity.isPersonAccount(e.getUserName())) {
                    host.sessions().logon(at, Identity.bare(e.getUserName()), e.getHostName(), e.getWinlogLogonId());
                }
            }
            case "logged-out" ->
                host.sessions()
                        .logoff(
                                at,
                                e.getUserName() == null ? null : Identity.bare(e.getUserName()),
                                e.getWinlogLogonId());
            case "external-device-recognized" -> {
                if (isStorage(e)) {
                    host.recognised(at, e.getExternalDeviceId(), e.getExternalDeviceName());
                }
            }
            default -> {}
        }
    }

    public void extract(EndpointEvent e, HostContext host, List<Signal> out) {
        String action = e.getEventAction();
        Evidence evidence = EvidenceOf.endpoint(e);
        Identity who = Identity.resolve(
                maker.reference(),
                e.getUserName(),
                e.getHostName() != null
                        ? e.getHostName()
                        : e.getDeviceId() != null ? e.getDeviceId() : e.getDeviceSerial(),
                e.getHostIp().isEmpty() ? e.getSourceIp() : e.getHostIp().get(0));
        if ("mdm".equals(e.getEventProvider()) || "mdm".equals(e.getEventCode())) {
            mdm(e, evidence, out);
            return;
        }
        switch (action) {
            case "logged-in" -> logon(e, who, evidence, out);
            case "logged-out" -> logoff(e, who, evidence, out);
            case "logon-failed", "kerberos-preauth-failed" -> failure(e, who, evidence, out);
            case "credential-validated" -> {
                if ("failure".equals(e.getEventOutcome())) {
                    failure(e, who, evidence, out);
                }
            }
            case "share-object-checked", "object-handle-requested", "share-accessed" -> {
                if ("failure".equals(e.getEventOutcome()) && who.account() != null) {
                    maker.signal(Rules.SHARE_FAILURES, UNAUTHORISED_ACCESS, evidence, out)
                            .who(who, who.account())
                            .emit();
                }
            }
            case "process-started" -> process(e, who, evidence, out);
            case "process-accessed" -> {
                if (e.getTargetProcessName() != null
                        && e.getTargetProcessName().toLowerCase(Locale.ROOT).endsWith("lsass.exe")) {
                    hackingTool(e, who, evidence, out, "lsass access");
                }
            }
            case "proxy-config-changed" -> {
                if (who.device() != null) {
                    maker.signal(Rules.PROXY_SETTING, FILTER_BYPASS, evidence, out)
                            .who(who, who.account() != null ? who.account() : who.deviceSubject())
                            .emit();
                }
            }
            case "malware-detected", "malware-action-taken", "malware-action-failed" ->
                maker.signal(Rules.MALWARE, MALWARE, evidence, out)
                        .who(who, who.subject())
                        .phase(Rules.DETECTION)
                        .value(e.getThreatName())
                        .emit();
            case "package-installed", "service-installed" -> install(e, who, evidence, out);
            case "external-device-recognized" -> externalDevice(e, who, host, evidence, out);
            case "file-created", "object-accessed" -> removableWrite(e, who, host, evidence, out);
            default -> {}
        }
    }

    private void mdm(EndpointEvent e, Evidence evidence, List<Signal> out) {
        String action = e.getEventAction();
        String phase = LOST_ACTIONS.contains(action)
                ? Rules.LOST
                : action.equals("recovered") ? Rules.RECOVERED : action.equals("check_in") ? Rules.ACTIVE : null;
        if (phase == null) {
            return;
        }
        Optional<DeviceRecord> device = maker.reference()
                .device(e.getDeviceId())
                .or(() -> maker.reference().device(e.getDeviceSerial()))
                .or(() -> maker.reference().device(e.getHostName()));
        lost(device, e.getDeviceId() != null ? e.getDeviceId() : e.getHostName(), phase, evidence, out);
    }

    /** C01 signals are keyed and subjected by the device. */
    public void lost(
            Optional<DeviceRecord> device, String fallbackName, String phase, Evidence evidence, List<Signal> out) {
        String id = device.map(DeviceRecord::getDeviceId).orElse(fallbackName);
        if (id == null) {
            return;
        }
        boolean breach =
                device.map(d -> !d.getEncrypted() || d.getHoldsPersonalData()).orElse(false);
        maker.signal(Rules.LOST_DEVICE, LOST_OR_STOLEN_DEVICE, evidence, out)
                .subject(
                        "device:" + id,
                        null,
                        device.map(DeviceRecord::getSchoolId).orElse(null))
                .device(id)
                .phase(phase)
                .breach(breach)
                .emit();
    }

    private void logon(EndpointEvent e, Identity who, Evidence evidence, List<Signal> out) {
        if (who.account() == null) {
            return;
        }
        Integer type = e.getWinlogLogonType();
        // C01: any logon on a device is activity of that device.
        if (who.device() != null && (type == null || type != 5)) {
            lost(Optional.of(who.device()), null, Rules.ACTIVE, evidence, out);
        }
        // C07: a success after failures, for the account and for the source.
        maker.signal(Rules.GUESSING, UNAUTHORISED_ACCESS, evidence, out)
                .who(who, who.account())
                .phase(Rules.SUCCESS)
                .value(source(e))
                .emit();
        String source = sourceSubject(e);
        if (source != null) {
            maker.signal(Rules.SPRAYING, UNAUTHORISED_ACCESS, evidence, out)
                    .who(who, source)
                    .school(schoolOfSource(e, who))
                    .phase(Rules.SUCCESS)
                    .value(who.account())
                    .emit();
        }
        if (type != null && (type == 2 || type == 10) && who.device() != null) {
            List<Role> allowed = who.device().getAllowedRoles();
            Role role = who.role();
            if (allowed != null && !allowed.isEmpty() && (role == null || !allowed.contains(role))) {
                maker.signal(Rules.ROLE_NOT_ALLOWED, UNAUTHORISED_ACCESS, evidence, out)
                        .who(who, who.account())
                        .severity(maker.setting(
                                UNAUTHORISED_ACCESS, Catalogue.ACCESS_SUCCESS_SEVERITY, who.school(maker.reference())))
                        .emit();
            }
        }
        if (isInteractive(e)) {
            session(e, who, Rules.LOGON, evidence, out);
        }
    }

    private void logoff(EndpointEvent e, Identity who, Evidence evidence, List<Signal> out) {
        if (who.account() != null) {
            session(e, who, Rules.LOGOFF, evidence, out);
        }
    }

    /**
     * C08: sessions go to the account's own state; a logon on a device assigned to someone else also goes to the
     * assignee's state, which knows whether they were logged on elsewhere at the time.
     */
    private void session(EndpointEvent e, Identity who, String phase, Evidence evidence, List<Signal> out) {
        String device = who.deviceId();
        if (device == null) {
            return;
        }
        String location = who.device() == null || who.device().getLocation() == null
                ? ""
                : who.device().getLocation();
        String deviceSchool = who.device() == null || who.device().getSchoolId() == null
                ? ""
                : who.device().getSchoolId();
        String detail = String.join(
                "|",
                device,
                location,
                deviceSchool,
                e.getWinlogLogonId() == null ? "" : e.getWinlogLogonId(),
                who.account());
        maker.signal(Rules.SESSIONS, ACCOUNT_SHARING, evidence, out)
                .who(who, who.account())
                .phase(phase)
                .value(detail)
                .emit();
        String assignee = who.device() == null ? null : who.device().getAssignedUser();
        if (assignee != null && !assignee.isBlank() && !assignee.equalsIgnoreCase(who.account())) {
            maker.signal(Rules.SESSIONS, ACCOUNT_SHARING, evidence, out)
                    .who(who, who.account())
                    .key(assignee.toLowerCase(Locale.ROOT))
                    .phase(phase.equals(Rules.LOGON) ? Rules.FOREIGN_LOGON : Rules.LOGOFF)
                    .value(detail)
                    .emit();
        }
    }

    private void failure(EndpointEvent e, Identity who, Evidence evidence, List<Signal> out) {
        Integer type = e.getWinlogLogonType();
        if (type != null && !COUNTED_FAILURES.contains(type)) {
            return;
        }
        String account = e.getUserName() == null ? null : Identity.bare(e.getUserName());
        if (account == null || account.isBlank() || account.equals("-")) {
            return;
        }
        String accountSubject = who.account() != null ? who.account() : account;
        maker.signal(Rules.GUESSING, UNAUTHORISED_ACCESS, evidence, out)
                .who(who, accountSubject)
                .phase(Rules.FAILURE)
                .value(source(e))
                .emit();
        String source = sourceSubject(e);
        if (source != null) {
            maker.signal(Rules.SPRAYING, UNAUTHORISED_ACCESS, evidence, out)
                    .who(who, source)
                    .school(schoolOfSource(e, who))
                    .phase(Rules.FAILURE)
                    .value(accountSubject)
                    .emit();
        }
    }

    private static String source(EndpointEvent e) {
        return e.getSourceIp() != null ? e.getSourceIp() : e.getSourceHostname();
    }

    /** Spraying's subject: {@code ip:} of the source address, else {@code device:} of the source workstation. */
    private String sourceSubject(EndpointEvent e) {
        String ip = e.getSourceIp();
        if (ip != null && !ip.equals("-") && !ip.equals("127.0.0.1") && !ip.equals("::1")) {
            return "ip:" + ip;
        }
        String host = e.getSourceHostname();
        if (host != null && !host.isBlank() && !host.equals("-")) {
            return maker.reference()
                    .device(host)
                    .map(d -> "device:" + d.getDeviceId())
                    .orElse("device:" + host.toLowerCase(Locale.ROOT));
        }
        return null;
    }

    private String schoolOfSource(EndpointEvent e, Identity who) {
        if (e.getSourceIp() != null) {
            var school = maker.reference().schoolOfIp(e.getSourceIp());
            if (school.isPresent()) {
                return school.get().getSchoolId();
            }
        }
        return who.school(maker.reference());
    }

    private void process(EndpointEvent e, Identity who, Evidence evidence, List<Signal> out) {
        String image = e.getProcessExecutable() != null ? e.getProcessExecutable() : e.getProcessName();
        if (image == null) {
            return;
        }
        String school = who.school(maker.reference());
        String lowerImage = image.toLowerCase(Locale.ROOT);
        String hash = e.getProcessHashSha256() == null
                ? null
                : e.getProcessHashSha256().toLowerCase(Locale.ROOT);
        boolean tool = matchesName(lowerImage, maker.setting(HACKING_TOOLS, Catalogue.HACKING_TOOLS, school))
                || (hash != null
                        && maker.setting(HACKING_TOOLS, Catalogue.HACKING_HASHES, school).stream()
                                .anyMatch(h -> h.equalsIgnoreCase(hash)));
        if (tool) {
            hackingTool(e, who, evidence, out, image);
        }
        if (MailSignals.containsAny(lowerImage, maker.setting(FILTER_BYPASS, Catalogue.BYPASS_PROCESSES, school))
                && who.device() != null) {
            maker.signal(Rules.BYPASS_PROCESS, FILTER_BYPASS, evidence, out)
                    .who(who, who.account() != null ? who.account() : who.deviceSubject())
                    .value(image)
                    .emit();
        }
    }

    private void hackingTool(EndpointEvent e, Identity who, Evidence evidence, List<Signal> out, String what) {
        if (who.account() == null) {
            return;
        }
        List<String> allowed =
                maker.setting(HACKING_TOOLS, Catalogue.HACKING_ALLOWED_ROLES, who.school(maker.reference()));
        Role role = who.role();
        if (role != null && allowed.contains(role.name())) {
            return;
        }
        maker.signal(Rules.HACKING_TOOL, HACKING_TOOLS, evidence, out)
                .who(who, who.account())
                .value(what)
                .emit();
    }

    /** A tool name matches a whole file name or its stem, not any substring (so "john" does not match "johnson.docx"). */
    static boolean matchesName(String lowerImage, List<String> tools) {
        String file = lowerImage.substring(Math.max(lowerImage.lastIndexOf('\\'), lowerImage.lastIndexOf('/')) + 1);
        int stemLength = file.endsWith(".exe") ? file.length() - 4 : file.length();
        for (String tool : tools) {
            // compared in place, without building the variants: this runs for every process start
            int t = tool.length();
            if (!file.regionMatches(true, 0, tool, 0, t)) {
                continue;
            }
            if (t == stemLength || t == file.length()) {
                return true; // the stem or the whole file name
            }
            if (t < stemLength) {
                char next = file.charAt(t);
                boolean suffix = next == '-' || next == '_' || next == '.';
                boolean bits = stemLength == t + 2 && (file.startsWith("64", t) || file.startsWith("32", t));
                if (suffix || bits) {
                    return true;
                }
            }
        }
        return false;
    }

    private void install(EndpointEvent e, Identity who, Evidence evidence, List<Signal> out) {
        // Catalogue: installs by SYSTEM (deployment tools) are not a person's install.
        if (who.account() == null) {
            return;
        }
        String school = who.school(maker.reference());
        Role role = who.role();
        if (role != null
                && maker.setting(UNAUTHORISED_SOFTWARE_OR_HARDWARE, Catalogue.SOFTWARE_INSTALLER_ROLES, school)
                        .contains(role.name())) {
            return;
        }
        String product = e.getPackageName() != null ? e.getPackageName() : e.getServiceName();
        if (product != null
                && MailSignals.containsAny(
                        product,
                        maker.setting(UNAUTHORISED_SOFTWARE_OR_HARDWARE, Catalogue.SOFTWARE_APPROVED, school))) {
            return;
        }
        maker.signal(Rules.INSTALL, UNAUTHORISED_SOFTWARE_OR_HARDWARE, evidence, out)
                .who(who, who.account())
                .value(product)
                .emit();
    }

    private void externalDevice(
            EndpointEvent e, Identity host, HostContext context, Evidence evidence, List<Signal> out) {
        if (isStorage(e)) {
            return; // removable storage is C02's, judged when files are written to it
        }
        String deviceClass = e.getExternalDeviceClass();
        String school = host.school(maker.reference());
        List<String> allowed =
                maker.setting(UNAUTHORISED_SOFTWARE_OR_HARDWARE, Catalogue.SOFTWARE_ALLOWED_CLASSES, school);
        if (deviceClass != null && allowed.stream().anyMatch(c -> c.equalsIgnoreCase(deviceClass))) {
            return;
        }
        // Catalogue clarification: attributed to the account with an interactive session on the host, else the host.
        Optional<IpHistory.Session> session = context.sessions().at(e.getTimestamp());
        Identity who = session.map(s -> Identity.resolve(maker.reference(), s.account(), host.host(), host.ip()))
                .orElse(new Identity(null, null, host.device(), host.host(), host.ip()));
        maker.signal(Rules.EXTERNAL_DEVICE, UNAUTHORISED_SOFTWARE_OR_HARDWARE, evidence, out)
                .who(who, who.account() != null ? who.account() : who.subject())
                .value(deviceClass)
                .emit();
    }

    private void removableWrite(EndpointEvent e, Identity who, HostContext host, Evidence evidence, List<Signal> out) {
        String path = e.getFilePath();
        String letter = e.getFileDriveLetter();
        if (path == null || letter == null || letter.equalsIgnoreCase("C") || who.account() == null) {
            return;
        }
        if (e.getEventAction().equals("object-accessed")
                && (e.getFileAccess() == null
                        || !e.getFileAccess().toLowerCase(Locale.ROOT).contains("write"))) {
            return;
        }
        Optional<HostContext.Storage> stick = host.storageAt(e.getTimestamp());
        if (stick.isEmpty()) {
            return; // not known to be removable
        }
        Optional<DeviceRecord> registered = maker.reference()
                .device(stick.get().instanceId())
                .or(() -> maker.reference().device(serialOf(stick.get().instanceId())));
        if (registered.isPresent()
                && registered.get().getType() == DeviceType.usb_storage
                && registered.get().getEncrypted()) {
            return; // a school-issued encrypted stick is what the policies ask for
        }
        String school = who.school(maker.reference());
        boolean sensitive = MailSignals.containsAny(
                path, maker.setting(REMOVABLE_MEDIA, Catalogue.REMOVABLE_SENSITIVE_PATTERNS, school));
        maker.signal(Rules.REMOVABLE_WRITE, REMOVABLE_MEDIA, evidence, out)
                .who(who, who.account())
                .value(stick.get().instanceId())
                .severity(
                        sensitive ? maker.setting(REMOVABLE_MEDIA, Catalogue.REMOVABLE_SENSITIVE_SEVERITY, school) : 0)
                .breach(sensitive)
                .emit();
    }

    /** {@code USBSTOR\DISK&VEN_X&PROD_Y\SERIAL&0} -> {@code SERIAL}. */
    static String serialOf(String instanceId) {
        if (instanceId == null) {
            return null;
        }
        String last = instanceId.substring(instanceId.lastIndexOf('\\') + 1);
        int amp = last.lastIndexOf('&');
        return amp > 0 ? last.substring(0, amp) : last;
    }

    static boolean isInteractive(EndpointEvent e) {
        return e.getWinlogLogonType() != null && INTERACTIVE.contains(e.getWinlogLogonType());
    }

    static boolean isStorage(EndpointEvent e) {
        String c = e.getExternalDeviceClass();
        return c != null && STORAGE_CLASSES.contains(c.toLowerCase(Locale.ROOT));
    }
}
