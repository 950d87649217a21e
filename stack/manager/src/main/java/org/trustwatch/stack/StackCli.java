package org.trustwatch.stack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code trustwatch stack up [--reset] | down | status | logs [SERVER] [--lines N] | path SERVER}. */
public final class StackCli {

    static final String USAGE =
            """
            usage: trustwatch stack up [--reset]     start every server, wait until healthy (--reset: empty data)
                   trustwatch stack down             stop every server the stack started
                   trustwatch stack status           state, pid and URL of each server (exit 1 if one is not healthy)
                   trustwatch stack logs [SERVER] [--lines N]
                                                     last lines of the logs (servers: kafka, elasticsearch, registry, connect)
                   trustwatch stack logfile SERVER   the path of a server's log, e.g. for tail -F""";

    private StackCli() {}

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("trustwatch.home", "."));
        try {
            LocalStack stack = new LocalStack(StackSettings.of(home, System.getenv()), System.out);
            System.exit(run(stack, Arrays.asList(args)));
        } catch (StackException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    static int run(LocalStack stack, List<String> args) {
        if (args.isEmpty()) {
            System.err.println(USAGE);
            return 2;
        }
        List<String> rest = args.subList(1, args.size());
        switch (args.get(0)) {
            case "up" -> {
                if (!rest.isEmpty() && !rest.equals(List.of("--reset"))) {
                    return usage("'up' takes only --reset, not " + rest);
                }
                stack.up(rest.contains("--reset"));
                return 0;
            }
            case "down" -> {
                stack.down();
                return 0;
            }
            case "status" -> {
                return stack.printStatus() ? 0 : 1;
            }
            case "logs" -> {
                return logs(stack, rest);
            }
            case "logfile" -> {
                if (rest.size() != 1) {
                    return usage("'logfile' takes one server name");
                }
                Optional<Server> server = stack.server(rest.get(0));
                if (server.isEmpty()) {
                    return usage("no server called '" + rest.get(0) + "'");
                }
                System.out.println(server.get().logFile());
                return 0;
            }
            default -> {
                return usage("unknown command '" + args.get(0) + "'");
            }
        }
    }

    private static int logs(LocalStack stack, List<String> args) {
        int lines = 40;
        List<Server> servers = stack.servers();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--lines") && i + 1 < args.size()) {
                try {
                    lines = Integer.parseInt(args.get(++i));
                } catch (NumberFormatException e) {
                    return usage("--lines takes a number, not '" + args.get(i) + "'");
                }
            } else {
                Optional<Server> server = stack.server(arg);
                if (server.isEmpty()) {
                    return usage("no server called '" + arg + "'");
                }
                servers = List.of(server.get());
            }
        }
        for (Server server : servers) {
            System.out.println("==> " + server.name() + ": " + server.logFile());
            Probes.tail(server.logFile(), lines).forEach(System.out::println);
        }
        return 0;
    }

    private static int usage(String problem) {
        System.err.println(problem);
        System.err.println(USAGE);
        return 2;
    }
}
