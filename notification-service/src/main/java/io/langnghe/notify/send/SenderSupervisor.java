package io.langnghe.notify.send;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Keeps one sender running: a sender whose thread ends on an error (the broker gone for good, a bug) is
 * replaced by a fresh one after a doubling pause, and what it had not committed is read again. Between
 * the two, {@link #progress()} says it is not running, so {@code /health} is DOWN.
 */
public final class SenderSupervisor {

    private static final Logger LOG = LoggerFactory.getLogger(SenderSupervisor.class);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(1);

    private final Supplier<Sender> senders;
    private final Clock clock;
    private final AtomicLong replaced = new AtomicLong();
    private volatile Sender current;
    private volatile boolean stopping;
    private Thread thread;

    public SenderSupervisor(Supplier<Sender> senders, Clock clock) {
        this.senders = senders;
        this.clock = clock;
    }

    public synchronized void start() {
        if (thread == null) {
            thread = new Thread(this::keepRunning, "notification-sender");
            thread.start();
        }
    }

    public void stop(Duration within) throws InterruptedException {
        stopping = true;
        Sender sender = current;
        if (sender != null) {
            sender.stop();
        }
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            running.interrupt();
            running.join(within.toMillis());
        }
    }

    /** How the sender is doing now: the health and the lag gauge read this. */
    public SenderProgress progress() {
        Sender sender = current;
        if (sender == null) {
            return new SenderProgress(false, 0, Duration.ZERO, replaced.get());
        }
        return new SenderProgress(true, sender.lag(), Duration.between(sender.advancedAt(), clock.instant()), replaced.get());
    }

    private void keepRunning() {
        Duration pause = FIRST_PAUSE;
        while (!stopping) {
            Instant startedAt = clock.instant();
            try {
                current = senders.get();
                current.run();
            } catch (RuntimeException | Error e) {
                LOG.error("The notification sender stopped on an error; a new one starts in {}", pause, e);
            } finally {
                current = null;
            }
            if (stopping) {
                return;
            }
            replaced.incrementAndGet();
            // a sender that ran a good while before failing starts the pauses again from the shortest
            pause = Duration.between(startedAt, clock.instant()).compareTo(LONGEST_PAUSE) > 0 ? FIRST_PAUSE : pause;
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }
}
