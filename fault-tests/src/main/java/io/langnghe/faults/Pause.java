package io.langnghe.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The suite's one way to wait: its load and faults are paced in wall-clock time by design. */
final class Pause {

    private Pause() {
    }

    /** Reads again each second until what it read is enough, or {@code patience} has passed; the last reading. */
    static <T> T readUntil(Supplier<T> read, Predicate<T> enough, Duration patience) {
        Instant until = Instant.now().plus(patience);
        T reading = read.get();
        while (!enough.test(reading) && Instant.now().isBefore(until)) {
            of(Duration.ofSeconds(1));
            reading = read.get();
        }
        return reading;
    }

    static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
