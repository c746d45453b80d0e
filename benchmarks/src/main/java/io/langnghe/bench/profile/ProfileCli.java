package io.langnghe.bench.profile;

import io.langnghe.bench.e2e.ProcessCpu;
import io.langnghe.bench.e2e.Stack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code ./langnghe profile SERVICE [--seconds S] [--interval-ms M] [--out DIR]}: where one process of the running
 * local stack spends its CPU (see {@link ServiceProfile}), found by the port it listens on, as the benchmarks find
 * it. Run it while a bench loads the stack. The table on stdout, progress on stderr; exit 2 on a bad argument, 1
 * when the process is not found or cannot be profiled.
 */
public final class ProfileCli {

    private static final String USAGE = "usage: ./langnghe profile ingest-service|routing-streams|search-service|notification-service|kafka"
            + "|elasticsearch [--seconds S] [--interval-ms M] [--out DIR]";

    private ProfileCli() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> ports = Stack.local().portsByProcess();
        String name = null;
        Duration length = Duration.ofSeconds(30);
        Duration interval = Duration.ofMillis(1);
        Path out = Path.of("profiles");
        try {
            // options may come before or after the process; a later one wins (the launcher puts its default first)
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--")) {
                    if (name != null || !ports.containsKey(args[i])) {
                        throw new IllegalArgumentException(name != null ? "one process at a time, got " + name + " and " + args[i]
                                : "no such process of the stack: " + args[i]);
                    }
                    name = args[i];
                    continue;
                }
                String option = args[i];
                if (++i == args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[i];
                switch (option) {
                    case "--seconds" -> length = Duration.ofSeconds(positive(option, value));
                    case "--interval-ms" -> interval = Duration.ofMillis(positive(option, value));
                    case "--out" -> out = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (name == null) {
                throw new IllegalArgumentException("which process?");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
        }
        Long pid = ProcessCpu.pidsListeningOn(Map.of(name, ports.get(name))).get(name);
        if (pid == null) {
            System.err.println(name + " is not listening on 127.0.0.1:" + ports.get(name) + ": is the stack up (./langnghe up)?");
            System.exit(1);
        }
        ServiceProfile.Plan plan = ServiceProfile.Plan.of(pid, name).withLength(length).withInterval(interval).withDirectory(out);
        try {
            System.out.print(ServiceProfile.run(plan, System.err).table());
        } catch (IOException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    private static long positive(String option, String value) {
        try {
            long n = Long.parseLong(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(option + " takes a whole number above 0, got " + value);
    }
}
