package io.langnghe.notify.send;

import java.time.Duration;

/**
 * How the sender is doing, for the health and the lag gauge.
 *
 * @param running       a sender is running (not between a failure and its replacement)
 * @param lag           requests it is behind the end of {@code notifications.v1}
 * @param sinceAdvanced time since it last committed what it read
 * @param replaced      senders replaced after a failure since the service started
 */
public record SenderProgress(boolean running, long lag, Duration sinceAdvanced, long replaced) {

    /** A gateway may be slow for a while (the back-off waits up to a minute), not this long while messages wait. */
    public static final Duration STUCK_AFTER = Duration.ofMinutes(2);

    public boolean up() {
        return running && (lag == 0 || sinceAdvanced.compareTo(STUCK_AFTER) < 0);
    }
}
