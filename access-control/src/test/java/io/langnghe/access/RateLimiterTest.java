package io.langnghe.access;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(1000, Duration.ofHours(1), now::get);

    @Test
    void eachSenderHasABucketOfItsOwn() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.take("ip:203.0.113.7", 3, Duration.ofMinutes(1))).isZero();
        }

        assertThat(limiter.take("ip:203.0.113.7", 3, Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(20));
        assertThat(limiter.take("ip:203.0.113.8", 3, Duration.ofMinutes(1))).as("a neighbour").isZero();
        assertThat(limiter.take("phone:+84987654321", 3, Duration.ofMinutes(1))).as("another kind of sender").isZero();
    }

    @Test
    void aSenderMayGoOnOnceItsBucketRefilled() {
        limiter.take("ip:203.0.113.7", 1, Duration.ofMinutes(1));
        assertThat(limiter.take("ip:203.0.113.7", 1, Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(1));

        now.addAndGet(Duration.ofSeconds(45).toNanos());
        assertThat(limiter.take("ip:203.0.113.7", 1, Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(15));

        now.addAndGet(Duration.ofSeconds(15).toNanos());
        assertThat(limiter.take("ip:203.0.113.7", 1, Duration.ofMinutes(1))).isZero();
    }

    @Test
    void anIdleSenderIsForgottenWithAFullBucket() {
        for (int i = 0; i < 2; i++) {
            limiter.take("ip:203.0.113.7", 2, Duration.ofHours(1));
        }
        now.addAndGet(Duration.ofHours(2).toNanos());

        assertThat(limiter.take("ip:203.0.113.7", 2, Duration.ofHours(1))).isZero();
        assertThat(limiter.take("ip:203.0.113.7", 2, Duration.ofHours(1))).isZero();
        assertThat(limiter.take("ip:203.0.113.7", 2, Duration.ofHours(1))).isPositive();
    }
}
