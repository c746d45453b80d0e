package io.langnghe.routing.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The time the deadline watch reads: the stream's wall clock, moved forward by an offset that only a
 * fault drill sets ({@code langnghe.routing.clock.movable}). Moving this, never the machine's clock, is
 * how {@code ./langnghe chaos} shows a day's jump marks each deadline once. The offset lives in memory:
 * a restart returns to the real time, and marks already made stay made.
 */
public final class DeadlineClock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** What the deadline watch takes as now, for a wall-clock time the stream gave it. */
    public Instant now(long wallClockMillis) {
        return Instant.ofEpochMilli(wallClockMillis).plus(offset.get());
    }

    /** Moves the clock forward (never back: a deadline once passed stays passed); returns the new offset. */
    public Duration moveForward(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the deadline clock only moves forward");
        }
        return offset.updateAndGet(current -> current.plus(by));
    }

    public Duration offset() {
        return offset.get();
    }
}
