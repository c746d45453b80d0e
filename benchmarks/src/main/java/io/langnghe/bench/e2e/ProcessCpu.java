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
import java.util.Set;

/**
 * CPU time of the stack's processes, read from Linux's /proc. A process is found by the TCP port it
 * listens on (the socket's inode in /proc/net/tcp*, then the process holding it among /proc/[pid]/fd),
 * so no launcher has to tell its pids and another stack on the same machine is never counted.
 */
final class ProcessCpu {

    private static final String LISTEN = "0A";
    /** USER_HZ: the unit of utime and stime in /proc/[pid]/stat; 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** The pid listening on each named port; a process not found (or not readable) is left out. */
    static Map<String, Long> pidsListeningOn(Map<String, Integer> ports) {
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
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which may itself hold spaces and parentheses
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** CPU seconds of each process now. */
    static Map<String, Double> snapshot(Map<String, Long> pids) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((name, pid) -> seconds.put(name, cpuSeconds(pid)));
        return seconds;
    }
}
