package org.trustwatch.workload;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.trustwatch.workload.plant.Actors;

/**
 * {@code trustwatch generate --out DIR [--schools N] [--days D] [--seed S] [--start DATE] [--pupils N] [--requests N]}:
 * a generated trust's logs in the real formats, its reference files, a manifest of the logs and the answer file of
 * the incidents planted in them. stdout: a summary; exit 2 for a usage error, 1 when the output cannot be written.
 */
public final class GenerateCommand {

    private GenerateCommand() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("trustwatch generate: " + e.getMessage());
            err.println(Options.USAGE);
            return 2;
        }
        try {
            new Generator(options).run().print(out);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("trustwatch generate: " + e.getMessage());
            return 2;
        } catch (Actors.NotEnoughPeople e) {
            err.println("trustwatch generate: " + e.getMessage() + " (the " + options.schools()
                    + " school(s) hold about 40 planted scenarios: give more --schools, --days or --pupils)");
            return 2;
        } catch (IOException | UncheckedIOException e) {
            err.println("trustwatch generate: cannot write " + options.out() + ": " + e.getMessage());
            return 1;
        }
    }
}
