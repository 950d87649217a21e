package org.trustwatch.streams.signal;

import static org.trustwatch.schema.IncidentCategory.DATA_DISCLOSURE;
import static org.trustwatch.schema.IncidentCategory.EXCESSIVE_PERSONAL_USE;
import static org.trustwatch.schema.IncidentCategory.FILTER_BYPASS;
import static org.trustwatch.schema.IncidentCategory.INAPPROPRIATE_CONTENT;
import static org.trustwatch.schema.IncidentCategory.MALWARE;
import static org.trustwatch.schema.IncidentCategory.UNAPPROVED_CLOUD_STORAGE;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.trustwatch.schema.Evidence;
import org.trustwatch.schema.ProxyEvent;
import org.trustwatch.schema.WebAction;
import org.trustwatch.streams.settings.Catalogue;

/** Web requests -> signals for C05, C06, C09 (downloads), C12, C15 and C17. */
public final class ProxySignals {

    static final String SELF_HARM_CATEGORY = "self-harm";
    static final String ANONYMISER = "anonymiser";
    static final String FILE_SHARING = "file-sharing";

    private static final Set<String> EXECUTABLE_EXTENSIONS =
            Set.of("exe", "msi", "scr", "bat", "cmd", "ps1", "vbs", "js", "jar", "dll", "hta", "com", "pif", "iso");
    private static final Set<String> EXECUTABLE_TYPES = Set.of(
            "application/x-msdownload",
            "application/x-msi",
            "application/x-ms-installer",
            "application/x-dosexec",
            "application/vnd.microsoft.portable-executable",
            "application/java-archive");

    private final SignalMaker maker;
    /** Every web category some rule of some school looks at: the rest is dropped before any lookup. */
    private final Set<String> watched;
    /** The smallest request that counts as an upload at any school: smaller ones are dropped unread. */
    private final long uploadFloor;

    public ProxySignals(SignalMaker maker, Set<String> schoolIds) {
        this.maker = maker;
        this.watched = watchedCategories(maker, schoolIds);
        this.uploadFloor = uploadFloor(maker, schoolIds);
    }

    /**
     * Whether the request can matter to a rule at all, judged from the event alone: a watched category, an upload or
     * an executable download. Everything else (most of the traffic) is dropped here, before identity is resolved.
     */
    public boolean mayMatter(RequestTriage r) {
        if (!counts(r)) {
            return false;
        }
        String category = r.category();
        return (category != null && watched.contains(category))
                || (r.requestBytes() != null && r.requestBytes() >= uploadFloor)
                || isExecutableDownload(r.urlExtension(), r.mimeType());
    }

    /**
     * Catalogue C05: the CONNECT line of a TLS-bumped request (decrypted requests follow it) and 407
     * authentication challenges are not requests of the user.
     */
    static boolean counts(RequestTriage r) {
        Integer status = r.status();
        if (status != null && status == 407) {
            return false;
        }
        boolean connect = "CONNECT".equalsIgnoreCase(r.method());
        String result = r.resultCode();
        boolean bumped = connect
                && result != null
                && result.startsWith("NONE")
                && (r.responseBytes() == null || r.responseBytes() == 0);
        return !bumped;
    }

    public void extract(ProxyEvent e, Identity who, List<Signal> out) {
        String school = who.school(maker.reference());
        String category = e.getWebCategory();
        String subject = who.subject();
        Evidence evidence = EvidenceOf.proxy(e);
        String domain = e.getUrlDomain();
        if (category != null) {
            if (maker.setting(INAPPROPRIATE_CONTENT, Catalogue.CONTENT_CRITICAL, school)
                    .contains(category)) {
                make(Rules.CRITICAL_CONTENT, INAPPROPRIATE_CONTENT, evidence, out, who, subject, domain, category)
                        .severity(maker.setting(INAPPROPRIATE_CONTENT, Catalogue.CONTENT_CRITICAL_SEVERITY, school))
                        .emit();
            } else if (category.equals(SELF_HARM_CATEGORY)) {
                int severity = who.isPupil()
                        ? maker.setting(INAPPROPRIATE_CONTENT, Catalogue.CONTENT_SELF_HARM_PUPIL, school)
                        : maker.setting(INAPPROPRIATE_CONTENT, Catalogue.CONTENT_SELF_HARM_STAFF, school);
                make(Rules.SELF_HARM, INAPPROPRIATE_CONTENT, evidence, out, who, subject, domain, category)
                        .severity(severity)
                        .emit();
            }
            if (maker.setting(INAPPROPRIATE_CONTENT, Catalogue.CONTENT_BURST_CATEGORIES, school)
                    .contains(category)) {
                make(Rules.CONTENT_BURST, INAPPROPRIATE_CONTENT, evidence, out, who, subject, domain, category)
                        .key(subject + "|" + category)
                        .value(category)
                        .emit();
            }
            if (maker.setting(INAPPROPRIATE_CONTENT, Catalogue.CONTENT_LEISURE_CATEGORIES, school)
                    .contains(category)) {
                make(Rules.CONTENT_LEISURE, INAPPROPRIATE_CONTENT, evidence, out, who, subject, domain, category)
                        .key(subject + "|" + category)
                        .value(category)
                        .emit();
            }
            if (category.equals(ANONYMISER)) {
                boolean allowed = e.getWebAction() == WebAction.allowed;
                make(
                                allowed ? Rules.ANONYMISER_ALLOWED : Rules.ANONYMISER_BLOCKED,
                                FILTER_BYPASS,
                                evidence,
                                out,
                                who,
                                subject,
                                domain,
                                category)
                        .emit();
            }
            if (who.isStaff()
                    && maker.setting(EXCESSIVE_PERSONAL_USE, Catalogue.PERSONAL_USE_CATEGORIES, school)
                            .contains(category)) {
                make(Rules.PERSONAL_USE, EXCESSIVE_PERSONAL_USE, evidence, out, who, subject, domain, category)
                        .emit();
            }
        }
        long sent = e.getHttpRequestBytes() == null ? 0 : e.getHttpRequestBytes();
        if (sent > 0) {
            if (FILE_SHARING.equals(category)
                    && sent >= maker.setting(UNAPPROVED_CLOUD_STORAGE, Catalogue.CLOUD_MIN_REQUEST_BYTES, school)
                    && !listed(domain, maker.setting(UNAPPROVED_CLOUD_STORAGE, Catalogue.CLOUD_APPROVED, school))) {
                make(Rules.CLOUD_UPLOAD, UNAPPROVED_CLOUD_STORAGE, evidence, out, who, subject, domain, category)
                        .amount(sent)
                        .emit();
            }
            if (sent >= maker.setting(DATA_DISCLOSURE, Catalogue.DISCLOSURE_MIN_REQUEST_BYTES, school)
                    && (category == null
                            || !maker.setting(DATA_DISCLOSURE, Catalogue.DISCLOSURE_APPROVED_CATEGORIES, school)
                                    .contains(category))) {
                make(Rules.DISCLOSURE_UPLOAD, DATA_DISCLOSURE, evidence, out, who, subject, domain, category)
                        .amount(sent)
                        .breach(true)
                        .emit();
            }
        }
        if (isExecutableDownload(e.getUrlExtension(), e.getHttpResponseMimeType())
                && e.getWebAction() != WebAction.blocked) {
            make(Rules.MALWARE, MALWARE, evidence, out, who, subject, domain, category)
                    .phase(Rules.ENTRY)
                    .emit();
        }
    }

    private SignalMaker.Builder make(
            String rule,
            org.trustwatch.schema.IncidentCategory category,
            Evidence evidence,
            List<Signal> out,
            Identity who,
            String subject,
            String domain,
            String webCategory) {
        return maker.signal(rule, category, evidence, out)
                .who(who, subject)
                .domain(domain)
                .webCategory(webCategory);
    }

    static boolean isExecutableDownload(String ext, String mime) {
        if (ext != null && EXECUTABLE_EXTENSIONS.contains(ext.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return mime != null && EXECUTABLE_TYPES.contains(mime.toLowerCase(Locale.ROOT));
    }

    static boolean listed(String domain, List<String> domains) {
        if (domain == null) {
            return false;
        }
        String d = domain.toLowerCase(Locale.ROOT);
        for (String listed : domains) {
            String l = listed.toLowerCase(Locale.ROOT);
            if (d.equals(l) || d.endsWith("." + l)) {
                return true;
            }
        }
        return false;
    }

    private static long uploadFloor(SignalMaker maker, Set<String> schoolIds) {
        Set<String> schools = new HashSet<>(schoolIds);
        schools.add(null);
        long floor = Long.MAX_VALUE;
        for (String school : schools) {
            floor = Math.min(floor, maker.setting(UNAPPROVED_CLOUD_STORAGE, Catalogue.CLOUD_MIN_REQUEST_BYTES, school));
            floor = Math.min(floor, maker.setting(DATA_DISCLOSURE, Catalogue.DISCLOSURE_MIN_REQUEST_BYTES, school));
        }
        return floor;
    }

    private static Set<String> watchedCategories(SignalMaker maker, Set<String> schoolIds) {
        Set<String> all = new HashSet<>(Set.of(SELF_HARM_CATEGORY, ANONYMISER, FILE_SHARING));
        Set<String> schools = new HashSet<>(schoolIds);
        schools.add(null);
        for (String school : schools) {
            all.addAll(maker.setting(INAPPROPRIATE_CONTENT, Catalogue.CONTENT_CRITICAL, school));
            all.addAll(maker.setting(INAPPROPRIATE_CONTENT, Catalogue.CONTENT_BURST_CATEGORIES, school));
            all.addAll(maker.setting(INAPPROPRIATE_CONTENT, Catalogue.CONTENT_LEISURE_CATEGORIES, school));
            all.addAll(maker.setting(EXCESSIVE_PERSONAL_USE, Catalogue.PERSONAL_USE_CATEGORIES, school));
        }
        return all;
    }
}
