package io.langnghe.ingest.limits;

import java.time.Duration;

/** Too many requests from one address or phone: answered 429 with Retry-After, nothing stored. */
public class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;
    private final boolean byPhone;

    public RateLimitedException(Duration retryAfter, boolean byPhone) {
        super("rate limited by " + (byPhone ? "phone" : "address"), null, false, false);
        this.retryAfter = retryAfter;
        this.byPhone = byPhone;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean byPhone() {
        return byPhone;
    }
}
