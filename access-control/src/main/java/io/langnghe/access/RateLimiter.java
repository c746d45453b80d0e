package io.langnghe.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The one rate limiter of every door (ingest's petitions, SMS and tracking; search-service's public
 * list, tracking, rating, look-alikes and login): one {@link TokenBucket} per sender key, so a sender
 * gets a burst of {@code capacity} and then one request per {@code window / capacity}, never twice
 * the limit across a window's edge. In memory per instance: at most {@code maxSenders} keys, each
 * forgotten once idle for {@code idle} (by then its bucket is full again anyway).
 */
public final class RateLimiter {

    private final Cache<String, TokenBucket> buckets;
    private final LongSupplier nanoTime;

    public RateLimiter(long maxSenders, Duration idle) {
        this(maxSenders, idle, System::nanoTime);
    }

    /** @param nanoTime a monotonic clock in nanoseconds (tests move their own) */
    public RateLimiter(long maxSenders, Duration idle, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.buckets = Caffeine.newBuilder()
                .ticker(nanoTime::getAsLong)
                // evictions are cheap bookkeeping: inline on the caller, not a hand-off to the common pool per request
                .executor(Runnable::run)
                .expireAfterAccess(idle)
                .maximumSize(maxSenders)
                .build();
    }

    /**
     * Takes one request from the sender's bucket of {@code capacity} per {@code window}.
     *
     * @return zero when the request may go on, else how long until the sender may try again
     */
    public Duration take(String sender, int capacity, Duration window) {
        long now = nanoTime.getAsLong();
        return buckets.get(sender, key -> new TokenBucket(capacity, window, now)).take(now);
    }
}
