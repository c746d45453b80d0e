package io.langnghe.access;

import java.time.Duration;

/**
 * {@code capacity} tokens, refilled evenly over {@code window}: a burst of {@code capacity}, then one
 * request per {@code window / capacity}. Not fixed windows, which let twice the limit through at
 * a window's edge.
 */
final class TokenBucket {

    private final int capacity;
    private final double nanosPerToken;
    private double tokens;
    private long updatedAt;

    TokenBucket(int capacity, Duration window, long now) {
        this.capacity = capacity;
        this.nanosPerToken = (double) window.toNanos() / capacity;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes a token; when there is none, how long until there is one. */
    synchronized Duration take(long now) {
        tokens = Math.min(capacity, tokens + (now - updatedAt) / nanosPerToken);
        updatedAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) * nanosPerToken));
    }
}
