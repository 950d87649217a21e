package org.trustwatch.workload.logs;

import java.util.List;

/**
 * One message through a school's mail system, whatever logs it.
 *
 * @param envelopeFrom the SMTP sender (MAIL FROM)
 * @param fromName the display name of the From header, or null
 * @param fromAddress the address of the From header
 * @param to the To header's addresses (Postfix header_checks log it; Bcc recipients are in no header)
 * @param cc the Cc header's addresses
 * @param recipients every envelope recipient (RCPT TO), after list expansion
 * @param classification the X-Classification header, or null
 * @param saslUser the authenticated submitter, null for mail that came in from outside
 * @param dmarc OpenDMARC's verdict on inbound mail (pass, fail, none), null for outbound
 * @param tls whether deliveries to outside domains were encrypted
 */
public record MailMessage(
        long time,
        String envelopeFrom,
        String fromName,
        String fromAddress,
        List<String> to,
        List<String> cc,
        List<String> recipients,
        String subject,
        long size,
        String classification,
        String saslUser,
        String clientHost,
        String clientIp,
        String dmarc,
        boolean tls,
        String messageId) {

    /** A message a member of staff sends from school: From is their address, every recipient in To. */
    public static MailMessage sent(
            long time,
            String user,
            String address,
            String clientHost,
            String clientIp,
            List<String> to,
            String subject,
            long size,
            String messageId) {
        return new MailMessage(
                time,
                address,
                null,
                address,
                to,
                List.of(),
                to,
                subject,
                size,
                null,
                user,
                clientHost,
                clientIp,
                null,
                true,
                messageId);
    }

    public MailMessage withCc(List<String> cc) {
        List<String> all = new java.util.ArrayList<>(to);
        all.addAll(cc);
        return new MailMessage(
                time,
                envelopeFrom,
                fromName,
                fromAddress,
                to,
                cc,
                all,
                subject,
                size,
                classification,
                saslUser,
                clientHost,
                clientIp,
                dmarc,
                tls,
                messageId);
    }

    /** Sent to {@code recipients} in Bcc: the To header shows only the sender. */
    public MailMessage withBcc(List<String> bcc) {
        return new MailMessage(
                time,
                envelopeFrom,
                fromName,
                fromAddress,
                List.of(fromAddress),
                List.of(),
                bcc,
                subject,
                size,
                classification,
                saslUser,
                clientHost,
                clientIp,
                dmarc,
                tls,
                messageId);
    }

    public MailMessage withClassification(String label) {
        return new MailMessage(
                time,
                envelopeFrom,
                fromName,
                fromAddress,
                to,
                cc,
                recipients,
                subject,
                size,
                label,
                saslUser,
                clientHost,
                clientIp,
                dmarc,
                tls,
                messageId);
    }

    public MailMessage withoutTls() {
        return new MailMessage(
                time,
                envelopeFrom,
                fromName,
                fromAddress,
                to,
                cc,
                recipients,
                subject,
                size,
                classification,
                saslUser,
                clientHost,
                clientIp,
                dmarc,
                false,
                messageId);
    }

    public MailMessage withFrom(String name, String address) {
        return new MailMessage(
                time,
                envelopeFrom,
                name,
                address,
                to,
                cc,
                recipients,
                subject,
                size,
                classification,
                saslUser,
                clientHost,
                clientIp,
                dmarc,
                tls,
                messageId);
    }

    /** A message that came in from outside: no authenticated user, a verdict from OpenDMARC. */
    public static MailMessage received(
            long time,
            String envelopeFrom,
            String fromName,
            String fromAddress,
            List<String> to,
            String subject,
            long size,
            String clientHost,
            String clientIp,
            String dmarc,
            String messageId) {
        return new MailMessage(
                time,
                envelopeFrom,
                fromName,
                fromAddress,
                to,
                List.of(),
                to,
                subject,
                size,
                null,
                null,
                clientHost,
                clientIp,
                dmarc,
                true,
                messageId);
    }
}
