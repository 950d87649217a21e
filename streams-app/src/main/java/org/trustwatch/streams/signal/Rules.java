package org.trustwatch.streams.signal;

/**
 * The rule families of the incident catalogue: what a signal feeds. The second stage picks the engine by this name;
 * the incident's {@code rule_id} is the family or a more specific id the engine gives (e.g. an escalation).
 */
public final class Rules {

    private Rules() {}

    public static final String LOST_DEVICE = "C01.lost-device";
    public static final String REMOVABLE_WRITE = "C02.removable-write";
    public static final String LOOKALIKE_DOMAIN = "C03.lookalike-domain";
    public static final String RECALL = "C03.recall";
    public static final String VISIBLE_RECIPIENTS = "C03.visible-recipients";
    public static final String INSECURE_TRANSFER = "C04.insecure-transfer";
    public static final String CRITICAL_CONTENT = "C05.critical-content";
    public static final String SELF_HARM = "C05.self-harm";
    public static final String CONTENT_BURST = "C05.burst";
    public static final String CONTENT_LEISURE = "C05.leisure";
    public static final String ANONYMISER_ALLOWED = "C06.anonymiser-allowed";
    public static final String ANONYMISER_BLOCKED = "C06.anonymiser-blocked";
    public static final String BYPASS_PROCESS = "C06.bypass-process";
    public static final String PROXY_SETTING = "C06.proxy-setting";
    public static final String GUESSING = "C07.guessing";
    public static final String SPRAYING = "C07.spraying";
    public static final String ROLE_NOT_ALLOWED = "C07.role-not-allowed";
    public static final String SHARE_FAILURES = "C07.share-failures";
    public static final String SESSIONS = "C08.sessions";
    public static final String MALWARE = "C09.malware";
    public static final String HACKING_TOOL = "C10.hacking-tool";
    public static final String INSTALL = "C11.install";
    public static final String EXTERNAL_DEVICE = "C11.external-device";
    public static final String CLOUD_UPLOAD = "C12.cloud-upload";
    public static final String MASS_MESSAGE = "C13.mass-message";
    public static final String CAMPAIGN = "C13.campaign";
    public static final String SAFEGUARDING = "C14.safeguarding-contact";
    public static final String PERSONAL_USE = "C15.personal-use";
    public static final String DMARC_IMPERSONATION = "C16.dmarc-impersonation";
    public static final String SENDER_SPOOF = "C16.sender-spoof";
    public static final String DISCLOSURE_UPLOAD = "C17.upload";
    public static final String DISCLOSURE_MESSAGE = "C17.sensitive-message";
    public static final String SELF_REPORT = "C18.self-report";

    // phases of the sequence rules
    public static final String LOST = "lost";
    public static final String ACTIVE = "active";
    public static final String RECOVERED = "recovered";
    public static final String FAILURE = "failure";
    public static final String SUCCESS = "success";
    public static final String SENT = "sent";
    public static final String RECALLED = "recall";
    public static final String LOGON = "logon";
    public static final String LOGOFF = "logoff";
    public static final String FOREIGN_LOGON = "foreign-logon";
    public static final String ENTRY = "entry";
    public static final String DETECTION = "detection";
}
