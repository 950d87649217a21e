package org.trustwatch.workload;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.trustwatch.workload.activity.Scale;

/**
 * The command's options, checked: every problem is an {@link IllegalArgumentException} whose message says which
 * option and what would do.
 */
record Options(int schools, int days, Path out, long seed, LocalDate start, Scale scale) {

    static final long DEFAULT_SEED = 42;
    /** A Monday in term time. */
    static final LocalDate DEFAULT_START = LocalDate.of(2026, 11, 23);

    static final String USAGE = "usage: trustwatch generate --out DIR [--schools N] [--days D] [--seed S]"
            + " [--start YYYY-MM-DD] [--pupils N] [--requests N]\n"
            + "  --schools N    schools in the trust, 1-99 (default 3)\n"
            + "  --days D       school days, weekends between them included (default 1)\n"
            + "  --seed S       the same seed and options give byte-identical output (default 42)\n"
            + "  --start DATE   the first day (default 2026-11-23, a Monday)\n"
            + "  --pupils N     pupils per school, 60-5000 (default 600; staff, desktops and suites follow)\n"
            + "  --requests N   web requests per pupil per lesson, pages' assets included, 1-1000 (default 60)";

    static Options parse(List<String> args) {
        int schools = 3;
        int days = 1;
        Path out = null;
        long seed = DEFAULT_SEED;
        LocalDate start = DEFAULT_START;
        int pupils = 600;
        int requests = 60;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--schools" -> schools = number(args, ++i, arg, 1, 99);
                case "--days" -> days = number(args, ++i, arg, 1, 366);
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--seed" -> {
                    String v = value(args, ++i, arg);
                    try {
                        seed = Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--seed " + v + ": give a whole number, e.g. --seed 7");
                    }
                }
                case "--start" -> {
                    String v = value(args, ++i, arg);
                    try {
                        start = LocalDate.parse(v);
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException(
                                "--start " + v + ": give a date as YYYY-MM-DD, e.g. 2026-11-23");
                    }
                }
                case "--pupils" -> pupils = number(args, ++i, arg, 60, 5000);
                case "--requests" -> requests = number(args, ++i, arg, 1, 1000);
                default ->
                    throw new IllegalArgumentException(
                            arg.startsWith("--") ? "unknown option " + arg : "unexpected argument " + arg);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required: where to write the trust's logs");
        }
        return new Options(schools, days, out, seed, start, new Scale(pupils, requests));
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int number(List<String> args, int i, String option, int min, int max) {
        String v = value(args, i, option);
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + v + ": give a whole number from " + min + " to " + max);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(option + " " + v + ": give a number from " + min + " to " + max);
        }
        return n;
    }
}
