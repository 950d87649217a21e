package org.trustwatch.streams.rule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trustwatch.streams.settings.Catalogue;
import org.trustwatch.streams.signal.Rules;
import org.trustwatch.streams.signal.Signal;

/**
 * C08 over one account's interactive sessions, an absence rule: a session is open until its logoff; one still open
 * is taken to last up to the newest event known for the account, and no further than every partition of the
 * endpoint source has reached ({@link RuleContext#knownUntil()}). (1) Two sessions on devices at different locations
 * or schools overlapping longer than the allowed overlap; (2) someone else logging on to a device assigned to this
 * account while the account has a session elsewhere.
 */
public final class OverlappingSessions implements Engine {

    /** A session: device, its location and school, logon id, account; start and end (open: the newest event). */
    private static final class Session {
        private final Entry logon;
        private final String device;
        private final String location;
        private final String school;
        private final String logonId;
        private final String account;
        private final long start;
        private final boolean ownAccount;
        private long end;
        private boolean open;

        Session(
                Entry logon,
                String device,
                String location,
                String school,
                String logonId,
                String account,
                long start,
                long newest,
                boolean ownAccount) {
            this.logon = logon;
            this.device = device;
            this.location = location;
            this.school = school;
            this.logonId = logonId;
            this.account = account;
            this.start = start;
            this.ownAccount = ownAccount;
            this.end = Math.max(start, newest); // until something ends it, a session lasts to the newest event
            this.open = true;
        }

        void close(long at) {
            end = at;
            open = false;
        }

        Entry logon() {
            return logon;
        }

        String device() {
            return device;
        }

        String location() {
            return location;
        }

        String school() {
            return school;
        }

        String logonId() {
            return logonId;
        }

        String account() {
            return account;
        }

        long start() {
            return start;
        }

        long end() {
            return end;
        }

        boolean open() {
            return open;
        }

        boolean ownAccount() {
            return ownAccount;
        }
    }

    @Override
    public List<Firing> evaluate(List<Entry> entries, RuleContext context) {
        long overlap = context.get(Catalogue.SHARING_OVERLAP).toMillis();
        // An open session lasts up to the newest event of the account, but no further than every endpoint partition
        // has reached: a logoff still on its way from a slower partition would have ended it sooner.
        long newest =
                entries.isEmpty() ? 0 : Math.min(entries.get(entries.size() - 1).time(), context.knownUntil());
        List<Session> own = new ArrayList<>();
        List<Session> foreign = new ArrayList<>();
        sessions(entries, newest, own, foreign);
        List<Firing> out = new ArrayList<>();
        Set<Entry> fired = new HashSet<>();
        for (int[] pair : overlappingPairs(own, overlap)) {
            for (Session s : List.of(own.get(pair[0]), own.get(pair[1]))) {
                if (fired.add(s.logon())) {
                    out.add(Firing.of(
                            s.logon(), "one account with sessions on two devices at different places at once"));
                }
            }
        }
        // own sessions by start; those that ended before a foreign logon can cover no later one either
        List<Session> covering = new ArrayList<>();
        int next = 0;
        for (Session f : foreign) {
            while (next < own.size() && own.get(next).start() <= f.start()) {
                covering.add(own.get(next++));
            }
            covering.removeIf(o -> !o.open() && o.end() <= f.start());
            for (Session o : covering) {
                // an owner's session still open covers the foreign logon (it is the newest event itself)
                if (!o.device().equals(f.device()) && fired.add(f.logon())) {
                    out.add(new Firing(
                            f.logon(),
                            Rules.SESSIONS + "-assigned-device",
                            "a device assigned to one person used by another account while its owner was logged on elsewhere",
                            0,
                            false));
                }
            }
        }
        return out;
    }

    /**
     * The sessions of the entries (sorted by time), in one pass: each device's open sessions end at the first later
     * logoff of the same logon (or of an unknown one), or at the first later logon of another account there (one
     * interactive user at a time); a session never ended lasts until the newest event.
     */
    private static void sessions(List<Entry> entries, long newest, List<Session> own, List<Session> foreign) {
        Map<String, List<Session>> openByDevice = new HashMap<>();
        List<Session> all = new ArrayList<>();
        for (Entry e : entries) {
            String phase = e.signal().phase();
            boolean logoff = Rules.LOGOFF.equals(phase);
            boolean logon = Rules.LOGON.equals(phase) || Rules.FOREIGN_LOGON.equals(phase);
            if (!logoff && !logon) {
                continue;
            }
            String[] p = e.parsed(OverlappingSessions::parts);
            List<Session> open = openByDevice.get(p[0]);
            if (open != null) {
                open.removeIf(s -> {
                    boolean ends = logoff
                            && (s.logonId().isEmpty()
                                    || p[3].isEmpty()
                                    || s.logonId().equals(p[3]));
                    boolean replaced = !logoff && !p[4].equals(s.account());
                    if (ends || replaced) {
                        s.close(e.time());
                        return true;
                    }
                    return false;
                });
            }
            if (logon) {
                Session s = new Session(e, p[0], p[1], p[2], p[3], p[4], e.time(), newest, Rules.LOGON.equals(phase));
                openByDevice.computeIfAbsent(p[0], d -> new ArrayList<>()).add(s);
                all.add(s);
            }
        }
        for (Session s : all) {
            (s.ownAccount() ? own : foreign).add(s);
        }
    }

    /**
     * Pairs (by index into {@code own}, in the order a nested loop would find them) of sessions on different devices,
     * at places apart, overlapping longer than allowed. A sweep by start: a session that ended before a later one
     * started plus the allowed overlap can pair with no later session, so it leaves the active list.
     */
    private static List<int[]> overlappingPairs(List<Session> own, long overlap) {
        List<int[]> pairs = new ArrayList<>();
        List<Integer> active = new ArrayList<>();
        for (int b = 0; b < own.size(); b++) {
            Session y = own.get(b);
            active.removeIf(a -> own.get(a).end() - y.start() <= overlap);
            for (int a : active) {
                Session x = own.get(a);
                if (!x.device().equals(y.device()) && apart(x, y) && overlap(x, y) > overlap) {
                    pairs.add(new int[] {a, b});
                }
            }
            active.add(b);
        }
        pairs.sort(Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
        return pairs;
    }

    private static boolean apart(Session x, Session y) {
        boolean locations = !x.location().isEmpty()
                && !y.location().isEmpty()
                && !x.location().equals(y.location());
        boolean schools =
                !x.school().isEmpty() && !y.school().isEmpty() && !x.school().equals(y.school());
        return locations || schools;
    }

    private static long overlap(Session x, Session y) {
        return Math.min(x.end(), y.end()) - Math.max(x.start(), y.start());
    }

    private static String[] parts(Entry e) {
        String v = e.signal().value() == null ? "" : e.signal().value();
        String[] out = new String[] {"", "", "", "", ""};
        int from = 0;
        for (int i = 0; i < out.length && from <= v.length(); i++) {
            int bar = v.indexOf('|', from);
            int to = bar < 0 ? v.length() : bar;
            out[i] = v.substring(from, to);
            from = bar < 0 ? v.length() + 1 : bar + 1;
        }
        return out;
    }

    @Override
    public Duration retention(RuleContext context, Signal signal) {
        return Duration.ofHours(24);
    }
}
