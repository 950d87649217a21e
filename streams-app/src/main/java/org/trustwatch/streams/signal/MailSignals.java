package org.trustwatch.streams.signal;

import static org.trustwatch.schema.IncidentCategory.DATA_DISCLOSURE;
import static org.trustwatch.schema.IncidentCategory.EMAIL_IMPERSONATION;
import static org.trustwatch.schema.IncidentCategory.INSECURE_TRANSFER;
import static org.trustwatch.schema.IncidentCategory.MALWARE;
import static org.trustwatch.schema.IncidentCategory.MASS_EMAIL;
import static org.trustwatch.schema.IncidentCategory.MISDIRECTED_EMAIL;
import static org.trustwatch.schema.IncidentCategory.SAFEGUARDING_CONTACT;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.trustwatch.schema.DirectoryEntry;
import org.trustwatch.schema.Evidence;
import org.trustwatch.schema.MailEvent;
import org.trustwatch.schema.MailRecipient;
import org.trustwatch.schema.Role;
import org.trustwatch.schema.School;
import org.trustwatch.streams.context.ReferenceIndex;
import org.trustwatch.streams.settings.Catalogue;

/**
 * Messages -> signals for C03, C04, C09 (inbound mail as a likely entry point), C13, C14, C16 and C17. Direction is
 * worked out from the directory and the schools' domains, so sources that do not say it (M365 traces) are read the
 * same way.
 */
public final class MailSignals {

    private final SignalMaker maker;
    private final ReferenceIndex reference;

    public MailSignals(SignalMaker maker) {
        this.maker = maker;
        this.reference = maker.reference();
    }

    public void extract(MailEvent m, List<Signal> out) {
        String senderAddress =
                lower(m.getEmailSenderAddress() != null ? m.getEmailSenderAddress() : m.getEmailFromAddress());
        // M365 traces may name the sender by account ("rhughes2") rather than by address.
        Optional<DirectoryEntry> sender = reference
                .person(m.getUserName())
                .or(() -> reference.personByAddress(senderAddress))
                .or(() -> senderAddress != null && senderAddress.indexOf('@') < 0
                        ? reference.person(senderAddress)
                        : Optional.empty());
        boolean fromSchool = fromSchool(m, senderAddress, sender);
        String school = sender.map(DirectoryEntry::getSchoolId)
                .or(() -> reference.schoolOfAddress(senderAddress).map(School::getSchoolId))
                .orElse(null);
        List<String> recipients = new ArrayList<>();
        for (MailRecipient r : m.getEmailRecipients()) {
            recipients.add(lower(r.getAddress()));
        }
        List<String> external =
                recipients.stream().filter(a -> !reference.isSchoolAddress(a)).toList();
        String senderSubject = sender.map(p -> p.getUserId().toLowerCase(Locale.ROOT))
                .orElse(senderAddress == null ? "unknown" : senderAddress);
        Role senderRole = sender.map(DirectoryEntry::getRole).orElse(null);
        Evidence evidence = EvidenceOf.mail(m);
        String mailSubject = m.getEmailSubject() == null ? "" : m.getEmailSubject();

        if (fromSchool) {
            outbound(m, out, school, recipients, external, senderSubject, senderRole, evidence, mailSubject);
            impersonatedSender(m, out, sender, evidence);
        } else {
            inbound(m, out, recipients, evidence);
        }
        safeguarding(m, out, senderAddress, sender, recipients, evidence);
    }

    private void outbound(
            MailEvent m,
            List<Signal> out,
            String school,
            List<String> recipients,
            List<String> external,
            String senderSubject,
            Role senderRole,
            Evidence evidence,
            String mailSubject) {
        // C03 (a): each external domain, checked against what the school knows (partner list and its own history).
        Set<String> domains = new LinkedHashSet<>();
        external.forEach(a -> domains.add(domainOf(a)));
        domains.remove(null);
        if (school != null) {
            for (String domain : domains) {
                maker.signal(Rules.LOOKALIKE_DOMAIN, MISDIRECTED_EMAIL, evidence, out)
                        .subject(senderSubject, senderRole, school)
                        .key("school:" + school)
                        .value(domain)
                        .domain(domain)
                        .breach(true)
                        .emit();
            }
        }
        // C03 (b): every message, and recalls, by sender.
        boolean recall = containsAny(
                mailSubject, maker.setting(MISDIRECTED_EMAIL, Catalogue.MISDIRECTED_RECALL_SUBJECTS, school));
        if (!recipients.isEmpty()) {
            maker.signal(Rules.RECALL, MISDIRECTED_EMAIL, evidence, out)
                    .subject(senderSubject, senderRole, school)
                    .phase(recall ? Rules.RECALLED : Rules.SENT)
                    .value(String.join(";", recipients))
                    .breach(true)
                    .emit();
        }
        // C03 (c): external addresses everyone can see; unknown To/Cc (M365) cannot fire it.
        if (m.getEmailToAddress() != null || m.getEmailCcAddress() != null) {
            long visible = visible(m).stream()
                    .filter(a -> !reference.isSchoolAddress(a))
                    .distinct()
                    .count();
            if (visible >= maker.setting(MISDIRECTED_EMAIL, Catalogue.MISDIRECTED_VISIBLE_EXTERNAL, school)) {
                maker.signal(Rules.VISIBLE_RECIPIENTS, MISDIRECTED_EMAIL, evidence, out)
                        .subject(senderSubject, senderRole, school)
                        .amount(visible)
                        .breach(true)
                        .emit();
            }
        }
        boolean marked = marked(m, school);
        // C04: marked mail to an external recipient without TLS, or to personal webmail.
        if (marked) {
            List<String> webmail = maker.setting(INSECURE_TRANSFER, Catalogue.INSECURE_WEBMAIL, school);
            boolean toWebmail = external.stream().anyMatch(a -> ProxySignals.listed(domainOf(a), webmail));
            boolean withoutTls = m.getEmailRecipients().stream()
                    .anyMatch(r -> Boolean.FALSE.equals(r.getTls()) && !reference.isSchoolAddress(r.getAddress()));
            if (toWebmail || withoutTls) {
                // The recipient domain, so an exemption with a domain: match can cover it; only when every
                // offending recipient is in that one domain (a message that also went elsewhere stays covered).
                Set<String> offending = new LinkedHashSet<>();
                external.stream()
                        .filter(a -> ProxySignals.listed(domainOf(a), webmail))
                        .forEach(a -> offending.add(domainOf(a)));
                m.getEmailRecipients().stream()
                        .filter(r -> Boolean.FALSE.equals(r.getTls()) && !reference.isSchoolAddress(r.getAddress()))
                        .forEach(r -> offending.add(domainOf(r.getAddress())));
                maker.signal(Rules.INSECURE_TRANSFER, INSECURE_TRANSFER, evidence, out)
                        .subject(senderSubject, senderRole, school)
                        .value(toWebmail ? "personal-webmail" : "no-tls")
                        .domain(offending.size() == 1 ? offending.iterator().next() : null)
                        .breach(true)
                        .emit();
            }
        }
        // C13: recipients of one message, its size, and one subject to many recipients.
        int recipientLimit = maker.setting(MASS_EMAIL, Catalogue.MASS_RECIPIENTS, school);
        long sizeLimit = maker.setting(MASS_EMAIL, Catalogue.MASS_MAX_MESSAGE_BYTES, school);
        if (recipients.size() >= recipientLimit || (m.getEmailSize() != null && m.getEmailSize() > sizeLimit)) {
            maker.signal(Rules.MASS_MESSAGE, MASS_EMAIL, evidence, out)
                    .subject(senderSubject, senderRole, school)
                    .value(recipients.size() >= recipientLimit ? "recipients" : "size")
                    .amount(recipients.size() >= recipientLimit ? recipients.size() : m.getEmailSize())
                    .emit();
        }
        if (!mailSubject.isBlank()) {
            // One signal per message with all its recipients (the rule counts distinct values across them), not one
            // per recipient: mail to several people was the largest share of the rule stage's records.
            maker.signal(Rules.CAMPAIGN, MASS_EMAIL, evidence, out)
                    .subject(senderSubject, senderRole, school)
                    .key(senderSubject + "|" + mailSubject.strip().toLowerCase(Locale.ROOT))
                    .value(String.join(Signal.VALUES_SEPARATOR, new LinkedHashSet<>(recipients)))
                    .emit();
        }
        // C17: a big external message marked sensitive.
        if (marked
                && !external.isEmpty()
                && m.getEmailSize() != null
                && m.getEmailSize() >= maker.setting(DATA_DISCLOSURE, Catalogue.DISCLOSURE_MESSAGE_BYTES, school)) {
            maker.signal(Rules.DISCLOSURE_MESSAGE, DATA_DISCLOSURE, evidence, out)
                    .subject(senderSubject, senderRole, school)
                    .amount(m.getEmailSize())
                    .breach(true)
                    .emit();
        }
    }

    /** C16, outbound: the From address is someone else's than the authenticated sender's. */
    private void impersonatedSender(MailEvent m, List<Signal> out, Optional<DirectoryEntry> sender, Evidence evidence) {
        if (m.getUserName() == null || m.getEmailFromAddress() == null) {
            return;
        }
        Optional<DirectoryEntry> authenticated = reference.person(m.getUserName());
        Optional<DirectoryEntry> from = reference.personByAddress(m.getEmailFromAddress());
        if (authenticated.isPresent()
                && from.isPresent()
                && !authenticated.get().getUserId().equalsIgnoreCase(from.get().getUserId())) {
            DirectoryEntry who = authenticated.get();
            maker.signal(Rules.SENDER_SPOOF, EMAIL_IMPERSONATION, evidence, out)
                    .subject(who.getUserId().toLowerCase(Locale.ROOT), who.getRole(), who.getSchoolId())
                    .value(from.get().getUserId())
                    .emit();
        }
    }

    private void inbound(MailEvent m, List<Signal> out, List<String> recipients, Evidence evidence) {
        // C16, inbound: failing DMARC in a staff member's name (address or display name).
        String dmarc = m.getEmailDmarcResult();
        if (dmarc != null && dmarc.toLowerCase(Locale.ROOT).startsWith("fail")) {
            Optional<DirectoryEntry> impersonated = reference
                    .personByAddress(m.getEmailFromAddress())
                    .or(() -> reference.personByDisplayName(m.getEmailFromName(), MailSignals::isStaffForImpersonation))
                    .or(() -> reference.personByAddress(m.getEmailSenderAddress()))
                    .filter(MailSignals::isStaffForImpersonation);
            impersonated.ifPresent(p -> maker.signal(Rules.DMARC_IMPERSONATION, EMAIL_IMPERSONATION, evidence, out)
                    .subject(p.getUserId().toLowerCase(Locale.ROOT), p.getRole(), p.getSchoolId())
                    .value(m.getEmailFromAddress())
                    .emit());
        }
        // C09: an inbound message is a possible entry point for malware found on the recipient's device.
        for (String recipient : new LinkedHashSet<>(recipients)) {
            reference.personByAddress(recipient).ifPresent(p -> maker.signal(Rules.MALWARE, MALWARE, evidence, out)
                    .subject(p.getUserId().toLowerCase(Locale.ROOT), p.getRole(), p.getSchoolId())
                    .phase(Rules.ENTRY)
                    .emit());
        }
    }

    /** C14: staff and pupil writing to each other where either address is not a school one. */
    private void safeguarding(
            MailEvent m,
            List<Signal> out,
            String senderAddress,
            Optional<DirectoryEntry> sender,
            List<String> recipients,
            Evidence evidence) {
        Optional<DirectoryEntry> from = reference.personByAddress(senderAddress).or(() -> sender);
        if (from.isEmpty() || senderAddress == null) {
            return;
        }
        for (String recipient : new LinkedHashSet<>(recipients)) {
            Optional<DirectoryEntry> to = reference.personByAddress(recipient);
            if (to.isEmpty()) {
                continue;
            }
            DirectoryEntry staff = isStaff(from.get()) && to.get().getRole() == Role.pupil
                    ? from.get()
                    : from.get().getRole() == Role.pupil && isStaff(to.get()) ? to.get() : null;
            boolean personal = !reference.isSchoolAddress(senderAddress) || !reference.isSchoolAddress(recipient);
            if (staff != null && personal) {
                maker.signal(Rules.SAFEGUARDING, SAFEGUARDING_CONTACT, evidence, out)
                        .subject(staff.getUserId().toLowerCase(Locale.ROOT), staff.getRole(), staff.getSchoolId())
                        .value(recipient)
                        .emit();
                return;
            }
        }
    }

    /**
     * Whether a school sent the message: the source's own direction when it gives one (a forged envelope sender on
     * inbound mail stays inbound), else a known sender using a school address or account.
     */
    private boolean fromSchool(MailEvent m, String senderAddress, Optional<DirectoryEntry> sender) {
        String direction = m.getEmailDirection();
        if (direction != null) {
            return !direction.equalsIgnoreCase("inbound");
        }
        return sender.isPresent()
                && (senderAddress == null
                        || senderAddress.indexOf('@') < 0
                        || reference.isSchoolAddress(senderAddress));
    }

    /** Whose name C16 protects: staff, ICT and governors. */
    private static boolean isStaffForImpersonation(DirectoryEntry p) {
        return p.getRole() == Role.staff || p.getRole() == Role.ict || p.getRole() == Role.governor;
    }

    private static boolean isStaff(DirectoryEntry p) {
        return p.getRole() == Role.staff || p.getRole() == Role.ict;
    }

    private boolean marked(MailEvent m, String school) {
        List<String> markers = maker.setting(INSECURE_TRANSFER, Catalogue.INSECURE_MARKERS, school);
        return containsAny(m.getEmailClassification(), markers)
                || containsAny(m.getEmailSubject(), markers)
                || (m.getEmailClassification() != null
                        && !m.getEmailClassification().isBlank()
                        && !m.getEmailClassification().toLowerCase(Locale.ROOT).contains("public")
                        && !m.getEmailClassification().toLowerCase(Locale.ROOT).equals("official"));
    }

    private static List<String> visible(MailEvent m) {
        List<String> all = new ArrayList<>();
        if (m.getEmailToAddress() != null) {
            m.getEmailToAddress().forEach(a -> all.add(lower(a)));
        }
        if (m.getEmailCcAddress() != null) {
            m.getEmailCcAddress().forEach(a -> all.add(lower(a)));
        }
        return all;
    }

    static boolean containsAny(String text, List<String> parts) {
        if (text == null) {
            return false;
        }
        String t = text.toLowerCase(Locale.ROOT);
        for (String part : parts) {
            if (t.contains(part.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    static String domainOf(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        return at < 0 || at == address.length() - 1
                ? null
                : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static String lower(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }
}
