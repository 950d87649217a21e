package org.trustwatch.ingest.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MailHeadersTest {

    @Test
    void addressListsWithNamesQuotesCommentsAndGroups() {
        assertEquals(
                List.of(
                        "jsmith@woh.sch.uk",
                        "a.jones@hillcrest.sch.uk",
                        "office@woh.sch.uk",
                        "gov1@woh.sch.uk",
                        "gov2@woh.sch.uk"),
                MailHeaders.addressList(
                        "\"Smith, John\" <JSmith@woh.sch.uk>, a.jones@hillcrest.sch.uk (Mrs Jones),"
                                + " =?utf-8?Q?Office=2C_WOH?= <office@woh.sch.uk>, jsmith@woh.sch.uk,"
                                + " Governors: gov1@woh.sch.uk, gov2@woh.sch.uk;",
                        false));
        assertEquals(List.of(), MailHeaders.addressList("undisclosed-recipients:;", false));
        assertEquals(List.of(), MailHeaders.addressList("John Smith, not an address", false));
    }

    @Test
    void aCutOffLastAddressIsDroppedOnlyWhenTheValueWasCut() {
        assertEquals(List.of("a@woh.sch.uk"), MailHeaders.addressList("a@woh.sch.uk, b@woh.sch.u", true));
        assertEquals(
                List.of("a@woh.sch.uk", "b@woh.sch.u"), MailHeaders.addressList("a@woh.sch.uk, b@woh.sch.u", false));
        assertEquals(
                List.of("a@woh.sch.uk", "b@woh.sch.uk"),
                MailHeaders.addressList("a@woh.sch.uk, B <b@woh.sch.uk>", true));
        assertEquals(List.of("a@woh.sch.uk"), MailHeaders.addressList("a@woh.sch.uk, B <b@woh.sc", true));
    }

    @Test
    void mailboxesAndDisplayNames() {
        assertArrayEquals(
                new String[] {"jsmith@woh.sch.uk", "Smith, \"JJ\" John"},
                MailHeaders.mailbox("\"Smith, \\\"JJ\\\" John\" <jsmith@WOH.sch.uk>"));
        assertArrayEquals(
                new String[] {"jsmith@woh.sch.uk", "John Smith"},
                MailHeaders.mailbox("jsmith@woh.sch.uk (John Smith)"));
        assertArrayEquals(new String[] {"jsmith@woh.sch.uk", null}, MailHeaders.mailbox("<jsmith@woh.sch.uk>"));
        assertNull(MailHeaders.mailbox("Just A Name"));
        assertNull(MailHeaders.mailbox("<not an address>"));
    }

    @Test
    void encodedWords() {
        assertEquals(
                "Grüße – test", MailHeaders.decodeWords("=?utf-8?Q?Gr=C3=BC=C3=9Fe?= =?utf-8?Q?_=E2=80=93?= test"));
        assertEquals("Café", MailHeaders.decodeWords("=?ISO-8859-1?Q?Caf=E9?="));
        assertEquals("Jürgen", MailHeaders.decodeWords("=?UTF-8?B?SsO8cmdlbg==?="));
        assertEquals("Jürgen", MailHeaders.decodeWords("=?UTF-8?B?SsO8cmdlbg?="), "padding is optional");
        assertEquals("ab", MailHeaders.decodeWords("=?utf-8?Q?a?=? =?utf-8?Q?b?="), "Postfix's ? for a fold");
        // Broken or hostile words stay as they are.
        assertEquals("=?x-unknown-charset?Q?abc?=", MailHeaders.decodeWords("=?x-unknown-charset?Q?abc?="));
        assertEquals("=?utf-8?B?!!!?=", MailHeaders.decodeWords("=?utf-8?B?!!!?="));
        assertEquals("=?utf-8?Q?cut", MailHeaders.decodeWords("=?utf-8?Q?cut"));
        assertEquals("plain text", MailHeaders.decodeWords("plain text"));
        String decoded = MailHeaders.decodeWords("=?utf-8?Q?a=0D=0Ab=1B?=");
        assertFalse(decoded.chars().anyMatch(c -> c < 0x20), "no control characters: " + decoded);
    }

    @Test
    void decodingIsLinearOnHostileInput() {
        String hostile = "=?a?q?".repeat(200_000);
        long t0 = System.nanoTime();
        MailHeaders.decodeWords(hostile);
        MailHeaders.addressList("\"".repeat(500_000) + "<".repeat(500_000), true);
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "no quadratic blow-up");
    }

    @Test
    void sensitivityMarkings() {
        assertEquals(
                "Confidential",
                MailHeaders.msipLabel("MSIP_Label_1234_Enabled=true; MSIP_Label_1234_Name=Confidential;"));
        assertEquals("MSIP_Label_1234", MailHeaders.msipLabel("MSIP_Label_1234_Enabled=true; MSIP_Label_1234_Set"));
        assertEquals(
                "OFFICIAL-SENSITIVE",
                MailHeaders.protectiveMarking("VER=2012, NS=gov.uk, SEC=OFFICIAL-SENSITIVE, ORG=woh"));
        assertEquals("PROTECT", MailHeaders.protectiveMarking("PROTECT"));
    }
}
