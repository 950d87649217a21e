package org.trustwatch.workload;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.trustwatch.workload.plant.Answer;
import org.trustwatch.workload.plant.Category;
import org.trustwatch.workload.plant.Plot;
import org.trustwatch.workload.trust.Formats;

/** What a run wrote, for stdout: files, lines and events per format, planted incidents per category, time taken. */
record Summary(
        Options options,
        int days,
        int logFiles,
        Map<String, long[]> perFormat,
        List<Answer> answers,
        List<Plot.NearMiss> nearMisses,
        int exemptions,
        long nanos) {

    long lines() {
        return perFormat.values().stream().mapToLong(c -> c[0]).sum();
    }

    long events() {
        return perFormat.values().stream().mapToLong(c -> c[1]).sum();
    }

    void print(PrintStream out) {
        out.printf(
                Locale.ROOT,
                "trust of %d school%s, %d school day%s from %s (%d days with weekends), seed %d, into %s%n",
                options.schools(),
                options.schools() == 1 ? "" : "s",
                options.days(),
                options.days() == 1 ? "" : "s",
                options.start(),
                days,
                options.seed(),
                options.out());
        out.printf(
                Locale.ROOT,
                "files: %d logs (manifest.csv), reference/ (5 files, %d exemptions), answers.csv%n",
                logFiles,
                exemptions);
        out.println("lines per format:");
        for (Map.Entry<String, long[]> e : perFormat.entrySet()) {
            out.printf(Locale.ROOT, "  %-11s %,12d lines %,12d events%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
        }
        out.printf(Locale.ROOT, "  %-11s %,12d lines %,12d events%n", "total", lines(), events());
        Map<Category, Integer> planted = new EnumMap<>(Category.class);
        answers.forEach(a -> planted.merge(a.category(), 1, Integer::sum));
        Map<Category, Integer> near = new EnumMap<>(Category.class);
        nearMisses.forEach(n -> near.merge(n.category(), 1, Integer::sum));
        out.printf(
                Locale.ROOT,
                "planted incidents: %d in %d categories (near misses: %d)%n",
                answers.size(),
                planted.size(),
                nearMisses.size());
        for (Category c : Category.values()) {
            if (planted.containsKey(c) || near.containsKey(c)) {
                out.printf(
                        Locale.ROOT,
                        "  %-34s %3d  (near misses %d)%n",
                        c.name(),
                        planted.getOrDefault(c, 0),
                        near.getOrDefault(c, 0));
            }
        }
        double seconds = nanos / 1e9;
        out.printf(Locale.ROOT, "elapsed %.1f s: %,.0f lines/s%n", seconds, lines() / Math.max(seconds, 1e-9));
    }

    /** Counts per format in the trust's order of formats, summed over the schools. */
    static Map<String, long[]> byFormat(List<Map<Formats, long[]>> schools) {
        Map<Formats, long[]> sum = new TreeMap<>();
        for (Map<Formats, long[]> school : schools) {
            school.forEach((f, c) -> {
                long[] s = sum.computeIfAbsent(f, k -> new long[2]);
                s[0] += c[0];
                s[1] += c[1];
            });
        }
        Map<String, long[]> out = new java.util.LinkedHashMap<>();
        sum.forEach((f, c) -> out.put(f.formatName(), c));
        return out;
    }
}
