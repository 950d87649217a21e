package org.trustwatch.streams.rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trustwatch.schema.AlertRecipientRole;
import org.trustwatch.schema.IncidentCategory;
import org.trustwatch.schema.Role;
import org.trustwatch.streams.context.ReferenceIndex;
import org.trustwatch.streams.incident.Detection;
import org.trustwatch.streams.settings.Catalogue;
import org.trustwatch.streams.settings.Settings;
import org.trustwatch.streams.signal.Rules;
import org.trustwatch.streams.signal.Signal;

/**
 * The second stage without Kafka: one signal into the state kept for its key, out come the state to keep and the
 * detections. Keeps the entries sorted by event time, drops a duplicate of an event already kept, forgets entries
 * that can no longer matter (their retention plus the grace behind stream time), and reports each event at most
 * once.
 */
public final class RuleEvaluator {

    /** A bound on one key's state; past it the oldest entries go first. */
    static final int MAX_ENTRIES = 5_000;

    /** The order of a key's entries that the engines expect: by event time, ties by event. */
    public static final Comparator<Entry> BY_TIME = (a, b) -> {
        // written out: a comparator chain of lambdas was 2 % of the stream thread (every signal is inserted in order)
        int byTime = Long.compare(a.time(), b.time());
        return byTime != 0
                ? byTime
                : a.signal().eventHash().compareTo(b.signal().eventHash());
    };

    /**
     * @param state the key's entries after the signal, sorted by event time
     * @param changed the entries to write: the new one, and those newly reported (their flag changed)
     * @param removed the entries to forget: out of their retention, or past the bound
     */
    public record Result(List<Entry> state, List<Detection> detections, List<Entry> changed, List<Entry> removed) {

        static Result unchanged(List<Entry> state, List<Detection> detections) {
            return new Result(state, detections, List.of(), List.of());
        }
    }

    private final Settings settings;
    private final ReferenceIndex reference;
    private final RuleBook book;
    private final Map<String, Map<String, String>> thresholdCache = new HashMap<>();

    public RuleEvaluator(Settings settings, ReferenceIndex reference, RuleBook book) {
        this.settings = settings;
        this.reference = reference;
        this.book = book;
    }

    public RuleContext contextOf(Signal signal) {
        return contextOf(signal, Long.MAX_VALUE);
    }

    private RuleContext contextOf(Signal signal, long knownUntil) {
        return new RuleContext(settings, reference, signal.category(), signal.schoolId(), knownUntil);
    }

    /**
     * @param state the key's entries (null: none); the list is changed in place and returned
     * @param knownUntil the event time every partition of the signal's source has reached ({@link RuleContext})
     */
    public Result apply(Signal signal, List<Entry> state, long streamTime, long knownUntil) {
        Engine engine = book.engine(signal.rule());
        if (engine == null) {
            throw new IllegalArgumentException("no rule family " + signal.rule());
        }
        RuleContext context = contextOf(signal, knownUntil);
        if (!engine.stateful()) {
            Entry only = new Entry(signal, false);
            return Result.unchanged(null, detections(engine.evaluate(List.of(only), context), context));
        }
        List<Entry> entries = state == null ? new ArrayList<>() : state;
        for (Entry e : entries) {
            if (e.sameEvent(signal)) {
                return Result.unchanged(entries, List.of()); // a duplicated event
            }
        }
        Entry added = new Entry(signal, false);
        entries.add(insertionPoint(entries, added), added);
        long grace = settings.trust(Catalogue.GRACE).toMillis();
        List<Entry> removed = new ArrayList<>(0);
        // Only entries older than the grace can have expired, and the entries are sorted by time: the walk stops at
        // the first younger one instead of asking every entry of the key for its retention on every signal.
        // The signal itself is judged before it may be forgotten: only a rule with a late allowance
        // (Engine#lateAllowance) gets a signal this old, and it must meet the state kept for it once.
        long horizon = streamTime - grace;
        for (int i = 0; i < entries.size() && entries.get(i).time() < horizon; ) {
            Entry e = entries.get(i);
            if (e != added && expired(e, horizon, engine, context)) {
                removed.add(entries.remove(i));
            } else {
                i++;
            }
        }
        while (entries.size() > MAX_ENTRIES) {
            removed.add(entries.remove(0));
        }
        List<Entry> changed = new ArrayList<>(1);
        if (!removed.contains(added)) {
            changed.add(added);
        }
        List<Firing> firings = new ArrayList<>();
        for (Firing f : engine.evaluate(entries, context)) {
            if (!f.entry().emitted) {
                boolean eventReported = reported(entries, f.entry());
                f.entry().emitted = true;
                if (f.entry() != added) {
                    changed.add(f.entry());
                }
                if (!eventReported) {
                    firings.add(f);
                }
            }
        }
        if (changed.contains(added) && expired(added, horizon, engine, context)) {
            entries.remove(added); // never written: nothing to delete
            changed.remove(added);
        }
        return new Result(entries, detections(firings, context), changed, removed);
    }

    private static boolean expired(Entry e, long horizon, Engine engine, RuleContext context) {
        return e.time() < horizon - engine.retention(context, e.signal()).toMillis();
    }

    /** Whether another entry of the same event (another recipient of one message) was already reported. */
    private static boolean reported(List<Entry> entries, Entry entry) {
        for (Entry e : entries) {
            if (e != entry
                    && e.emitted
                    && e.signal().eventHash().equals(entry.signal().eventHash())) {
                return true;
            }
        }
        return false;
    }

    private static int insertionPoint(List<Entry> entries, Entry entry) {
        int i = entries.size();
        while (i > 0 && BY_TIME.compare(entries.get(i - 1), entry) > 0) {
            i--;
        }
        return i;
    }

    private List<Detection> detections(List<Firing> firings, RuleContext context) {
        List<Detection> out = new ArrayList<>(firings.size());
        for (Firing f : firings) {
            out.add(detection(f, context));
        }
        return out;
    }

    /** A rule's finding as a detection: severity, recipients and the thresholds in force at the school. */
    public Detection detection(Firing f, RuleContext context) {
        Signal s = f.entry().signal();
        int severity = f.severity() > 0 ? f.severity() : context.get(Catalogue.severityOf(s.category()));
        return new Detection(
                s.category(),
                s.schoolId(),
                s.subject(),
                s.subjectRole(),
                severity,
                f.ruleId(),
                f.description(),
                thresholds(s.category(), s.schoolId()),
                f.escalation(),
                s.breach(),
                recipients(s, context),
                s.evidence());
    }

    /** The catalogue's notify column, plus the DSL for any pupil, extremism and self-harm (C05). */
    private static Set<AlertRecipientRole> recipients(Signal s, RuleContext context) {
        EnumSet<AlertRecipientRole> to = EnumSet.noneOf(AlertRecipientRole.class);
        for (String r : context.get(Catalogue.notifyOf(s.category()))) {
            to.add(AlertRecipientRole.valueOf(r));
        }
        if (s.subjectRole() == Role.pupil) {
            to.add(AlertRecipientRole.dsl);
        }
        if (s.category() == IncidentCategory.INAPPROPRIATE_CONTENT
                && (Rules.SELF_HARM.equals(s.rule()) || "extremism".equals(s.value()))) {
            to.add(AlertRecipientRole.dsl);
        }
        return to;
    }

    private Map<String, String> thresholds(IncidentCategory category, String school) {
        return thresholdCache.computeIfAbsent(category + "|" + school, k -> settings.describe(category, school));
    }
}
