package org.trustwatch.ingest.mail;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.trustwatch.ingest.ParseSink;
import org.trustwatch.ingest.RawLine;
import org.trustwatch.schema.MailEvent;
import org.trustwatch.schema.MailRecipient;

/** Keeps what a parser emits, for assertions. */
final class CollectingSink implements ParseSink {

    record Rejected(RawLine line, String reason) {}

    final List<MailEvent> events = new ArrayList<>();
    final List<RawLine> completedBy = new ArrayList<>();
    final List<Rejected> rejected = new ArrayList<>();

    @Override
    public void event(SpecificRecord event, RawLine line) {
        events.add((MailEvent) event);
        completedBy.add(line);
    }

    @Override
    public void reject(RawLine line, String reason) {
        rejected.add(new Rejected(line, reason));
    }

    MailEvent only() {
        if (events.size() != 1) {
            throw new AssertionError("expected one event, got " + events.size() + ": " + events);
        }
        return events.get(0);
    }

    MailEvent byLocalId(String id) {
        return events.stream()
                .filter(e -> id.equals(e.getEmailLocalId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no event with local id " + id + " in " + events));
    }

    static MailRecipient recipient(MailEvent e, String address) {
        return e.getEmailRecipients().stream()
                .filter(r -> r.getAddress().equals(address))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no recipient " + address + " in " + e.getEmailRecipients()));
    }
}
