package org.trustwatch.streams.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.Evidence;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.Role;
import org.trustwatch.streams.incident.Detection;
import org.trustwatch.streams.incident.DetectionCodec;
import org.trustwatch.streams.rule.EntriesCodec;
import org.trustwatch.streams.rule.Entry;
import org.trustwatch.streams.signal.Signal;
import org.trustwatch.streams.signal.SignalCodec;

/** The internal records survive the round trip through their bytes, and bad bytes are refused with a reason. */
class InternalRecordCodecTest {

    private static final Evidence EVIDENCE = Evidence.newBuilder()
            .setTimestamp(Instant.parse("2026-03-09T10:15:00.123Z"))
            .setSource("proxy")
            .setEventHash("9f2c")
            .setSummary("GET https://café.example/ (adult) — blocked " + "x".repeat(70_000))
            .setLogFilePath(null)
            .setLogLine(42L)
            .build();

    private static Signal signal(String value, String phase) {
        return new Signal(
                "C05.burst",
                "jbloggs|adult",
                1_773_051_300_123L,
                IncidentCategory.INAPPROPRIATE_CONTENT,
                null,
                "jbloggs",
                Role.pupil,
                value,
                5_000_000_000L,
                phase,
                4,
                true,
                null,
                EVIDENCE);
    }

    @Test
    void aSignalComesBackEqualWithNullsLongTextAndNonAsciiCharacters() {
        Signal s = signal("Ünïcode ✓", null);
        assertEquals(s, SignalCodec.decode(SignalCodec.encode(s)));
        Signal empty = signal("", "success");
        assertEquals(empty, SignalCodec.decode(SignalCodec.encode(empty)));
    }

    @Test
    void aSignalCarryingCompanionsComesBackWithThemInOrderAndTheirOwnEvidenceWhereItDiffers() {
        Evidence other = Evidence.newBuilder(EVIDENCE)
                .setEventHash("77aa")
                .setSummary("other")
                .build();
        Signal campaign = new Signal(
                "C13.campaign",
                "jbloggs|newsletter",
                1_773_051_300_123L,
                IncidentCategory.MASS_EMAIL,
                "WOH",
                "jbloggs",
                Role.staff,
                "a@x.org\nb@y.org",
                0,
                null,
                0,
                false,
                null,
                EVIDENCE);
        Signal apart = signal("games", "failure");
        Signal bundle = signal("adult", null).withCompanions(java.util.List.of(campaign, signal("x", "y")));
        Signal withOwnEvidence = signal("adult", null)
                .withCompanions(java.util.List.of(new Signal(
                        "C07.guessing",
                        "jbloggs",
                        1L,
                        IncidentCategory.UNAUTHORISED_ACCESS,
                        null,
                        "jbloggs",
                        null,
                        null,
                        0,
                        "success",
                        0,
                        false,
                        null,
                        other)));

        Signal back = SignalCodec.decode(SignalCodec.encode(bundle));
        assertEquals(bundle, back);
        assertEquals(3, back.unbundled().size());
        assertEquals("C05.burst", back.unbundled().get(0).rule());
        assertTrue(back.unbundled().get(0).companions().isEmpty());
        assertEquals(campaign, back.unbundled().get(1));
        assertEquals(
                other,
                SignalCodec.decode(SignalCodec.encode(withOwnEvidence))
                        .companions()
                        .get(0)
                        .evidence());
        assertEquals(
                java.util.List.of(apart),
                SignalCodec.decode(SignalCodec.encode(apart)).unbundled());
    }

    @Test
    void aRuleEntryKeepsWhetherItWasReported() {
        Entry kept = new Entry(signal("adult", null), true);
        String key = EntriesCodec.storeKey(
                EntriesCodec.group(kept.signal().rule(), kept.signal().key()), kept);
        Entry e = EntriesCodec.decode(key, EntriesCodec.encode(kept));
        assertTrue(e.emitted());
        assertEquals(signal("adult", null), e.signal());
    }

    /** What the store key holds (rule, key, event hash) is left out of the value and comes back from the key. */
    @Test
    void aRuleEntryComesBackFromItsKeyAndItsShorterValue() {
        Signal bySubject = new Signal(
                "C13.mass-message",
                "jbloggs",
                1_773_051_300_123L,
                IncidentCategory.MASS_EMAIL,
                "WOH",
                "jbloggs",
                Role.staff,
                "a@example.org,b@example.org,c@example.org,d@example.org,e@example.org,f@example.org",
                6,
                null,
                2,
                false,
                "EX-1",
                EVIDENCE);
        Entry kept = new Entry(bySubject, false);
        String key = EntriesCodec.storeKey(EntriesCodec.group(bySubject.rule(), bySubject.key()), kept);
        byte[] value = EntriesCodec.encode(kept);
        Entry e = EntriesCodec.decode(key, value);
        assertEquals(bySubject, e.signal(), "the recipients, longer than an entry id holds, come back from the value");
        assertTrue(value.length
                < SignalCodec.encode(bySubject).length - EVIDENCE.getEventHash().length());
        Exception bad = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> EntriesCodec.decode("C13.mass-message|jbloggs", value));
        assertTrue(bad.getMessage().contains("reset the application's state"), bad.getMessage());
    }

    @Test
    void aDetectionComesBackEqual() {
        Detection d = new Detection(
                IncidentCategory.DATA_DISCLOSURE,
                "WOH",
                "ip:10.0.0.1",
                null,
                4,
                "C17.upload",
                ">= 20 MB in 1 h",
                Map.of("bytes", "20000000", "window", "PT1H"),
                true,
                true,
                EnumSet.of(AlertRecipientRole.dpo, AlertRecipientRole.headteacher),
                EVIDENCE);
        assertEquals(d, DetectionCodec.decode(DetectionCodec.encode(d)));
    }

    @Test
    void decodedSignalsShareTheirFewValuedTextsButNotTheirOwn() {
        Signal a = SignalCodec.decode(SignalCodec.encode(signal("adult", "burst")));
        Signal b = SignalCodec.decode(SignalCodec.encode(signal("adult", "burst")));
        assertSame(a.rule(), b.rule());
        assertSame(a.phase(), b.phase());
        assertSame(a.evidence().getSource(), b.evidence().getSource());
        // keys, values and summaries differ from event to event: each decode has its own
        assertNotSame(a.key(), b.key());
        assertNotSame(a.evidence().getSummary(), b.evidence().getSummary());
        assertEquals(a, b);
    }

    @Test
    void aFullVocabularyStopsSharingInsteadOfGrowing() {
        Vocabulary words = new Vocabulary(2);
        String first = new String("WOH");
        assertSame(first, words.share(first));
        assertSame(first, words.share(new String("WOH")));
        words.share("KEP");
        String third = new String("SMS");
        assertSame(third, words.share(third));
        assertNotSame(third, words.share(new String("SMS")));
        assertEquals(2, words.size());
        assertNull(words.share(null));
    }

    @Test
    void aTruncatedOrOldRecordIsRefusedWithWhatItIs() {
        byte[] bytes = SignalCodec.encode(signal("adult", null));
        IllegalArgumentException cut = assertThrows(
                IllegalArgumentException.class, () -> SignalCodec.decode(Arrays.copyOf(bytes, bytes.length - 3)));
        assertTrue(cut.getMessage().startsWith("truncated signal record"), cut.getMessage());
        bytes[0] = 1;
        IllegalArgumentException old = assertThrows(IllegalArgumentException.class, () -> SignalCodec.decode(bytes));
        assertTrue(old.getMessage().contains("layout version 1"), old.getMessage());
    }

    @Test
    void sizesUseOneByteBelow128AndStayExactUpToTheLargestInt() {
        for (int n : new int[] {0, 1, 127, 128, 16_383, 16_384, Integer.MAX_VALUE}) {
            BinaryWriter w = new BinaryWriter(1);
            w.writeSize(n).writeLong(-7).writeInt(-1);
            BinaryReader r = new BinaryReader(w.toByteArray(), "test");
            assertEquals(n, r.readSize());
            assertEquals(-7, r.readLong());
            assertEquals(-1, r.readInt());
        }
        assertEquals(1, new BinaryWriter(1).writeSize(127).toByteArray().length);
    }
}
