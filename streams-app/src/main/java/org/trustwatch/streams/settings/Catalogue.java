package org.trustwatch.streams.settings;

import static org.trustwatch.streams.settings.Parameter.bytes;
import static org.trustwatch.streams.settings.Parameter.choices;
import static org.trustwatch.streams.settings.Parameter.count;
import static org.trustwatch.streams.settings.Parameter.duration;
import static org.trustwatch.streams.settings.Parameter.list;
import static org.trustwatch.streams.settings.Parameter.severity;
import static org.trustwatch.streams.settings.Parameter.time;

import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.trustwatch.schema.IncidentCategory;

/**
 * Every threshold, window, list and severity of the incident catalogue, with its default. A trust's settings file
 * may change any of them, for the whole trust or for one school.
 */
public final class Catalogue {

    private static final List<String> RECIPIENTS = List.of("headteacher", "dsl", "dpo", "ict");

    private Catalogue() {}

    // ------------------------------------------------------------------ the trust as a whole
    public static final Parameter<Duration> GRACE =
            duration("grace", Duration.ofHours(1), "how late an event may arrive and still be correlated");
    public static final Parameter<Duration> LANE_ALLOWANCE = duration(
            "lane_allowance",
            Duration.ofHours(24),
            "how far the events of one input partition (a source quiet overnight, a partition with no traffic) may"
                    + " fall behind the others and still hold back the pruning of rule state");
    public static final Parameter<Duration> SUPPRESSION_WINDOW = duration(
            "suppression_window", Duration.ofDays(1), "one open incident per category, school and subject per window");
    public static final Parameter<Integer> EVIDENCE_MAX =
            count("evidence_max", 20, 1, "events an incident keeps as evidence; the rest are counted");
    public static final Parameter<Duration> RAW_EVENT_RETENTION =
            duration("raw_event_retention", Duration.ofDays(183), "how long raw events are kept (6 months)");

    public static final Parameter<List<String>> DPO_ADDRESSES =
            list("dpo_addresses", List.of(), "where the data protection officer's alerts go");
    public static final Parameter<List<String>> ICT_ADDRESSES =
            list("ict_addresses", List.of(), "where the trust ICT service's alerts go");
    public static final Parameter<Integer> IMMEDIATE_SEVERITY = severity(
            "immediate_severity", 4, "alerts at or above this severity are sent at once, the rest in the digest");

    public static final List<Parameter<?>> TRUST = List.of(
            GRACE,
            LANE_ALLOWANCE,
            SUPPRESSION_WINDOW,
            EVIDENCE_MAX,
            RAW_EVENT_RETENTION,
            DPO_ADDRESSES,
            ICT_ADDRESSES,
            IMMEDIATE_SEVERITY);

    // ------------------------------------------------------------------ C01 .. C18
    public static final Parameter<Integer> LOST_IN_USE_SEVERITY =
            severity("in_use_severity", 5, "a lost or stolen device seen in use after the report");

    public static final Parameter<Integer> REMOVABLE_SENSITIVE_SEVERITY =
            severity("sensitive_severity", 4, "when a written file name matches sensitive_patterns");
    public static final Parameter<List<String>> REMOVABLE_SENSITIVE_PATTERNS = list(
            "sensitive_patterns",
            List.of("pupil", "SEN", "safeguarding", "medical", "payroll", ".csv", ".xlsx"),
            "case-insensitive parts of file names that make a write sensitive");

    public static final Parameter<Integer> MISDIRECTED_EDIT_DISTANCE =
            count("max_edit_distance", 2, 1, "how near a recipient domain must be to a known one to look mistyped");
    public static final Parameter<Integer> MISDIRECTED_KNOWN_MESSAGES =
            count("known_domain_messages", 5, 1, "messages to a domain that make it known");
    public static final Parameter<Duration> MISDIRECTED_KNOWN_PERIOD =
            duration("known_domain_period", Duration.ofDays(30), "the period those messages count over");
    public static final Parameter<List<String>> MISDIRECTED_PARTNER_DOMAINS =
            list("partner_domains", List.of(), "domains the school works with, known from the first day");
    public static final Parameter<Duration> MISDIRECTED_RECALL_WINDOW =
            duration("recall_window", Duration.ofMinutes(60), "a recall or apology this soon after a message");
    public static final Parameter<List<String>> MISDIRECTED_RECALL_SUBJECTS = list(
            "recall_subjects",
            List.of("Recall:", "sent in error", "wrong recipient", "please delete"),
            "subjects that take a message back");
    public static final Parameter<Integer> MISDIRECTED_VISIBLE_EXTERNAL =
            count("max_visible_external", 10, 1, "external addresses in To and Cc of one message");

    public static final Parameter<List<String>> INSECURE_MARKERS = list(
            "sensitive_markers",
            List.of("OFFICIAL-SENSITIVE", "OFFICIAL SENSITIVE", "CONFIDENTIAL"),
            "classification labels and subject markers of sensitive mail");
    public static final Parameter<List<String>> INSECURE_WEBMAIL = list(
            "personal_webmail_domains",
            List.of(
                    "gmail.com",
                    "googlemail.com",
                    "hotmail.com",
                    "hotmail.co.uk",
                    "outlook.com",
                    "live.com",
                    "live.co.uk",
                    "yahoo.com",
                    "yahoo.co.uk",
                    "icloud.com",
                    "aol.com",
                    "btinternet.com",
                    "proton.me",
                    "protonmail.com"),
            "personal webmail: no marked message may go there");

    public static final Parameter<List<String>> CONTENT_CRITICAL =
            list("critical_categories", List.of("child-abuse", "terrorism"), "one request is an incident");
    public static final Parameter<Integer> CONTENT_CRITICAL_SEVERITY =
            severity("critical_severity", 5, "severity of a critical category request");
    public static final Parameter<Integer> CONTENT_SELF_HARM_PUPIL =
            severity("self_harm_pupil_severity", 4, "one self-harm request by a pupil (a welfare concern)");
    public static final Parameter<Integer> CONTENT_SELF_HARM_STAFF =
            severity("self_harm_staff_severity", 3, "one self-harm request by staff");
    public static final Parameter<List<String>> CONTENT_BURST_CATEGORIES = list(
            "burst_categories",
            List.of("adult", "hate", "violence", "extremism", "weapons", "drugs"),
            "categories counted per subject in burst_window");
    public static final Parameter<Integer> CONTENT_BURST_COUNT = count("burst_count", 5, 1, "requests of one category");
    public static final Parameter<Duration> CONTENT_BURST_WINDOW =
            duration("burst_window", Duration.ofMinutes(10), "window of burst_count");
    public static final Parameter<List<String>> CONTENT_LEISURE_CATEGORIES =
            list("leisure_categories", List.of("gambling", "games", "dating"), "counted in leisure_window");
    public static final Parameter<Integer> CONTENT_LEISURE_COUNT =
            count("leisure_count", 20, 1, "requests of one category");
    public static final Parameter<Duration> CONTENT_LEISURE_WINDOW =
            duration("leisure_window", Duration.ofHours(1), "window of leisure_count");

    public static final Parameter<Integer> BYPASS_BLOCKED_COUNT =
            count("blocked_count", 3, 1, "blocked anonymiser requests");
    public static final Parameter<Duration> BYPASS_BLOCKED_WINDOW =
            duration("blocked_window", Duration.ofMinutes(10), "window of blocked_count");
    public static final Parameter<List<String>> BYPASS_PROCESSES = list(
            "bypass_processes",
            List.of(
                    "\\tor browser\\",
                    "tor.exe",
                    "psiphon",
                    "ultrasurf",
                    "openvpn",
                    "protonvpn",
                    "nordvpn",
                    "expressvpn",
                    "windscribe",
                    "hotspotshield",
                    "wireguard",
                    "hola"),
            "case-insensitive parts of executable paths of VPN, Tor and proxy clients");

    public static final Parameter<Integer> ACCESS_FAILED_LOGONS =
            count("failed_logons", 10, 1, "failed logons of one account (guessing)");
    public static final Parameter<Integer> ACCESS_SPRAYED_ACCOUNTS =
            count("sprayed_accounts", 5, 1, "accounts failing from one source (spraying)");
    public static final Parameter<Duration> ACCESS_WINDOW =
            duration("failure_window", Duration.ofMinutes(10), "window of the failure counts");
    public static final Parameter<Duration> ACCESS_SUCCESS_WINDOW =
            duration("success_window", Duration.ofMinutes(10), "a success this soon after the last failure");
    public static final Parameter<Integer> ACCESS_SUCCESS_SEVERITY =
            severity("success_severity", 4, "failures followed by a success, or a logon the device does not allow");
    public static final Parameter<Integer> ACCESS_SHARE_FAILURES =
            count("share_failures", 20, 1, "share access failures in failure_window");

    public static final Parameter<Duration> SHARING_OVERLAP =
            duration("overlap", Duration.ofMinutes(5), "sessions on two devices overlapping longer than this");

    public static final Parameter<Duration> MALWARE_ENTRY_WINDOW =
            duration("entry_point_window", Duration.ofMinutes(30), "a download or message this soon before");

    public static final Parameter<List<String>> HACKING_TOOLS = list(
            "tools",
            List.of(
                    "mimikatz",
                    "nmap",
                    "zenmap",
                    "wireshark",
                    "tshark",
                    "cain",
                    "hashcat",
                    "john",
                    "hydra",
                    "netexec",
                    "crackmapexec",
                    "rubeus",
                    "kerbrute",
                    "psexec",
                    "procdump",
                    "lazagne",
                    "advanced_ip_scanner",
                    "angryip",
                    "netscan",
                    "keylogger",
                    "ccleaner",
                    "eraser",
                    "sdelete"),
            "case-insensitive parts of process image names");
    public static final Parameter<List<String>> HACKING_HASHES =
            list("tool_hashes", List.of(), "SHA-256 of known tools, upper or lower case");
    public static final Parameter<List<String>> HACKING_ALLOWED_ROLES =
            list("allowed_roles", List.of("ict"), "roles that may run such tools");

    public static final Parameter<List<String>> SOFTWARE_APPROVED =
            list("approved_software", List.of(), "product names that may be installed (case-insensitive parts)");
    public static final Parameter<List<String>> SOFTWARE_ALLOWED_CLASSES = list(
            "allowed_device_classes",
            List.of("Keyboard", "Mouse", "HIDClass", "Monitor", "AudioEndpoint", "Media", "Image", "Printer", "USB"),
            "external device classes anyone may connect (storage is REMOVABLE_MEDIA)");
    public static final Parameter<List<String>> SOFTWARE_INSTALLER_ROLES =
            list("installer_roles", List.of("ict"), "roles that may install software");

    public static final Parameter<Long> CLOUD_UPLOAD_BYTES =
            bytes("upload_bytes", 5_000_000L, "bytes sent to unapproved file-sharing domains (decimal)");
    public static final Parameter<Duration> CLOUD_UPLOAD_WINDOW =
            duration("upload_window", Duration.ofHours(1), "window of upload_bytes");
    public static final Parameter<Long> CLOUD_MIN_REQUEST_BYTES = bytes(
            "min_request_bytes",
            10_000L,
            "a request counts as an upload from this size (request headers alone are about 1 kB)");
    public static final Parameter<List<String>> CLOUD_APPROVED =
            list("approved_domains", List.of(), "file-sharing domains the trust approved");

    public static final Parameter<Integer> MASS_RECIPIENTS =
            count("recipients_per_message", 50, 1, "recipients of one message");
    public static final Parameter<Integer> MASS_SUBJECT_RECIPIENTS =
            count("recipients_per_subject", 50, 1, "distinct recipients of one sender and subject");
    public static final Parameter<Duration> MASS_SUBJECT_WINDOW =
            duration("subject_window", Duration.ofHours(1), "window of recipients_per_subject");
    public static final Parameter<Long> MASS_MAX_MESSAGE_BYTES =
            bytes("max_message_bytes", 2_097_152L, "message size limit (binary: 2 MiB)");

    public static final Parameter<List<String>> PERSONAL_USE_CATEGORIES = list(
            "categories",
            List.of("social-networking", "streaming", "shopping", "games", "dating"),
            "web categories that count as personal use");
    public static final Parameter<Duration> PERSONAL_USE_GAP =
            duration("session_gap", Duration.ofMinutes(5), "a longer pause starts a new session");
    public static final Parameter<Duration> PERSONAL_USE_DAILY =
            duration("daily_limit", Duration.ofMinutes(60), "dwell per working day");
    public static final Parameter<LocalTime> PERSONAL_USE_DAY_START =
            time("working_day_start", LocalTime.of(8, 0), "local time");
    public static final Parameter<LocalTime> PERSONAL_USE_DAY_END =
            time("working_day_end", LocalTime.of(17, 0), "local time");

    public static final Parameter<Long> DISCLOSURE_UPLOAD_BYTES =
            bytes("upload_bytes", 20_000_000L, "bytes sent outside the approved list (decimal)");
    public static final Parameter<Duration> DISCLOSURE_UPLOAD_WINDOW =
            duration("upload_window", Duration.ofHours(1), "window of upload_bytes");
    public static final Parameter<Long> DISCLOSURE_MESSAGE_BYTES =
            bytes("sensitive_message_bytes", 10_000_000L, "an external message marked sensitive");
    public static final Parameter<Long> DISCLOSURE_MIN_REQUEST_BYTES = bytes(
            "min_request_bytes",
            10_000L,
            "a request counts as an upload from this size (request headers alone are about 1 kB)");
    public static final Parameter<List<String>> DISCLOSURE_APPROVED_CATEGORIES =
            list("approved_categories", List.of("education"), "web categories uploads may go to");

    public static final Parameter<Duration> REPORT_LINK_WINDOW =
            duration("link_window", Duration.ofHours(24), "machine evidence this near a report is linked to it");

    private static final Map<IncidentCategory, Integer> SEVERITY = new EnumMap<>(Map.ofEntries(
            Map.entry(IncidentCategory.LOST_OR_STOLEN_DEVICE, 4),
            Map.entry(IncidentCategory.REMOVABLE_MEDIA, 3),
            Map.entry(IncidentCategory.MISDIRECTED_EMAIL, 3),
            Map.entry(IncidentCategory.INSECURE_TRANSFER, 3),
            Map.entry(IncidentCategory.INAPPROPRIATE_CONTENT, 3),
            Map.entry(IncidentCategory.FILTER_BYPASS, 3),
            Map.entry(IncidentCategory.UNAUTHORISED_ACCESS, 3),
            Map.entry(IncidentCategory.ACCOUNT_SHARING, 2),
            Map.entry(IncidentCategory.MALWARE, 4),
            Map.entry(IncidentCategory.HACKING_TOOLS, 4),
            Map.entry(IncidentCategory.UNAUTHORISED_SOFTWARE_OR_HARDWARE, 2),
            Map.entry(IncidentCategory.UNAPPROVED_CLOUD_STORAGE, 3),
            Map.entry(IncidentCategory.MASS_EMAIL, 1),
            Map.entry(IncidentCategory.SAFEGUARDING_CONTACT, 4),
            Map.entry(IncidentCategory.EXCESSIVE_PERSONAL_USE, 1),
            Map.entry(IncidentCategory.EMAIL_IMPERSONATION, 3),
            Map.entry(IncidentCategory.DATA_DISCLOSURE, 4),
            Map.entry(IncidentCategory.SELF_REPORTED, 3)));

    private static final Map<IncidentCategory, List<String>> NOTIFY = new EnumMap<>(Map.ofEntries(
            Map.entry(IncidentCategory.LOST_OR_STOLEN_DEVICE, List.of("headteacher", "dpo")),
            Map.entry(IncidentCategory.REMOVABLE_MEDIA, List.of("headteacher", "dpo")),
            Map.entry(IncidentCategory.MISDIRECTED_EMAIL, List.of("headteacher", "dpo")),
            Map.entry(IncidentCategory.INSECURE_TRANSFER, List.of("dpo")),
            Map.entry(IncidentCategory.INAPPROPRIATE_CONTENT, List.of("headteacher")),
            Map.entry(IncidentCategory.FILTER_BYPASS, List.of("headteacher", "ict")),
            Map.entry(IncidentCategory.UNAUTHORISED_ACCESS, List.of("ict", "headteacher", "dpo")),
            Map.entry(IncidentCategory.ACCOUNT_SHARING, List.of("headteacher")),
            Map.entry(IncidentCategory.MALWARE, List.of("ict", "headteacher")),
            Map.entry(IncidentCategory.HACKING_TOOLS, List.of("ict", "headteacher")),
            Map.entry(IncidentCategory.UNAUTHORISED_SOFTWARE_OR_HARDWARE, List.of("ict")),
            Map.entry(IncidentCategory.UNAPPROVED_CLOUD_STORAGE, List.of("dpo", "headteacher")),
            Map.entry(IncidentCategory.MASS_EMAIL, List.of("headteacher")),
            Map.entry(IncidentCategory.SAFEGUARDING_CONTACT, List.of("dsl", "headteacher")),
            Map.entry(IncidentCategory.EXCESSIVE_PERSONAL_USE, List.of("headteacher")),
            Map.entry(IncidentCategory.EMAIL_IMPERSONATION, List.of("ict")),
            Map.entry(IncidentCategory.DATA_DISCLOSURE, List.of("dpo", "headteacher")),
            Map.entry(IncidentCategory.SELF_REPORTED, List.of("dpo", "headteacher"))));

    private static final Map<IncidentCategory, List<Parameter<?>>> SPECIFIC = new EnumMap<>(Map.ofEntries(
            Map.entry(IncidentCategory.LOST_OR_STOLEN_DEVICE, List.of(LOST_IN_USE_SEVERITY)),
            Map.entry(
                    IncidentCategory.REMOVABLE_MEDIA,
                    List.of(REMOVABLE_SENSITIVE_SEVERITY, REMOVABLE_SENSITIVE_PATTERNS)),
            Map.entry(
                    IncidentCategory.MISDIRECTED_EMAIL,
                    List.of(
                            MISDIRECTED_EDIT_DISTANCE,
                            MISDIRECTED_KNOWN_MESSAGES,
                            MISDIRECTED_KNOWN_PERIOD,
                            MISDIRECTED_PARTNER_DOMAINS,
                            MISDIRECTED_RECALL_WINDOW,
                            MISDIRECTED_RECALL_SUBJECTS,
                            MISDIRECTED_VISIBLE_EXTERNAL)),
            Map.entry(IncidentCategory.INSECURE_TRANSFER, List.of(INSECURE_MARKERS, INSECURE_WEBMAIL)),
            Map.entry(
                    IncidentCategory.INAPPROPRIATE_CONTENT,
                    List.of(
                            CONTENT_CRITICAL,
                            CONTENT_CRITICAL_SEVERITY,
                            CONTENT_SELF_HARM_PUPIL,
                            CONTENT_SELF_HARM_STAFF,
                            CONTENT_BURST_CATEGORIES,
                            CONTENT_BURST_COUNT,
                            CONTENT_BURST_WINDOW,
                            CONTENT_LEISURE_CATEGORIES,
                            CONTENT_LEISURE_COUNT,
                            CONTENT_LEISURE_WINDOW)),
            Map.entry(
                    IncidentCategory.FILTER_BYPASS,
                    List.of(BYPASS_BLOCKED_COUNT, BYPASS_BLOCKED_WINDOW, BYPASS_PROCESSES)),
            Map.entry(
                    IncidentCategory.UNAUTHORISED_ACCESS,
                    List.of(
                            ACCESS_FAILED_LOGONS,
                            ACCESS_SPRAYED_ACCOUNTS,
                            ACCESS_WINDOW,
                            ACCESS_SUCCESS_WINDOW,
                            ACCESS_SUCCESS_SEVERITY,
                            ACCESS_SHARE_FAILURES)),
            Map.entry(IncidentCategory.ACCOUNT_SHARING, List.of(SHARING_OVERLAP)),
            Map.entry(IncidentCategory.MALWARE, List.of(MALWARE_ENTRY_WINDOW)),
            Map.entry(IncidentCategory.HACKING_TOOLS, List.of(HACKING_TOOLS, HACKING_HASHES, HACKING_ALLOWED_ROLES)),
            Map.entry(
                    IncidentCategory.UNAUTHORISED_SOFTWARE_OR_HARDWARE,
                    List.of(SOFTWARE_APPROVED, SOFTWARE_ALLOWED_CLASSES, SOFTWARE_INSTALLER_ROLES)),
            Map.entry(
                    IncidentCategory.UNAPPROVED_CLOUD_STORAGE,
                    List.of(CLOUD_UPLOAD_BYTES, CLOUD_UPLOAD_WINDOW, CLOUD_MIN_REQUEST_BYTES, CLOUD_APPROVED)),
            Map.entry(
                    IncidentCategory.MASS_EMAIL,
                    List.of(MASS_RECIPIENTS, MASS_SUBJECT_RECIPIENTS, MASS_SUBJECT_WINDOW, MASS_MAX_MESSAGE_BYTES)),
            Map.entry(IncidentCategory.SAFEGUARDING_CONTACT, List.of()),
            Map.entry(
                    IncidentCategory.EXCESSIVE_PERSONAL_USE,
                    List.of(
                            PERSONAL_USE_CATEGORIES,
                            PERSONAL_USE_GAP,
                            PERSONAL_USE_DAILY,
                            PERSONAL_USE_DAY_START,
                            PERSONAL_USE_DAY_END)),
            Map.entry(IncidentCategory.EMAIL_IMPERSONATION, List.of()),
            Map.entry(
                    IncidentCategory.DATA_DISCLOSURE,
                    List.of(
                            DISCLOSURE_UPLOAD_BYTES,
                            DISCLOSURE_UPLOAD_WINDOW,
                            DISCLOSURE_MESSAGE_BYTES,
                            DISCLOSURE_MIN_REQUEST_BYTES,
                            DISCLOSURE_APPROVED_CATEGORIES)),
            Map.entry(IncidentCategory.SELF_REPORTED, List.of(REPORT_LINK_WINDOW))));

    private static final Map<IncidentCategory, Parameter<Integer>> SEVERITY_PARAMETER =
            new EnumMap<>(IncidentCategory.class);
    private static final Map<IncidentCategory, Parameter<List<String>>> NOTIFY_PARAMETER =
            new EnumMap<>(IncidentCategory.class);

    static {
        for (IncidentCategory category : SPECIFIC.keySet()) {
            SEVERITY_PARAMETER.put(category, severity("severity", SEVERITY.get(category), "default severity"));
            NOTIFY_PARAMETER.put(category, choices("notify", NOTIFY.get(category), RECIPIENTS, "who is told"));
        }
    }

    /** The categories of the catalogue, in its order. */
    public static List<IncidentCategory> categories() {
        return List.copyOf(SPECIFIC.keySet());
    }

    /** A category's default severity, as a setting. */
    public static Parameter<Integer> severityOf(IncidentCategory category) {
        return SEVERITY_PARAMETER.get(category);
    }

    /** Who a category's incidents go to, as a setting. */
    public static Parameter<List<String>> notifyOf(IncidentCategory category) {
        return NOTIFY_PARAMETER.get(category);
    }

    /** Every setting of a category: its severity, recipients and its rule's thresholds. */
    public static List<Parameter<?>> parametersOf(IncidentCategory category) {
        List<Parameter<?>> all = new java.util.ArrayList<>();
        all.add(SEVERITY_PARAMETER.get(category));
        all.add(NOTIFY_PARAMETER.get(category));
        all.addAll(SPECIFIC.getOrDefault(category, List.of()));
        return all;
    }
}
