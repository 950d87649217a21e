package org.trustwatch.streams.context;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who used one IP address when: the interactive sessions seen on it, ordered by start, so that a proxy request is
 * attributed to the account logged on at the request's own time. A later logon never changes who made an earlier
 * request, and events that arrive out of order give the same answers as ordered ones.
 */
public final class IpHistory {

    /** One interactive session: open while {@code end} is null. */
    public record Session(Instant start, Instant end, String account, String host, String logonId) {

        boolean covers(Instant at) {
            return !at.isBefore(start) && (end == null || at.isBefore(end));
        }
    }

    private final int maxSessions;
    private final List<Session> sessions = new ArrayList<>();
    /** Logoffs that came before their logon (out-of-order input), by logon id. */
    private final Map<String, Instant> earlyLogoffs = new HashMap<>();

    /** @param maxSessions how many sessions to remember; the oldest go first */
    public IpHistory(int maxSessions) {
        this.maxSessions = maxSessions;
    }

    public void logon(Instant at, String account, String host, String logonId) {
        Instant end = logonId == null ? null : earlyLogoffs.remove(logonId);
        Session session = new Session(at, end, account, host, logonId);
        int i = sessions.size();
        while (i > 0 && sessions.get(i - 1).start().isAfter(at)) {
            i--;
        }
        sessions.add(i, session);
        while (sessions.size() > maxSessions) {
            sessions.remove(0);
        }
    }

    /**
     * Ends the open session with this logon id (or, without one, the account's latest open session started before
     * {@code at}); a logoff whose logon has not been seen yet is kept for it.
     */
    public void logoff(Instant at, String account, String logonId) {
        for (int i = sessions.size() - 1; i >= 0; i--) {
            Session s = sessions.get(i);
            boolean same =
                    logonId != null ? logonId.equals(s.logonId()) : account != null && account.equals(s.account());
            if (same && s.end() == null && !s.start().isAfter(at)) {
                sessions.set(i, new Session(s.start(), at, s.account(), s.host(), s.logonId()));
                return;
            }
        }
        if (logonId != null) {
            earlyLogoffs.put(logonId, at);
        }
    }

    /**
     * The session in use at that moment: the latest one started at or before it, if it had not ended by then. A
     * workstation has one interactive user at a time, so a logon also ends the sessions before it that never
     * logged off.
     */
    public Optional<Session> at(Instant at) {
        for (int i = sessions.size() - 1; i >= 0; i--) {
            Session s = sessions.get(i);
            if (!s.start().isAfter(at)) {
                return s.covers(at) ? Optional.of(s) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Forgets what no question about a moment at or after the horizon can need: sessions superseded by a later one
     * that started before the horizon, the last of those too once it ended before the horizon, and unmatched logoffs
     * before it. {@link #at} answers the same as before for every time from the horizon on. Without this an address
     * or host would keep its sessions for as long as the count allows (days of them on a shared desktop), and every
     * logon would rewrite them all to the store and its changelog.
     */
    public void forgetBefore(Instant horizon) {
        int lastStarted = -1;
        for (int i = 0; i < sessions.size() && !sessions.get(i).start().isAfter(horizon); i++) {
            lastStarted = i;
        }
        if (lastStarted >= 0) {
            Session last = sessions.get(lastStarted);
            boolean over = last.end() != null && last.end().isBefore(horizon);
            sessions.subList(0, over ? lastStarted + 1 : lastStarted).clear();
        }
        earlyLogoffs.values().removeIf(at -> at.isBefore(horizon));
    }

    /**
     * The horizon for {@link #forgetBefore}, given the newest event time of the source whose events ask: twice the
     * grace behind it. An event older than one grace is late and not correlated; the second grace covers a stage
     * task whose own newest time runs ahead of the rules' view of the same source.
     */
    public static Instant horizon(long newestMillis, java.time.Duration grace) {
        return Instant.ofEpochMilli(newestMillis - 2 * grace.toMillis());
    }

    /** Puts back a session read from the state store, in order. */
    void restore(Session session) {
        sessions.add(session);
    }

    Map<String, Instant> earlyLogoffs() {
        return Map.copyOf(earlyLogoffs);
    }

    public List<Session> sessions() {
        return List.copyOf(sessions);
    }
}
