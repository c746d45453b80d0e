package io.langnghe.bench.profile;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import io.langnghe.bench.e2e.ProcessCpu;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A CPU profile of one running JVM of the stack: async-profiler (Maven Central's {@code tools.profiler:async-profiler})
 * loaded into it through the JDK's attach API for a while, then a flame graph and the collapsed stacks written.
 * It samples by CPU time with perf_events where the kernel allows them, by timer signals where it does not, and
 * sees what a JFR recording does not: native code (RocksDB, the JDK's crypto and zip) and the kernel's share of
 * every syscall (the network, the disk, waking other threads), where much of a service's CPU goes.
 */
public final class ServiceProfile {

    /**
     * @param name     what the process is called in the table and the file names (e.g. ingest-service)
     * @param interval CPU time between samples
     */
    public record Plan(long pid, String name, Duration length, Duration interval, Path directory) {

        public static Plan of(long pid, String name) {
            return new Plan(pid, name, Duration.ofSeconds(30), Duration.ofMillis(1), Path.of("profiles"));
        }

        public Plan withLength(Duration length) {
            return new Plan(pid, name, length, interval, directory);
        }

        public Plan withInterval(Duration interval) {
            return new Plan(pid, name, length, interval, directory);
        }

        public Plan withDirectory(Path directory) {
            return new Plan(pid, name, length, interval, directory);
        }
    }

    /**
     * @param stacks         the collapsed stacks, summed
     * @param procCpuSeconds the CPU the process used meanwhile by /proc (user and system), NaN when unreadable
     */
    public record Result(Plan plan, Path flameGraph, Path collapsed, CollapsedStacks stacks, double procCpuSeconds) {

        /** CPU seconds the samples stand for (one sample per interval of CPU time). */
        public double cpuSeconds() {
            return stacks.samples() * plan.interval().toNanos() / 1e9;
        }

        /** One Markdown table: where the files are, then the largest shares by thread, on the CPU and in our code. */
        public String table() {
            StringBuilder t = new StringBuilder();
            t.append(String.format(Locale.ROOT, "| profile of %s (pid %d) | %d s, a sample every %s of CPU |%n| --- | --- |%n",
                    plan.name(), plan.pid(), plan.length().toSeconds(), interval(plan.interval())));
            t.append(String.format(Locale.ROOT, "| CPU sampled | %.1f s (%.2f cores) |%n", cpuSeconds(),
                    cpuSeconds() / Math.max(1, plan.length().toSeconds())));
            // The samples may stand for less than the process used (Elasticsearch's, a fifth): the row says how much.
            t.append(String.format(Locale.ROOT, "| CPU used, from /proc | %.1f s; the samples stand for %.0f%% of it |%n", procCpuSeconds,
                    procCpuSeconds > 0 ? cpuSeconds() * 100 / procCpuSeconds : Double.NaN));
            t.append("| flame graph | ").append(flameGraph.toAbsolutePath()).append(" |\n");
            t.append("| collapsed stacks | ").append(collapsed.toAbsolutePath()).append(" |\n");
            rows(t, "thread", stacks.byThread(), 8);
            rows(t, "on the CPU", stacks.onCpu(), 15);
            rows(t, "our code, with what it called", stacks.ownCode(), 15);
            return t.toString();
        }

        private void rows(StringBuilder t, String heading, Map<String, Long> counts, int n) {
            for (Map.Entry<String, Long> e : CollapsedStacks.top(counts, n)) {
                t.append(String.format(Locale.ROOT, "| %s: %s | %.1f%% |%n", heading, e.getKey().replace("|", "\\|"),
                        stacks.samples() == 0 ? 0.0 : e.getValue() * 100.0 / stacks.samples()));
            }
        }

        private static String interval(Duration interval) {
            return interval.toNanos() % 1_000_000 == 0 ? interval.toMillis() + " ms" : interval.toNanos() / 1000 + " µs";
        }
    }

    private ServiceProfile() {
    }

    /** Profiles for the plan's length, saying every few seconds how far it is; the process is left as it was. */
    public static Result run(Plan plan, PrintStream progress) throws IOException, InterruptedException {
        Path library = library();
        Files.createDirectories(plan.directory());
        String stem = plan.name() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        // The process writes the files itself, into a directory only it and we may write to (Elasticsearch runs as
        // a user of its own, whom root can hand the directory), then they are moved
        Path scratch = Files.createTempDirectory("langnghe-profile-");
        int processUser = (Integer) Files.getAttribute(Path.of("/proc", Long.toString(plan.pid())), "unix:uid");
        if (processUser != (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) {
            Files.setAttribute(scratch, "unix:uid", processUser);
        }
        Path collapsed = plan.directory().resolve(stem + ".collapsed");
        Path flameGraph = plan.directory().resolve(stem + ".html");
        double cpuBefore;
        double cpuAfter;
        try {
            command(plan.pid(), library, "start,event=cpu,threads,interval=" + plan.interval().toNanos());
            cpuBefore = ProcessCpu.cpuSeconds(plan.pid());
            try {
                long start = System.nanoTime();
                for (Duration done = Duration.ZERO; done.compareTo(plan.length()) < 0; done = Duration.ofNanos(System.nanoTime() - start)) {
                    Thread.sleep(Math.min(plan.length().minus(done).toMillis() + 1, 5_000));
                    long seconds = Math.min(plan.length().toSeconds(), Duration.ofNanos(System.nanoTime() - start).toSeconds());
                    progress.printf("profiling %s (pid %d): %d of %d s%n", plan.name(), plan.pid(), seconds, plan.length().toSeconds());
                }
                cpuAfter = ProcessCpu.cpuSeconds(plan.pid());
                command(plan.pid(), library, "dump,collapsed,file=" + scratch.resolve("profile.collapsed"));
            } finally {
                stop(plan.pid(), library, scratch.resolve("profile.html"));
            }
            Files.move(scratch.resolve("profile.collapsed"), collapsed, StandardCopyOption.REPLACE_EXISTING);
            Files.move(scratch.resolve("profile.html"), flameGraph, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            try (Stream<Path> left = Files.list(scratch)) {
                for (Path file : left.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(scratch);
        }
        return new Result(plan, flameGraph, collapsed, CollapsedStacks.read(collapsed), cpuAfter - cpuBefore);
    }

    /** Stops the profiler writing the flame graph; should that fail, stops it anyway, so the next profile can start. */
    private static void stop(long pid, Path library, Path flameGraph) throws IOException {
        try {
            command(pid, library, "stop,file=" + flameGraph);
        } catch (IOException e) {
            try {
                command(pid, library, "stop");
            } catch (IOException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    /** One command to the profiler inside the process (loading it the first time). */
    private static void command(long pid, Path library, String options) throws IOException {
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException e) {
            throw new IOException("cannot attach to pid " + pid + " (a JVM of this user?): " + e.getMessage(), e);
        }
        try {
            vm.loadAgentPath(library.toString(), options);
        } catch (AgentLoadException | AgentInitializationException e) {
            throw new IOException("async-profiler refused '" + options + "' in pid " + pid + " (its own log is the process's stdout): "
                    + e.getMessage(), e);
        } finally {
            vm.detach();
        }
    }

    /**
     * The profiler's native library for this machine, copied out of its jar once to a path that names its version:
     * a JVM loads a library once per path, so every later command reaches the profiler already running in it.
     */
    static Path library() throws IOException {
        String platform = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "linux-x64";
            case "aarch64", "arm64" -> "linux-arm64";
            default -> throw new IOException("async-profiler has no library for " + System.getProperty("os.arch"));
        };
        if (!System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
            throw new IOException("profiling the stack's processes needs Linux (as its CPU figures do)");
        }
        // Ours alone: a library another user put there would run inside the process we profile
        String user = System.getProperty("user.name");
        Path directory = Path.of(System.getProperty("java.io.tmpdir"), "langnghe-async-profiler-" + version() + "-" + platform + "-" + user);
        if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS) && !Files.getOwner(directory, LinkOption.NOFOLLOW_LINKS).getName().equals(user)) {
            throw new IOException(directory + " belongs to another user: remove it, or set java.io.tmpdir");
        }
        Path library = directory.resolve("libasyncProfiler.so");
        try (InputStream in = ServiceProfile.class.getResourceAsStream("/" + platform + "/libasyncProfiler.so")) {
            if (in == null) {
                throw new IOException("async-profiler's library is not on the classpath (tools.profiler:async-profiler)");
            }
            byte[] bytes = in.readAllBytes();
            if (!Files.exists(library) || Files.size(library) != bytes.length) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
                Path partial = Files.createTempFile(directory, "lib", ".part");
                Files.write(partial, bytes);
                // Elasticsearch runs as a user of its own: the library must be readable by any process we profile
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
                Files.move(partial, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return library;
    }

    /** The version on the classpath (benchmarks/pom.xml): the library's path names it, so a newer one is loaded anew. */
    private static String version() throws IOException {
        Properties pom = new Properties();
        try (InputStream in = ServiceProfile.class.getResourceAsStream("/META-INF/maven/tools.profiler/async-profiler/pom.properties")) {
            if (in != null) {
                pom.load(in);
            }
        }
        return pom.getProperty("version", "unknown");
    }
}
