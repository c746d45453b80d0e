package io.langnghe.bench.e2e;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * CPU time of the stack's processes, read from Linux's /proc. A process is found by the TCP port it
 * listens on (the socket's inode in /proc/net/tcp*, then the process holding it among /proc/[pid]/fd),
 * so no launcher has to tell its pids and another stack on the same machine is never counted.
 */
public final class ProcessCpu {

    private static final String LISTEN = "0A";
    /** HotSpot's C1 and C2 compiler threads, as the kernel shortens their names ("C2 CompilerThre"). */
    private static final Pattern HOTSPOT_COMPILER = Pattern.compile("C[12] CompilerThre.*");
    /** USER_HZ: the unit of utime and stime in /proc/[pid]/stat; 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** The pid listening on each named port; a process not found (or not readable) is left out. */
    public static Map<String, Long> pidsListeningOn(Map<String, Integer> ports) {
        Map<Long, Integer> portByInode = new HashMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                List<String> lines = Files.readAllLines(Path.of(table));
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9 && LISTEN.equals(f[3])) {
                        int port = Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16);
                        portByInode.put(Long.parseLong(f[9]), port);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no such table (no IPv6): the other one answers
            }
        }
        Set<Integer> wanted = new HashSet<>(ports.values());
        Map<Integer, Long> pidByPort = new HashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                findSockets(process, portByInode, wanted, pidByPort);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc: " + e.getMessage(), e);
        }
        Map<String, Long> pids = new LinkedHashMap<>();
        ports.forEach((name, port) -> {
            if (pidByPort.containsKey(port)) {
                pids.put(name, pidByPort.get(port));
            }
        });
        return pids;
    }

    private static void findSockets(Path process, Map<Long, Integer> portByInode, Set<Integer> wanted, Map<Integer, Long> pidByPort) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path fd : fds) {
                String target = Files.readSymbolicLink(fd).toString();
                if (target.startsWith("socket:[")) {
                    Integer port = portByInode.get(Long.parseLong(target.substring(8, target.length() - 1)));
                    if (port != null && wanted.contains(port)) {
                        pidByPort.putIfAbsent(port, Long.parseLong(process.getFileName().toString()));
                    }
                }
            }
        } catch (IOException | RuntimeException goneOrNotOurs) {
            // the process ended meanwhile, or belongs to a user we may not look into
        }
    }

    /** User plus system CPU seconds the process has used so far, or NaN once it is gone. */
    public static double cpuSeconds(long pid) {
        try {
            return ticksToSeconds(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** utime + stime of a process's or a thread's stat line. */
    private static double ticksToSeconds(String stat) {
        // fields after the command name, which may itself hold spaces and parentheses
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    }

    /** What a JVM's threads do, as {@link #threadSeconds} groups them. */
    static final String EVENT_LOOPS = "HTTP event loops";
    static final String PRODUCER = "Kafka producer";
    static final String JIT = "JIT compilers";
    static final String GC = "garbage collector";
    static final String OTHER = "other threads";

    /**
     * CPU seconds of a JVM's threads so far, by what they do: serving HTTP, the Kafka producer's network thread,
     * the JIT compilers (warming up, not a petition's cost), the garbage collector, everything else. Empty once
     * the process is gone; a thread that ended meanwhile is missing from both snapshots alike.
     */
    static Map<String, Double> threadSeconds(long pid) {
        Optional<Map<Long, Task>> threads = threads(pid);
        if (threads.isEmpty()) {
            return Map.of();
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String group : List.of(EVENT_LOOPS, PRODUCER, JIT, GC, OTHER)) {
            seconds.put(group, 0.0);
        }
        threads.get().values().forEach(t -> seconds.merge(groupOf(t.name()), t.seconds(), Double::sum));
        return seconds;
    }

    /** {@link #threadSeconds} of each process now. */
    static Map<String, Map<String, Double>> threadGroups(Map<String, Long> pids) {
        Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
        pids.forEach((name, pid) -> groups.put(name, threadSeconds(pid)));
        return groups;
    }

    /** CPU seconds of each process's thread groups between two {@link #threadGroups} samples. */
    static Map<String, Map<String, Double>> groupsBetween(Map<String, Map<String, Double>> before,
                                                          Map<String, Map<String, Double>> after) {
        Map<String, Map<String, Double>> spent = new TreeMap<>();
        after.forEach((name, groups) -> {
            Map<String, Double> earlier = before.getOrDefault(name, Map.of());
            Map<String, Double> ofProcess = new LinkedHashMap<>();
            groups.forEach((group, seconds) -> ofProcess.put(group, seconds - earlier.getOrDefault(group, 0.0)));
            spent.put(name, ofProcess);
        });
        return spent;
    }

    /** One thread (a kernel task) of a process as /proc/[pid]/task/[tid]/stat tells it: its name and its CPU seconds so far. */
    private record Task(String name, double seconds) {
    }

    /** The threads of a process by thread id, empty once the process is gone; a thread that ended meanwhile is left out. */
    private static Optional<Map<Long, Task>> threads(long pid) {
        Map<Long, Task> threads = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    threads.put(Long.parseLong(task.getFileName().toString()),
                            new Task(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')), ticksToSeconds(stat)));
                } catch (IOException | RuntimeException threadEnded) {
                    // ended between listing and reading
                }
            }
        } catch (IOException | RuntimeException goneOrNotOurs) {
            return Optional.empty();
        }
        return Optional.of(threads);
    }

    /** By the name the kernel keeps (15 characters): "C2 CompilerThre", "default-eventLo", "kafka-producer-". */
    private static String groupOf(String thread) {
        if (HOTSPOT_COMPILER.matcher(thread).matches()) {
            return JIT;
        }
        if (thread.contains("eventLo")) {
            return EVENT_LOOPS;
        }
        if (thread.startsWith("kafka-producer-")) {
            return PRODUCER;
        }
        // the serial collector collects on the VM thread, which otherwise only runs the other collectors' pauses
        return thread.startsWith("GC Thread") || thread.startsWith("G1 ") || thread.equals("VM Thread") ? GC : OTHER;
    }

    /**
     * CPU seconds of this bench's own process now: it sends the load and probes the stack on the same cores,
     * so what it takes is not the stack's to use.
     */
    static double ownSeconds() {
        return cpuSeconds(ProcessHandle.current().pid());
    }

    /** CPU seconds of each process now. */
    static Map<String, Double> snapshot(Map<String, Long> pids) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((name, pid) -> seconds.put(name, cpuSeconds(pid)));
        return seconds;
    }

    /**
     * CPU seconds so far of each JIT compiler thread of each process, by thread id. A short run on JVMs a
     * few minutes old spends a third of its CPU compiling; a steady state does not, so the table shows it apart.
     */
    static Map<String, Map<Long, Double>> compilerThreads(Map<String, Long> pids) {
        Map<String, Map<Long, Double>> compilers = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            Map<Long, Double> ofProcess = new HashMap<>();
            // as for cpuSeconds: a process that ended counts nothing
            threads(pid).ifPresent(threads -> threads.forEach((tid, t) -> {
                if (HOTSPOT_COMPILER.matcher(t.name()).matches()) {
                    ofProcess.put(tid, t.seconds());
                }
            }));
            compilers.put(name, ofProcess);
        });
        return compilers;
    }

    /**
     * Compiler CPU seconds between two samples. HotSpot starts and ends compiler threads as work comes and
     * goes; one that ended in between is not counted, so this is a lower bound.
     */
    static Map<String, Double> compilingBetween(Map<String, Map<Long, Double>> before, Map<String, Map<Long, Double>> after) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        after.forEach((name, threads) -> {
            Map<Long, Double> earlier = before.getOrDefault(name, Map.of());
            seconds.put(name, threads.entrySet().stream()
                    .mapToDouble(t -> t.getValue() - earlier.getOrDefault(t.getKey(), 0.0)).sum());
        });
        return seconds;
    }

    /** Each process's CPU seconds and its compiler threads' at one moment: the start of a window. */
    record Mark(Map<String, Double> seconds, Map<String, Map<Long, Double>> compilers) {
    }

    static Mark mark(Map<String, Long> pids) {
        Map<String, Map<Long, Double>> compilers = compilerThreads(pids);
        return new Mark(snapshot(pids), compilers);
    }

    /** CPU seconds each process used since the mark, its JIT compiling left out. */
    static Map<String, Double> usedSince(Mark mark, Map<String, Long> pids) {
        Map<String, Double> now = snapshot(pids);
        Map<String, Double> compiling = compilingBetween(mark.compilers(), compilerThreads(pids));
        Map<String, Double> used = new LinkedHashMap<>();
        now.forEach((name, seconds) -> used.put(name, seconds - mark.seconds().get(name) - compiling.getOrDefault(name, 0.0)));
        return used;
    }
}
