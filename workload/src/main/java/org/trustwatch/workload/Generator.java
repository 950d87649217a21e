package org.trustwatch.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.trustwatch.workload.activity.Reservations;
import org.trustwatch.workload.activity.SchoolDay;
import org.trustwatch.workload.background.BackgroundDay;
import org.trustwatch.workload.logs.SchoolLogs;
import org.trustwatch.workload.output.AnswerFile;
import org.trustwatch.workload.output.Manifest;
import org.trustwatch.workload.output.ReferenceFiles;
import org.trustwatch.workload.plant.Answer;
import org.trustwatch.workload.plant.Category;
import org.trustwatch.workload.plant.Exemption;
import org.trustwatch.workload.plant.Plan;
import org.trustwatch.workload.plant.PlantedAtSchool;
import org.trustwatch.workload.plant.Plot;
import org.trustwatch.workload.plant.Scenarios;
import org.trustwatch.workload.time.Day;
import org.trustwatch.workload.trust.Formats;
import org.trustwatch.workload.trust.School;
import org.trustwatch.workload.trust.Trust;
import org.trustwatch.workload.trust.TrustBuilder;

/**
 * Writes a generated trust into a directory: per school, day by day, the planted scenarios first (they reserve their
 * people and devices), then the background around them; then the reference files, the manifest and the answers.
 * Schools are independent and generated in parallel, each from its own random streams, so the output depends only
 * on the options and the seed.
 */
public final class Generator {

    static final ZoneId ZONE = ZoneId.of("Europe/London");

    private final Options options;

    Generator(Options options) {
        this.options = options;
    }

    Summary run() throws IOException {
        long started = System.nanoTime();
        Path out = options.out();
        prepare(out);
        Trust trust = TrustBuilder.build(
                options.seed(), options.schools(), options.scale().pupils());
        List<Day> days = Day.run(options.start(), options.days(), ZONE);
        List<Plan.Assignment> plan = Plan.assign(Scenarios.all(), trust.schools(), days);
        List<SchoolResult> results = generate(trust, days, plan);

        List<Answer> answers = new ArrayList<>();
        List<Plot.NearMiss> nearMisses = new ArrayList<>();
        List<Exemption> exemptions = new ArrayList<>();
        List<Map<Formats, long[]>> counts = new ArrayList<>();
        for (SchoolResult r : results) {
            answers.addAll(r.planted().answers());
            nearMisses.addAll(r.planted().nearMisses());
            exemptions.add(standingExemption(r.school(), trust));
            exemptions.addAll(r.planted().exemptions());
            counts.add(r.counts());
        }
        answers.sort(AnswerFile.ORDER);
        ReferenceFiles.write(out.resolve("reference"), trust, exemptions);
        Manifest.write(out.resolve("manifest.csv"), trust);
        AnswerFile.write(out.resolve("answers.csv"), answers);
        int logFiles =
                trust.schools().stream().mapToInt(s -> s.formats().size()).sum();
        return new Summary(
                options,
                days.size(),
                logFiles,
                Summary.byFormat(counts),
                answers,
                nearMisses,
                exemptions.size(),
                System.nanoTime() - started);
    }

    private record SchoolResult(School school, PlantedAtSchool planted, Map<Formats, long[]> counts) {}

    private List<SchoolResult> generate(Trust trust, List<Day> days, List<Plan.Assignment> plan) throws IOException {
        int threads = Math.max(
                1, Math.min(trust.schools().size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<SchoolResult>> futures = new ArrayList<>();
            for (School school : trust.schools()) {
                futures.add(pool.submit(() -> school(trust, school, days, plan)));
            }
            List<SchoolResult> results = new ArrayList<>();
            for (Future<SchoolResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private SchoolResult school(Trust trust, School school, List<Day> days, List<Plan.Assignment> plan) {
        long seed = options.seed();
        SplittableRandom writers = new SplittableRandom(mix(seed, 1, school.number()));
        PlantedAtSchool planted = new PlantedAtSchool();
        Reservations reservations = new Reservations();
        try (SchoolLogs logs =
                new SchoolLogs(options.out(), trust, school, ZONE, days.get(0).midnight(), writers)) {
            for (Day day : days) {
                logs.startDay(day.midnight());
                for (Plan.Assignment a : plan) {
                    if (a.school() == school && a.day() == day) {
                        SplittableRandom r = new SplittableRandom(mix(seed, 2, a.index()));
                        SchoolDay d = new SchoolDay(trust, school, logs, day, reservations, options.scale(), r);
                        planted.plant(a.scenario(), d, r.split());
                    }
                }
                SplittableRandom r = new SplittableRandom(mix(seed, 3, school.number(), day.index()));
                BackgroundDay.run(new SchoolDay(trust, school, logs, day, reservations, options.scale(), r));
                logs.endDay();
            }
            return new SchoolResult(school, planted, logs.counts());
        }
    }

    /** Every school has one standing exemption, as trusts do: the ICT technician's network audits. */
    private Exemption standingExemption(School school, Trust trust) {
        String from = options.start().minusMonths(1).atStartOfDay().toString().substring(0, 16);
        String to = options.start().plusMonths(8).atStartOfDay().toString().substring(0, 16);
        return new Exemption(
                "EX-" + school.id() + "-000",
                school.id(),
                school.staff().get(2).userId(),
                Category.HACKING_TOOLS,
                null,
                from,
                to,
                school.headAddress(),
                "Network audits with nmap for " + trust.name());
    }

    /**
     * The output directory: new, empty, or the output of an earlier run (its files are replaced). Anything else is
     * refused, so a mistyped --out never deletes somebody's files.
     */
    private static void prepare(Path out) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file: give a directory");
        }
        if (Files.isDirectory(out)) {
            boolean empty;
            try (var list = Files.list(out)) {
                empty = list.findAny().isEmpty();
            }
            if (!empty && !Files.isRegularFile(out.resolve("manifest.csv"))) {
                throw new IllegalArgumentException(
                        "--out " + out
                                + " is not empty and holds no earlier generate output (no manifest.csv): give a new or empty directory");
            }
            for (String owned : List.of("logs", "reference", "manifest.csv", "answers.csv")) {
                delete(out.resolve(owned));
            }
        }
        Files.createDirectories(out);
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** A seed for one random stream, from the run's seed and what the stream is for (murmur3's finaliser). */
    static long mix(long seed, long... parts) {
        long h = seed;
        for (long p : parts) {
            h ^= p + 0x9e3779b97f4a7c15L + (h << 6) + (h >>> 2);
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            h *= 0xc4ceb9fe1a85ec53L;
            h ^= h >>> 33;
        }
        return h;
    }
}
