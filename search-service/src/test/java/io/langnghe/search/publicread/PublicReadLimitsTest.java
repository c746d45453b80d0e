package io.langnghe.search.publicread;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PublicReadLimitsTest {

    private static final String RESIDENT = "203.0.113.7";
    private static final String NEIGHBOUR = "203.0.113.8";

    private final MovableClock clock = new MovableClock();

    @Test
    void anAddressGetsABurstOfItsReadsThenOneReadPerShareOfTheWindow() {
        PublicReadLimits limits = new PublicReadLimits(settings(3, List.of()), clock);

        for (int i = 0; i < 3; i++) {
            assertThat(limits.secondsToWait(RESIDENT)).isEmpty();
        }
        clock.advance(Duration.ofSeconds(5));
        assertThat(limits.secondsToWait(RESIDENT)).hasValue(15);
        assertThat(limits.secondsToWait(NEIGHBOUR)).as("another address counts on its own").isEmpty();
        clock.advance(Duration.ofSeconds(15));
        assertThat(limits.secondsToWait(RESIDENT)).as("3 reads a minute: one more every 20 s").isEmpty();
        assertThat(limits.secondsToWait(RESIDENT)).hasValue(20);
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
        return new PublicReadSettings(perIp, Duration.ofMinutes(1), 1000, exempt, false, List.of("127.0.0.1", "::1"), perIp);
    }

    @Test
    void theLocalStackExemptsItsOwnAddressesNotTheWholeLoopbackRange() {
        PublicReadLimits limits = new PublicReadLimits(new PublicReadSettings(1, Duration.ofMinutes(1), 1000, List.of(), true,
                List.of("127.0.0.1", "::1"), 1), clock);

        for (int i = 0; i < 10; i++) {
            assertThat(limits.secondsToWait("127.0.0.1")).isEmpty();
            assertThat(limits.secondsToWaitAtDoor("track", "0:0:0:0:0:0:0:1")).isEmpty();
        }
        assertThat(limits.secondsToWait("127.0.0.2")).as("an outside resident played from 127.0.0.2").isEmpty();
        assertThat(limits.secondsToWait("127.0.0.2")).isPresent();
    }

    @Test
    void eachDoorCountsApart() {
        PublicReadLimits limits = new PublicReadLimits(settings(1, List.of()), clock);

        assertThat(limits.secondsToWaitAtDoor("track", RESIDENT)).isEmpty();
        assertThat(limits.secondsToWaitAtDoor("login", RESIDENT)).isEmpty();
        assertThat(limits.secondsToWait(RESIDENT)).isEmpty();
        assertThat(limits.secondsToWaitAtDoor("track", RESIDENT)).isPresent();
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
