package io.langnghe.search.publicread;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PublicReadLimitsTest {

    private static final InetSocketAddress RESIDENT = new InetSocketAddress("203.0.113.7", 50000);
    private static final InetSocketAddress NEIGHBOUR = new InetSocketAddress("203.0.113.8", 50000);

    private final MovableClock clock = new MovableClock();

    @Test
    void anAddressGetsItsReadsPerWindowThenWaitsForTheNextWindow() {
        PublicReadLimits limits = new PublicReadLimits(settings(3, List.of()), clock);

        for (int i = 0; i < 3; i++) {
            assertThat(limits.secondsToWait(RESIDENT)).isEmpty();
        }
        clock.advance(Duration.ofSeconds(20));
        assertThat(limits.secondsToWait(RESIDENT)).hasValue(40);
        assertThat(limits.secondsToWait(NEIGHBOUR)).as("another address counts on its own").isEmpty();
        clock.advance(Duration.ofSeconds(40));
        assertThat(limits.secondsToWait(RESIDENT)).isEmpty();
    }

    @Test
    void exemptAddressesAreNeverLimited() {
        PublicReadLimits limits = new PublicReadLimits(settings(1, List.of("203.0.113.7", "")), clock);

        for (int i = 0; i < 10; i++) {
            assertThat(limits.secondsToWait(RESIDENT)).isEmpty();
        }
        assertThat(limits.secondsToWait(NEIGHBOUR)).isEmpty();
        assertThat(limits.secondsToWait(NEIGHBOUR)).isPresent();
    }

    private static PublicReadSettings settings(int perIp, List<String> exempt) {
        return new PublicReadSettings(perIp, Duration.ofMinutes(1), 1000, exempt, false);
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
