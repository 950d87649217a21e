package org.trustwatch.streams.rule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.trustwatch.streams.settings.Catalogue;
import org.trustwatch.streams.signal.Rules;
import org.trustwatch.streams.signal.Signal;

/**
 * C08 over one account's interactive sessions, an absence rule: a session is open until its logoff; one still open
 * is taken to last up to the newest event known for the account. (1) Two sessions on devices at different locations
 * or schools overlapping longer than the allowed overlap; (2) someone else logging on to a device assigned to this
 * account while the account has a session elsewhere.
 */
public final class OverlappingSessions implements Engine {

    /** A session: device, its location and school, logon id, account; start and end (open: the newest event). */
    record Session(
            Entry logon,
            String device,
            String location,
            String school,
            String logonId,
            String account,
            long start,
            long end,
            boolean open) {}

    @Override
    public List<Firing> evaluate(List<Entry> entries, RuleContext context) {
        long overlap = context.get(Catalogue.SHARING_OVERLAP).toMillis();
        long newest = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).time();
        List<Session> own = new ArrayList<>();
        List<Session> foreign = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String phase = e.signal().phase();
            if (!Rules.LOGON.equals(phase) && !Rules.FOREIGN_LOGON.equals(phase)) {
                continue;
            }
            String[] d = parts(e);
            long end = newest;
            boolean open = true;
            for (int j = i + 1; j < entries.size(); j++) {
                Entry later = entries.get(j);
                String[] l = parts(later);
                boolean sameDevice = l[0].equals(d[0]);
                boolean ends = Rules.LOGOFF.equals(later.signal().phase())
                        && sameDevice
                        && (d[3].isEmpty() || l[3].isEmpty() || d[3].equals(l[3]));
                // a new logon on the same device replaces an unclosed one (one interactive user at a time)
                boolean replaced = !Rules.LOGOFF.equals(later.signal().phase()) && sameDevice && !l[4].equals(d[4]);
                if (ends || replaced) {
                    end = later.time();
                    open = false;
                    break;
                }
            }
            Session s = new Session(e, d[0], d[1], d[2], d[3], d[4], e.time(), end, open);
            (Rules.LOGON.equals(phase) ? own : foreign).add(s);
        }
        List<Firing> out = new ArrayList<>();
        Set<Entry> fired = new HashSet<>();
        for (int a = 0; a < own.size(); a++) {
            for (int b = a + 1; b < own.size(); b++) {
                Session x = own.get(a);
                Session y = own.get(b);
                if (!x.device().equals(y.device()) && apart(x, y) && overlap(x, y) > overlap) {
                    for (Session s : List.of(x, y)) {
                        if (fired.add(s.logon())) {
                            out.add(Firing.of(
                                    s.logon(), "one account with sessions on two devices at different places at once"));
                        }
                    }
                }
            }
        }
        for (Session f : foreign) {
            for (Session o : own) {
                // an owner's session still open covers the foreign logon (it is the newest event itself)
                if (!o.device().equals(f.device())
                        && o.start() <= f.start()
                        && (o.open() || f.start() < o.end())
                        && fired.add(f.logon())) {
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
        String[] p = v.split("\\|", -1);
        String[] out = new String[] {"", "", "", "", ""};
        System.arraycopy(p, 0, out, 0, Math.min(p.length, 5));
        return out;
    }

    @Override
    public Duration retention(RuleContext context, Signal signal) {
        return Duration.ofHours(24);
    }
}
