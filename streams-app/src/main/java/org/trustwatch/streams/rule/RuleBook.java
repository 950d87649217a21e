package org.trustwatch.streams.rule;

import java.util.HashMap;
import java.util.Map;
import org.trustwatch.streams.settings.Catalogue;
import org.trustwatch.streams.signal.Rules;

/** Which engine each rule family runs on, with its catalogue thresholds. */
public final class RuleBook {

    private final Map<String, Engine> engines = new HashMap<>();

    public RuleBook() {
        single(Rules.REMOVABLE_WRITE, "files written to removable storage that is not a school-issued encrypted stick");
        single(Rules.VISIBLE_RECIPIENTS, "one message showing many external addresses in To and Cc (not Bcc)");
        single(Rules.INSECURE_TRANSFER, "a message marked sensitive sent outside without TLS, or to personal webmail");
        single(Rules.CRITICAL_CONTENT, "a request to a critical web category (child abuse, terrorism)");
        single(Rules.SELF_HARM, "a request to a self-harm site: a welfare concern for the DSL");
        single(Rules.ANONYMISER_ALLOWED, "an allowed request to an anonymiser (VPN, proxy, Tor)");
        single(Rules.BYPASS_PROCESS, "a VPN, Tor or proxy client started on a school device");
        single(Rules.PROXY_SETTING, "the proxy setting of a school device was changed");
        single(Rules.ROLE_NOT_ALLOWED, "an interactive logon to a device the account's role may not use");
        single(Rules.HACKING_TOOL, "a hacking tool run by an account whose role may not");
        single(Rules.INSTALL, "software installed by an account that may not, and not on the approved list");
        single(Rules.EXTERNAL_DEVICE, "an external device of a class that is not allowed was connected");
        single(Rules.MASS_MESSAGE, "one message to too many recipients, or over the size limit");
        single(Rules.SAFEGUARDING, "staff and pupil writing to each other outside school addresses");
        single(Rules.DMARC_IMPERSONATION, "inbound mail failing DMARC in the name of a member of staff");
        single(Rules.SENDER_SPOOF, "outbound mail whose From address belongs to someone other than the sender");
        single(Rules.DISCLOSURE_MESSAGE, "a large external message marked sensitive");
        single(Rules.SELF_REPORT, "reported by a member of staff");
        engines.put(Rules.LOST_DEVICE, new LostThenActive());
        engines.put(Rules.RECALL, new RecallAfterSent());
        engines.put(
                Rules.CONTENT_BURST,
                WindowThreshold.count(
                        c -> (long) c.get(Catalogue.CONTENT_BURST_COUNT),
                        c -> c.get(Catalogue.CONTENT_BURST_WINDOW),
                        "repeated requests to one inappropriate category in a short window"));
        engines.put(
                Rules.CONTENT_LEISURE,
                WindowThreshold.count(
                        c -> (long) c.get(Catalogue.CONTENT_LEISURE_COUNT),
                        c -> c.get(Catalogue.CONTENT_LEISURE_WINDOW),
                        "many requests to gambling, games or dating in the window"));
        engines.put(
                Rules.ANONYMISER_BLOCKED,
                WindowThreshold.count(
                        c -> (long) c.get(Catalogue.BYPASS_BLOCKED_COUNT),
                        c -> c.get(Catalogue.BYPASS_BLOCKED_WINDOW),
                        "repeated blocked requests to anonymisers"));
        engines.put(Rules.GUESSING, FailuresThenSuccess.guessing());
        engines.put(Rules.SPRAYING, FailuresThenSuccess.spraying());
        engines.put(
                Rules.SHARE_FAILURES,
                WindowThreshold.count(
                        c -> (long) c.get(Catalogue.ACCESS_SHARE_FAILURES),
                        c -> c.get(Catalogue.ACCESS_WINDOW),
                        "repeated access failures on file shares"));
        engines.put(Rules.SESSIONS, new OverlappingSessions());
        engines.put(Rules.MALWARE, new EntryThenDetection());
        engines.put(
                Rules.CLOUD_UPLOAD,
                WindowThreshold.sum(
                        c -> c.get(Catalogue.CLOUD_UPLOAD_BYTES),
                        c -> c.get(Catalogue.CLOUD_UPLOAD_WINDOW),
                        "uploads to unapproved file-sharing services over the limit in the window"));
        engines.put(
                Rules.CAMPAIGN,
                WindowThreshold.distinct(
                        c -> (long) c.get(Catalogue.MASS_SUBJECT_RECIPIENTS),
                        c -> c.get(Catalogue.MASS_SUBJECT_WINDOW),
                        "one subject sent by one sender to many recipients in the window"));
        engines.put(Rules.PERSONAL_USE, new DailyDwell());
        engines.put(
                Rules.DISCLOSURE_UPLOAD,
                WindowThreshold.sum(
                        c -> c.get(Catalogue.DISCLOSURE_UPLOAD_BYTES),
                        c -> c.get(Catalogue.DISCLOSURE_UPLOAD_WINDOW),
                        "uploads outside the approved destinations over the limit in the window"));
    }

    private void single(String rule, String description) {
        engines.put(rule, new SingleMatch(description));
    }

    /** The engine of a rule family; null for C03's look-alike domains, which keep their own history. */
    public Engine engine(String rule) {
        return engines.get(rule);
    }
}
