package io.langnghe.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A server running as a child process, its output in a log file. Stopping sends SIGTERM, waits, then
 * kills the whole process tree; a JVM shutdown hook does the same so no server outlives its parent.
 */
public final class ChildProcess implements AutoCloseable {

    /** Shutdown hooks run in no particular order; a caller that stops children in order turns ours off. */
    private static volatile boolean stopOnJvmExit = true;
    /** The pids (each also a process group, under setsid) of the children alive now, for the watchdog. */
    private static final Set<Long> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile Consumer<Set<Long>> childrenChanged = live -> { };

    private final String name;
    private final Process process;
    private final Path log;
    private final Thread shutdownHook;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.shutdownHook = new Thread(this::stop, "stop-" + name);
        if (stopOnJvmExit) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        LIVE.add(process.pid());
        childrenChanged();
        process.onExit().thenRun(() -> {
            LIVE.remove(process.pid());
            childrenChanged();
        });
    }

    /** Tells the listener (the watchdog) the live children now and after every start or exit. */
    static void onChildrenChanged(Consumer<Set<Long>> listener) {
        childrenChanged = listener;
        childrenChanged();
    }

    // one snapshot at a time, so an older list never overwrites a newer one
    private static synchronized void childrenChanged() {
        childrenChanged.accept(Set.copyOf(LIVE));
    }

    /** Children started from now on are stopped by the caller's own shutdown hook, in its order. */
    public static void leaveStoppingOnExitToCaller() {
        stopOnJvmExit = false;
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                                     Path workingDirectory, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(inOwnSession(command))
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return new ChildProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + command, e);
        }
    }

    /**
     * Ctrl-C in a terminal signals the whole foreground process group; in their own session the children
     * hear only their parent, which stops them in order. setsid execs in place, so the pid stays the same.
     */
    static List<String> inOwnSession(List<String> command) {
        if (!Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            return command;
        }
        List<String> wrapped = new java.util.ArrayList<>(List.of("/usr/bin/setsid"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Runs a command to completion (bounded), failing with the tail of its output. */
    public static void run(String name, List<String> command, Path workingDirectory, Path log, long timeoutSeconds) {
        ChildProcess child = start(name, command, Map.of(), workingDirectory, log);
        try {
            if (!child.process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                child.stop();
                throw new IllegalStateException(name + " did not finish within " + timeoutSeconds + " s\n" + child.logTail(30));
            }
            if (child.process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed (exit " + child.process.exitValue() + ")\n" + child.logTail(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.stop();
            throw new IllegalStateException(name + " interrupted", e);
        } finally {
            child.removeShutdownHook();
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status, once the process has ended. */
    public int exitValue() {
        return process.exitValue();
    }

    public Path log() {
        return log;
    }

    /** Throws with the end of the log when the process has already died. */
    public void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with status " + process.exitValue()
                    + " while starting; end of " + log + ":\n" + logTail(40));
        }
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, up to 30 s for a clean stop, then SIGKILL for the process and anything it left behind. */
    public void stop() {
        if (process.isAlive()) {
            var descendants = process.descendants().toList();
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Override
    public void close() {
        stop();
        removeShutdownHook();
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run; nothing to remove
        }
    }
}
