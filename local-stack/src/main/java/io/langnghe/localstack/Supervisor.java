package io.langnghe.localstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Keeps the stack's children alive: a child that exits is started again on the same data after a
 * back-off that doubles (base, 2 × base, ... at most 30 s), with one line on stdout per restart. A child
 * that needs more than {@value #MAX_RESTARTS} restarts within ten minutes is not helped by more of them:
 * the supervisor gives up and hands the reason to the launcher, which stops the stack.
 */
public final class Supervisor {

    static final int MAX_RESTARTS = 5;
    static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Duration LONGEST_BACK_OFF = Duration.ofSeconds(30);
    private static final Duration CHECK_EVERY = Duration.ofMillis(500);

    private final List<SupervisedChild<?>> children;
    private final Duration backOffBase;
    private final PrintStream out;
    private final Consumer<String> giveUp;
    private final Map<SupervisedChild<?>, Deque<Long>> restarts = new HashMap<>();
    private volatile boolean stopped;
    private Thread thread;

    public Supervisor(List<SupervisedChild<?>> children, Duration backOffBase, PrintStream out, Consumer<String> giveUp) {
        this.children = List.copyOf(children);
        this.backOffBase = backOffBase;
        this.out = out;
        this.giveUp = giveUp;
    }

    public synchronized void start() {
        thread = new Thread(this::watch, "supervisor");
        thread.setDaemon(true);
        thread.start();
    }

    /** No restarts from now on; the launcher is stopping the children itself. */
    public void stop() {
        stopped = true;
        Thread watching = thread;
        if (watching != null && watching != Thread.currentThread()) {
            watching.interrupt();
        }
    }

    private void watch() {
        try {
            while (!stopped) {
                for (SupervisedChild<?> child : children) {
                    if (!stopped && !child.isClosed() && !child.isAlive()) {
                        restart(child);
                    }
                }
                Thread.sleep(CHECK_EVERY.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void restart(SupervisedChild<?> child) throws InterruptedException {
        long now = System.nanoTime();
        Deque<Long> recent = restarts.computeIfAbsent(child, c -> new ArrayDeque<>());
        while (!recent.isEmpty() && now - recent.peekFirst() > WINDOW.toNanos()) {
            recent.removeFirst();
        }
        String status = child.exitStatus();
        if (recent.size() >= MAX_RESTARTS) {
            stopped = true;
            giveUp.accept(child.name() + " exited (" + status + ") after " + MAX_RESTARTS + " restarts within "
                    + WINDOW.toMinutes() + " minutes; stopping the stack. See its log.");
            return;
        }
        recent.addLast(now);
        Duration backOff = backOff(recent.size());
        line("%s exited (%s); restart %d of %d in %s", child.name(), status, recent.size(), MAX_RESTARTS,
                format(backOff));
        Thread.sleep(backOff.toMillis());
        if (stopped || child.isClosed()) {
            return;
        }
        try {
            child.start();
            line("%s restarted (pid %d)", child.name(), child.pid());
        } catch (RuntimeException e) {
            line("%s did not restart: %s", child.name(), firstLine(e.getMessage()));
        }
    }

    /** base, 2 × base, 4 × base, ... at most 30 s. */
    Duration backOff(int restart) {
        Duration backOff = backOffBase.multipliedBy(1L << Math.min(restart - 1, 16));
        return backOff.compareTo(LONGEST_BACK_OFF) > 0 ? LONGEST_BACK_OFF : backOff;
    }

    private void line(String format, Object... arguments) {
        out.printf("  supervisor: " + format + "%n", arguments);
        out.flush();
    }

    private static String format(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
