package org.trustwatch.workload.trust;

import java.util.List;

/**
 * The outside mail domains of the generated trust. They are chosen so that none looks like another (edit distance
 * above 2, no l/1, o/0, rn/m swap between them): background mail must never look misdirected (catalogue C03 a), and
 * a test checks this with the correlation's own look-alike rule.
 */
public final class OutsideDomains {

    private OutsideDomains() {}

    /** Where parents have their mailboxes. */
    public static final List<String> PARENTS = List.of(
            "gmail.com",
            "hotmail.co.uk",
            "outlook.com",
            "yahoo.co.uk",
            "icloud.com",
            "btinternet.com",
            "sky.com",
            "virginmedia.com",
            "talktalk.net");

    /** Exam boards and suppliers every school mails; the trust office and the council are added per trust. */
    public static final List<String> SUPPLIERS = List.of("aqa.org.uk", "pearson.com", "cpoms.co.uk", "parentpay.com");

    /** The partners a school mails on most days: trust office, council, exam boards and suppliers. */
    public static List<String> partners(Trust trust) {
        List<String> all = new java.util.ArrayList<>();
        all.add(trust.officeDomain());
        all.add(trust.councilDomain());
        all.addAll(SUPPLIERS);
        return all;
    }

    /** Every outside domain background mail uses. */
    public static List<String> all(Trust trust) {
        List<String> all = new java.util.ArrayList<>(partners(trust));
        all.addAll(PARENTS);
        return all;
    }

    /** A slip of the finger: the domain with one letter of its first label dropped (edit distance 1). */
    public static String typoOf(String domain) {
        int dot = domain.indexOf('.');
        int drop = Math.max(1, dot / 2);
        return domain.substring(0, drop) + domain.substring(drop + 1);
    }
}
