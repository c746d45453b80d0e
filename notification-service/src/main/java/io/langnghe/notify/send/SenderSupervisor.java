package io.langnghe.notify.send;

import io.langnghe.contracts.kafka.ConsumerProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    private final CountDownLatch stopping = new CountDownLatch(1);
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

    /**
     * Lets the sender finish the message at hand, outcome written, before it stops. Never interrupts it:
     * an interrupt between the channel's acceptance and the outcome's write would send the message again.
     */
    public void stop(Duration within) throws InterruptedException {
        stopping.countDown();
        Sender sender = current;
        if (sender != null) {
            sender.stop();
        }
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            running.join(within.toMillis());
        }
    }

    /** How the sender is doing now: the health and the lag gauge read this. */
    public ConsumerProgress progress() {
        Sender sender = current;
        if (sender == null) {
            return ConsumerProgress.notRunning();
        }
        return new ConsumerProgress(true, sender.lag(), Duration.between(sender.advancedAt(), clock.instant()));
    }

    /** Senders replaced after stopping on an error since the service started. */
    public long replaced() {
        return replaced.get();
    }

    private void keepRunning() {
        Duration pause = FIRST_PAUSE;
        while (stopping.getCount() > 0) {
            Instant startedAt = clock.instant();
            try {
                current = senders.get();
                if (stopping.getCount() == 0) {
                    current.stop(); // stop() came while it was being made: it closes without reading
                }
                current.run();
            } catch (RuntimeException | Error e) {
                LOG.error("The notification sender stopped on an error; a new one starts in {}", pause, e);
            } finally {
                current = null;
            }
            if (stopping.getCount() == 0) {
                return;
            }
            replaced.incrementAndGet();
            // a sender that ran a good while before failing starts the pauses again from the shortest
            pause = Duration.between(startedAt, clock.instant()).compareTo(LONGEST_PAUSE) > 0 ? FIRST_PAUSE : pause;
            try {
                if (stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }
}
