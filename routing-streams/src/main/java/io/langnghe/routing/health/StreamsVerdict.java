package io.langnghe.routing.health;

import org.apache.kafka.streams.KafkaStreams;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a streams client routes petitions: RUNNING does; REBALANCING is the normal pause of a restart
 * or a new member and counts as up for its first minute; any other state (a shut-down client behind a
 * live HTTP port, an error) is down.
 */
public final class StreamsVerdict {

    static final Duration REBALANCING_GRACE = Duration.ofMinutes(1);

    private StreamsVerdict() {
    }

    public static boolean up(KafkaStreams.State state, Instant since, Instant now) {
        return switch (state) {
            case RUNNING -> true;
            case REBALANCING -> Duration.between(since, now).compareTo(REBALANCING_GRACE) < 0;
            default -> false;
        };
    }
}
