package org.trustwatch.workload.activity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What planted incidents have taken for themselves, so that background activity keeps out of it: people for a whole
 * day (a planted incident writes everything its people do that day), devices for a time window (a desktop is free
 * again after the planted session), and devices from a day on (a stolen laptop never comes back).
 */
public final class Reservations {

    private final Map<Integer, Set<String>> people = new HashMap<>();
    private final Map<String, List<long[]>> busy = new HashMap<>();
    private final Map<String, Integer> goneFrom = new HashMap<>();

    public void reserve(int day, String userId) {
        people.computeIfAbsent(day, d -> new HashSet<>()).add(userId);
    }

    public boolean reserved(int day, String userId) {
        Set<String> taken = people.get(day);
        return taken != null && taken.contains(userId);
    }

    /** The device is in use by a planted incident in [from, to). */
    public void take(String deviceId, long from, long to) {
        busy.computeIfAbsent(deviceId, d -> new ArrayList<>()).add(new long[] {from, to});
    }

    /** Whether the device is taken at any time in [from, to). */
    public boolean busy(String deviceId, long from, long to, int day) {
        if (gone(deviceId, day)) {
            return true;
        }
        List<long[]> windows = busy.get(deviceId);
        if (windows == null) {
            return false;
        }
        for (long[] w : windows) {
            if (w[0] < to && from < w[1]) {
                return true;
            }
        }
        return false;
    }

    /** The device is not at school from this day on (lost, stolen). */
    public void goneFrom(String deviceId, int day) {
        goneFrom.merge(deviceId, day, Math::min);
    }

    public boolean gone(String deviceId, int day) {
        Integer from = goneFrom.get(deviceId);
        return from != null && day >= from;
    }
}
