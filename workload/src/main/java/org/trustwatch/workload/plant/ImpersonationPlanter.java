package org.trustwatch.workload.plant;

import static org.trustwatch.workload.plant.Category.EMAIL_IMPERSONATION;

import java.util.List;
import org.trustwatch.workload.logs.MailHosts;
import org.trustwatch.workload.logs.MailMessage;
import org.trustwatch.workload.trust.Person;

/**
 * C16 (Postfix logs the From header and OpenDMARC's verdict; a trace shows neither): a payment request from outside
 * in the head's name that fails DMARC (the head is the subject), and a teacher sending with a colleague's address in
 * From (the teacher is the subject). Near miss: the head sending as head@, an alias the directory lists as theirs;
 * spam failing DMARC in names nobody at school has comes in every day in the background.
 */
final class ImpersonationPlanter {

    private ImpersonationPlanter() {}

    static List<Scenario> scenarios() {
        return List.of(
                Scenario.postfix(
                        "the head impersonated from outside", EMAIL_IMPERSONATION, ImpersonationPlanter::inbound),
                Scenario.postfix("a colleague's address in From", EMAIL_IMPERSONATION, ImpersonationPlanter::outbound));
    }

    private static void inbound(Plot p) {
        Person head = p.actors().head();
        Person office = Stage.colleague(p, head, 2);
        long t = p.at(8, 20);
        String domain = "invoices-portal.example";
        String[] host = MailHosts.sender(domain);
        p.logs()
                .mail()
                .message(MailMessage.received(
                        t,
                        "billing@" + domain,
                        head.displayName(),
                        p.school().headAddress(),
                        List.of(office.email()),
                        "Urgent: supplier payment today",
                        18_000,
                        host[0],
                        host[1],
                        "fail",
                        Long.toHexString(t * 17 + 3) + "@" + domain));
        p.incident(
                EMAIL_IMPERSONATION,
                head.userId(),
                t,
                "C16.dmarc-impersonation",
                "a payment request in the head's name that failed DMARC");

        p.logs()
                .mail()
                .message(Stage.mail(p, p.at(8, 45), head, List.of(office.email()), "Re: Governors' visit", 20_000)
                        .withFrom(head.displayName(), p.school().headAddress()));
        p.nearMiss(EMAIL_IMPERSONATION, "the head sending as head@, their own alias");
    }

    private static void outbound(Plot p) {
        Person teacher = p.actors().teacher();
        Person colleague = p.actors().teacher();
        Stage.teacherDay(p, teacher);
        Stage.teacherDay(p, colleague);
        long t = p.at(13, 45);
        p.logs()
                .mail()
                .message(Stage.mail(
                                p,
                                t,
                                teacher,
                                List.of("payroll@" + p.d().trust().officeDomain()),
                                "Change of bank details",
                                22_000)
                        .withFrom(colleague.displayName(), colleague.email()));
        p.incident(
                EMAIL_IMPERSONATION,
                teacher.userId(),
                t,
                "C16.sender-spoof",
                "sent with a colleague's address in From (the colleague's pay redirected)");
    }
}
