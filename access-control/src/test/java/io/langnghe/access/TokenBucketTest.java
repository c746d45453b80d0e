package io.langnghe.access;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    @Test
    void letsABurstThroughThenOneRequestPerShareOfTheWindow() {
        TokenBucket bucket = new TokenBucket(3, Duration.ofMinutes(1), 0);

        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isEqualTo(Duration.ofSeconds(20));
        assertThat(bucket.take(MINUTE / 6)).isEqualTo(Duration.ofSeconds(10));
        assertThat(bucket.take(MINUTE / 3)).isZero();
        assertThat(bucket.take(MINUTE / 3)).isPositive();
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, Duration.ofMinutes(1), 0);

        assertThat(bucket.take(100 * MINUTE)).isZero();
        assertThat(bucket.take(100 * MINUTE)).isZero();
        assertThat(bucket.take(100 * MINUTE)).isPositive();
    }
}
