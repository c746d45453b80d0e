package io.langnghe.routing.health;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StreamsVerdictTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    @ParameterizedTest(name = "{0} for {1} s: up={2}")
    @CsvSource({
            // state,          seconds in it, up
            "RUNNING,          3600,          true",
            "REBALANCING,      5,             true",
            "REBALANCING,      59,            true",
            "REBALANCING,      60,            false",   // a rebalance that does not end is an outage
            "CREATED,          1,             false",
            "PENDING_ERROR,    1,             false",
            "ERROR,            1,             false",   // the client shut down; the HTTP port still answers
            "PENDING_SHUTDOWN, 1,             false",
            "NOT_RUNNING,      1,             false",
    })
    void routesPetitionsOnlyWhenRunningOrBrieflyRebalancing(State state, long seconds, boolean up) {
        assertThat(StreamsVerdict.up(state, NOW.minus(Duration.ofSeconds(seconds)), NOW)).isEqualTo(up);
    }
}
