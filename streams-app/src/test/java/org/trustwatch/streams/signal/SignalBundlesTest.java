package org.trustwatch.streams.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustwatch.schema.Evidence;
import org.trustwatch.schema.IncidentCategory;

/** One event's signals for one partition of the rule stage travel as one record; the others as they were. */
class SignalBundlesTest {

    private static final Evidence LOGON = evidence("endpoint", "e1");

    private static Evidence evidence(String source, String hash) {
        return Evidence.newBuilder()
                .setTimestamp(Instant.parse("2026-03-09T08:40:00Z"))
                .setSource(source)
                .setEventHash(hash)
                .setSummary("4624 logon")
                .setLogFilePath(null)
                .setLogLine(null)
                .build();
    }

    private static Signal signal(String rule, String key, String subject, String exemption, Evidence evidence) {
        return new Signal(
                rule,
                key,
                evidence.getTimestamp().toEpochMilli(),
                IncidentCategory.UNAUTHORISED_ACCESS,
                "WOH",
                subject,
                null,
                null,
                0,
                null,
                0,
                false,
                exemption,
                evidence);
    }

    @Test
    void aLogonsGuessingAndSessionSignalsOfOneAccountTravelTogetherAndTheSourceSignalApart() {
        Signal guessing = signal(Rules.GUESSING, "jbloggs", "jbloggs", null, LOGON);
        Signal spraying = signal(Rules.SPRAYING, "ip:10.0.0.9", "ip:10.0.0.9", null, LOGON);
        Signal sessions = signal(Rules.SESSIONS, "jbloggs", "jbloggs", null, LOGON);

        List<Signal> packed = SignalBundles.pack(List.of(guessing, spraying, sessions));

        assertEquals(2, packed.size());
        assertEquals(List.of(guessing, sessions), packed.get(0).unbundled());
        assertEquals(spraying, packed.get(1));
        assertEquals("jbloggs", SignalBundles.route(packed.get(0)));
    }

    @Test
    void aCampaignSignalIsRoutedByItsSenderAndSoTravelsWithTheSendersRecallSignal() {
        Evidence mail = evidence("mail", "m1");
        Signal recall = signal(Rules.RECALL, "jbloggs", "jbloggs", null, mail);
        Signal campaign = signal(Rules.CAMPAIGN, "jbloggs|newsletter", "jbloggs", null, mail);
        Signal lookalike = signal(Rules.LOOKALIKE_DOMAIN, "WOH", "jbloggs", null, mail);

        List<Signal> packed = SignalBundles.pack(List.of(lookalike, recall, campaign));

        assertEquals(List.of(lookalike, recall.withCompanions(List.of(campaign))), packed);
        assertEquals("jbloggs", SignalBundles.route(campaign));
        assertEquals("jbloggs|newsletter", campaign.key(), "the rule's state stays per sender and subject");
    }

    @Test
    void exemptedLostDeviceInternalAndOtherEventsSignalsAreNeverPacked() {
        Signal guessing = signal(Rules.GUESSING, "jbloggs", "jbloggs", null, LOGON);
        Signal exempted = signal(Rules.SESSIONS, "jbloggs", "jbloggs", "EX-1", LOGON);
        Signal lost = signal(Rules.LOST_DEVICE, "jbloggs", "jbloggs", null, LOGON);
        Signal internal = signal("@ip-session", "jbloggs", "jbloggs", null, LOGON);
        Signal otherSource = signal(Rules.SESSIONS, "jbloggs", "jbloggs", null, evidence("mdm", "e1"));
        List<Signal> signals = List.of(guessing, exempted, lost, internal, otherSource);

        assertSame(signals, SignalBundles.pack(signals));
        List<Signal> one = List.of(guessing);
        assertSame(one, SignalBundles.pack(one));
    }
}
