package org.trustwatch.streams.rule;

import java.util.List;
import java.util.Locale;

/**
 * C03 (a): is a recipient domain a near miss of a domain the school knows? Near means within the edit distance, or
 * the same once look-alike characters are folded (l/1, o/0, rn/m, vv/w), but not the known domain itself.
 */
public final class Lookalike {

    private Lookalike() {}

    /** The known domain {@code domain} looks like, or null. */
    public static String nearest(String domain, Iterable<String> known, int maxDistance) {
        String d = domain.toLowerCase(Locale.ROOT);
        String folded = fold(d);
        for (String k : known) {
            String kk = k.toLowerCase(Locale.ROOT);
            if (kk.equals(d)) {
                return null; // it is itself a known domain
            }
        }
        for (String k : known) {
            String kk = k.toLowerCase(Locale.ROOT);
            if (fold(kk).equals(folded) || distance(d, kk, maxDistance) <= maxDistance) {
                return kk;
            }
        }
        return null;
    }

    static String fold(String s) {
        return s.replace("rn", "m")
                .replace("vv", "w")
                .replace('1', 'l')
                .replace('0', 'o')
                .replace('i', 'l');
    }

    /** Levenshtein distance, stopping early once it exceeds {@code max}. */
    static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Whether at least {@code needed} of the times lie in [from, to). */
    public static boolean enough(List<Long> times, long from, long to, int needed) {
        int n = 0;
        for (long t : times) {
            if (t >= from && t < to && ++n >= needed) {
                return true;
            }
        }
        return false;
    }
}
