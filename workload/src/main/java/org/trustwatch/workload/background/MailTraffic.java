package org.trustwatch.workload.background;

import java.util.ArrayList;
import java.util.List;
import org.trustwatch.workload.activity.SchoolDay;
import org.trustwatch.workload.logs.MailHosts;
import org.trustwatch.workload.logs.MailMessage;
import org.trustwatch.workload.trust.OutsideDomains;
import org.trustwatch.workload.trust.Person;
import org.trustwatch.workload.trust.School;

/**
 * Background mail of one school: staff writing to colleagues, to the other schools of the trust, to parents, to
 * partners and now and then to pupils' school addresses; parents, partners and newsletters writing in; spam that fails
 * DMARC under names nobody at school has; the head's Friday newsletter to parents in Bcc; some staff mail in the
 * evening and at weekends from home. None of it breaks a rule: no marked mail leaves the trust, no message is near a
 * size or recipient limit, staff and pupils write to each other only between school addresses.
 */
public final class MailTraffic {

    private MailTraffic() {}

    static final String[] INTERNAL = {
        "Staff meeting agenda",
        "Cover for Thursday",
        "Re: Cover for Thursday",
        "Year 9 reports deadline",
        "Trip consent forms",
        "Re: Parents evening slots",
        "Timetable change",
        "INSET day plan",
        "Data drop reminder",
        "Lunch duty rota",
        "Minutes: curriculum meeting",
        "Re: Behaviour log",
        "Fire drill on Wednesday",
        "Sports day volunteers",
        "Re: Department budget"
    };
    static final String[] TO_PARENTS = {
        "Homework this week",
        "Re: Absence today",
        "Reading record",
        "Re: Uniform question",
        "Trip payment reminder",
        "Re: Meeting on Tuesday",
        "Well done this week"
    };
    static final String[] TO_PARTNERS = {
        "Attendance return",
        "Admissions update",
        "Exam entries",
        "Re: Invoice 20931",
        "Training booking",
        "Re: Staffing return",
        "Free school meals list query"
    };
    static final String[] FROM_PARENTS = {
        "Absence today",
        "Question about homework",
        "Re: Homework this week",
        "Doctor's appointment",
        "Thank you",
        "Lunch money"
    };
    static final String[][] SPAM = {
        {"Microsoft 365 Security", "Your mailbox is almost full"},
        {"DHL Express", "Parcel delivery attempt failed"},
        {"HMRC Refunds", "You are due a tax refund"},
        {"Apple Support", "Your Apple ID has been locked"}
    };
    static final String[][] PARTNER_BOXES = {
        {"admissions", "council"}, {"attendance", "council"}, {"exams", "aqa.org.uk"},
        {"customer.services", "pearson.com"}, {"support", "cpoms.co.uk"}, {"help", "parentpay.com"},
        {"hr", "office"}, {"finance", "office"}
    };

    /** A school day's mail of one member of staff, between {@code arrive} and {@code leave}. */
    public static void staffDay(SchoolDay d, Person p, long arrive, long leave) {
        int n = 4 + d.random().nextInt(9);
        for (int i = 0; i < n; i++) {
            long t = d.between(arrive + 300_000, leave - 300_000);
            outbound(d, p, t, false);
        }
        int in = 2 + d.random().nextInt(6);
        for (int i = 0; i < in; i++) {
            inbound(d, p, d.between(d.day().at(6, 30), d.day().at(18, 30)));
        }
        if (d.random().nextInt(100) < 25) {
            outbound(d, p, d.between(d.day().at(18, 30), d.day().at(21, 45)), true);
        }
    }

    /** Weekend: a fifth of the staff answer a message or two from home. */
    public static void weekend(SchoolDay d) {
        for (Person p : d.school().staff()) {
            if (d.random().nextInt(100) < 20) {
                int n = 1 + d.random().nextInt(2);
                for (int i = 0; i < n; i++) {
                    outbound(d, p, d.between(d.day().at(9, 0), d.day().at(21, 0)), true);
                }
            }
        }
    }

    /** Spam through the day: fails DMARC, but in no staff member's name. */
    public static void spam(SchoolDay d) {
        List<Person> staff = d.school().staff();
        int n = 3 + d.random().nextInt(5);
        for (int i = 0; i < n; i++) {
            String[] spam = SPAM[d.random().nextInt(SPAM.length)];
            String domain = "notify-" + (100 + d.random().nextInt(900)) + ".example.com";
            String[] host = MailHosts.sender(domain);
            Person to = staff.get(d.random().nextInt(staff.size()));
            if (d.reservations().reserved(d.day().index(), to.userId())) {
                continue; // mail in, too, is linked to a planted incident (C09's entry point): keep out of it
            }
            d.logs()
                    .mail()
                    .message(MailMessage.received(
                            d.between(d.day().at(0, 30), d.day().at(23, 30)),
                            "bounce@" + domain,
                            spam[0],
                            "no-reply@" + domain,
                            List.of(to.email()),
                            spam[1],
                            9_000 + d.random().nextInt(30_000),
                            host[0],
                            host[1],
                            "fail",
                            d.messageId()));
        }
    }

    /** The head's Friday newsletter to parents, in Bcc, to fewer than C13's 50 recipients. */
    public static void newsletter(SchoolDay d, Person head, long t) {
        List<String> parents = new ArrayList<>();
        for (Person pupil : d.school().pupils()) {
            if (parents.size() < 45 && !parents.contains(pupil.parentEmail())) {
                parents.add(pupil.parentEmail());
            }
        }
        d.logs()
                .mail()
                .message(MailMessage.sent(
                                t,
                                head.userId(),
                                head.email(),
                                d.clientHost(head, false),
                                d.clientIp(head, false),
                                List.of(head.email()),
                                "Weekly newsletter",
                                1_400_000,
                                d.messageId())
                        .withBcc(parents));
    }

    static void outbound(SchoolDay d, Person p, long t, boolean atHome) {
        School school = d.school();
        int kind = d.random().nextInt(100);
        List<String> to = new ArrayList<>();
        String subject;
        if (kind < 60) {
            int n = 1 + d.random().nextInt(3);
            for (int i = 0; i < n; i++) {
                to.add(colleague(d, school, p).email());
            }
            subject = INTERNAL[d.random().nextInt(INTERNAL.length)];
        } else if (kind < 68 && d.trust().schools().size() > 1) {
            School other = d.trust()
                    .schools()
                    .get(d.random().nextInt(d.trust().schools().size()));
            to.add(colleague(d, other, p).email());
            subject = INTERNAL[d.random().nextInt(INTERNAL.length)];
        } else if (kind < 84) {
            to.add(school.pupils()
                    .get(d.random().nextInt(school.pupils().size()))
                    .parentEmail());
            subject = TO_PARENTS[d.random().nextInt(TO_PARENTS.length)];
        } else if (kind < 96) {
            String[] box = PARTNER_BOXES[d.random().nextInt(PARTNER_BOXES.length)];
            String domain = box[1].equals("council")
                    ? d.trust().councilDomain()
                    : box[1].equals("office") ? d.trust().officeDomain() : box[1];
            to.add(box[0] + "@" + domain);
            subject = TO_PARTNERS[d.random().nextInt(TO_PARTNERS.length)];
        } else {
            to.add(school.pupils()
                    .get(d.random().nextInt(school.pupils().size()))
                    .email());
            subject = "Feedback on your work";
        }
        to = new ArrayList<>(new java.util.LinkedHashSet<>(to));
        long size = d.random().nextInt(100) < 12
                ? 150_000 + d.random().nextInt(1_600_000)
                : 6_000 + d.random().nextInt(60_000);
        MailMessage m = MailMessage.sent(
                t,
                p.userId(),
                p.email(),
                d.clientHost(p, atHome),
                d.clientIp(p, atHome),
                to,
                subject,
                size,
                d.messageId());
        if (p == school.dsl() && kind < 60 && d.random().nextInt(100) < 30) {
            // marked mail that stays inside the trust is what the policies ask for (C04 raises nothing)
            m = new MailMessage(
                    m.time(),
                    m.envelopeFrom(),
                    null,
                    m.fromAddress(),
                    m.to(),
                    m.cc(),
                    m.recipients(),
                    "Safeguarding update",
                    m.size(),
                    "OFFICIAL-SENSITIVE",
                    m.saslUser(),
                    m.clientHost(),
                    m.clientIp(),
                    null,
                    true,
                    m.messageId());
        }
        d.logs().mail().message(m);
    }

    static void inbound(SchoolDay d, Person to, long t) {
        boolean parent = d.random().nextInt(100) < 65;
        String from;
        String name;
        String subject;
        if (parent) {
            Person pupil = d.school()
                    .pupils()
                    .get(d.random().nextInt(d.school().pupils().size()));
            from = pupil.parentEmail();
            name = null;
            subject = FROM_PARENTS[d.random().nextInt(FROM_PARENTS.length)];
        } else {
            List<String> partners = OutsideDomains.partners(d.trust());
            String domain = partners.get(d.random().nextInt(partners.size()));
            from = "office@" + domain;
            name = null;
            subject = TO_PARTNERS[d.random().nextInt(TO_PARTNERS.length)];
        }
        String domain = from.substring(from.indexOf('@') + 1);
        String[] host = MailHosts.sender(domain);
        d.logs()
                .mail()
                .message(MailMessage.received(
                        t,
                        from,
                        name,
                        from,
                        List.of(to.email()),
                        subject,
                        8_000 + d.random().nextInt(90_000),
                        host[0],
                        host[1],
                        "pass",
                        d.messageId()));
    }

    private static Person colleague(SchoolDay d, School school, Person not) {
        List<Person> staff = school.staff();
        int i = d.random().nextInt(staff.size());
        return staff.get(i) == not ? staff.get((i + 1) % staff.size()) : staff.get(i);
    }
}
