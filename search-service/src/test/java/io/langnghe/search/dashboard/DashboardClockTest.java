package io.langnghe.search.dashboard;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's "now" to the minute: the same minute gives the same request, and no case is left out. */
class DashboardClockTest {

    @Test
    void aPeriodEndsAtTheEndOfTheMinuteSoNothingCreatedUpToNowIsLeftOut() {
        assertThat(DashboardClock.endOfMinute(Instant.parse("2026-11-27T01:05:38.123Z"))).isEqualTo("2026-11-27T01:06:00Z");
        assertThat(DashboardClock.endOfMinute(Instant.parse("2026-11-27T01:05:59.999Z"))).isEqualTo("2026-11-27T01:06:00Z");
        assertThat(DashboardClock.endOfMinute(Instant.parse("2026-11-27T01:06:00Z"))).isEqualTo("2026-11-27T01:06:00Z");
    }

    @Test
    void overdueIsCountedAsOfTheStartOfTheMinute() {
        assertThat(DashboardClock.startOfMinute(Instant.parse("2026-11-27T01:05:38.123Z"))).isEqualTo("2026-11-27T01:05:00Z");
    }
}
