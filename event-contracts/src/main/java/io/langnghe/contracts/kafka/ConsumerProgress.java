package io.langnghe.contracts.kafka;

import java.time.Duration;
import java.util.Map;

/**
 * How a long-running consumer (an indexer, the notification sender) is doing, for its service's health
 * and lag gauge.
 *
 * @param running       its thread is alive (not between a failure and its replacement)
 * @param lag           records it is behind the end of its topic
 * @param sinceAdvanced time since it last committed what it read or found nothing left to read
 */
public record ConsumerProgress(boolean running, long lag, Duration sinceAdvanced) {

    /** Its work may take a while (Elasticsearch pausing, a gateway's back-off of up to a minute), not this long while records wait. */
    public static final Duration STUCK_AFTER = Duration.ofMinutes(2);

    public static ConsumerProgress notRunning() {
        return new ConsumerProgress(false, 0, Duration.ZERO);
    }

    /** Up unless it stopped, or records wait and it has not moved for {@link #STUCK_AFTER}. */
    public boolean up() {
        return running && (lag == 0 || sinceAdvanced.compareTo(STUCK_AFTER) < 0);
    }

    /** What the health endpoint shows of it. */
    public Map<String, Object> details() {
        return Map.of("running", running, "lag", lag, "secondsSinceAdvanced", sinceAdvanced.toSeconds());
    }
}
