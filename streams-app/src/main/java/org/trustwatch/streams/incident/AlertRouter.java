package org.trustwatch.streams.incident;

import java.util.ArrayList;
import java.util.List;
import org.trustwatch.schema.Alert;
import org.trustwatch.schema.AlertDelivery;
import org.trustwatch.schema.AlertRecipient;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.Incident;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.Role;
import org.trustwatch.schema.School;
import org.trustwatch.schema.privacy.Pseudonyms;
import org.trustwatch.streams.context.ReferenceIndex;
import org.trustwatch.streams.settings.Catalogue;
import org.trustwatch.streams.settings.Settings;

/**
 * Who must be told about an incident change, and how: a new incident, or one whose severity rose, gets an alert (no
 * repeat while it stays open otherwise). Addresses come from the school (headteacher, DSL) and the trust settings
 * (DPO, ICT). A pupil is never named in an alert: the subject is a keyed hash, stable per pupil, that only the
 * triage console can map back.
 */
public final class AlertRouter {

    private final ReferenceIndex reference;
    private final Settings settings;
    private final Pseudonyms pseudonyms;

    public AlertRouter(ReferenceIndex reference, Settings settings, byte[] pseudonymKey) {
        this.pseudonyms = new Pseudonyms(pseudonymKey);
        this.reference = reference;
        this.settings = settings;
    }

    /** The alert for this change of an incident, or null when nobody needs to be told again. */
    public Alert route(Incident before, Incident after) {
        String reason;
        if (before == null) {
            reason = "new";
        } else if (after.getSeverity() > before.getSeverity()) {
            reason = "severity_raised";
        } else {
            return null;
        }
        boolean pupil = after.getSubjectRole() == Role.pupil;
        String subject = pupil ? pseudonyms.of(after.getSubject()) : after.getSubject();
        List<AlertRecipient> recipients = recipients(after);
        boolean immediate = after.getSeverity() >= settings.trust(Catalogue.IMMEDIATE_SEVERITY)
                && after.getCategory() != IncidentCategory.EXCESSIVE_PERSONAL_USE;
        return Alert.newBuilder()
                .setAlertId(after.getIncidentId() + "-v" + after.getVersion())
                .setIncidentId(after.getIncidentId())
                .setCategory(after.getCategory())
                .setSeverity(after.getSeverity())
                .setSchoolId(after.getSchoolId())
                .setSubject(subject)
                .setSubjectPseudonymised(pupil)
                .setRecipients(recipients)
                .setDelivery(immediate ? AlertDelivery.immediate : AlertDelivery.digest)
                .setReason(reason)
                .setSummary(summary(after, subject, reason))
                .setCreatedAt(after.getUpdatedAt())
                .build();
    }

    private List<AlertRecipient> recipients(Incident incident) {
        School school = reference.school(incident.getSchoolId()).orElse(null);
        List<AlertRecipient> out = new ArrayList<>();
        for (AlertRecipientRole role : incident.getNotify()) {
            List<String> addresses =
                    switch (role) {
                        case headteacher ->
                            school == null || school.getHeadteacherEmail() == null
                                    ? List.of()
                                    : List.of(school.getHeadteacherEmail());
                        case dsl ->
                            school == null || school.getDslEmail() == null ? List.of() : List.of(school.getDslEmail());
                        case dpo -> settings.trust(Catalogue.DPO_ADDRESSES);
                        case ict -> settings.trust(Catalogue.ICT_ADDRESSES);
                    };
            addresses.forEach(a -> out.add(new AlertRecipient(role, a)));
        }
        return out;
    }

    private static String summary(Incident i, String subject, String reason) {
        return (reason.equals("new") ? "New " : "Raised to severity " + i.getSeverity() + ": ")
                + i.getCategory().name().toLowerCase().replace('_', ' ') + " at "
                + (i.getSchoolId() == null ? "an unknown school" : i.getSchoolId()) + ", " + subject + ": "
                + i.getRuleDescription() + " (" + i.getEventCount() + " event" + (i.getEventCount() == 1 ? "" : "s")
                + ")" + (i.getBreach() ? "; personal-data breach, ICO decision due " + i.getIcoDeadline() : "");
    }
}
