package io.langnghe.faults;

import java.time.Duration;

/** The suite's one way to wait: its load and faults are paced in wall-clock time by design. */
final class Pause {

    private Pause() {
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
