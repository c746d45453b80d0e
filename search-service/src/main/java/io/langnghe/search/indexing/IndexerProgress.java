package io.langnghe.search.indexing;

import java.time.Duration;

/**
 * How an indexer thread is doing, for the health and the lag gauge.
 *
 * @param running       the thread is alive
 * @param lag           records it is behind the end of its topic
 * @param sinceAdvanced time since it last committed a batch or found nothing left to read
 */
public record IndexerProgress(boolean running, long lag, Duration sinceAdvanced) {

    /** An indexer may take its time over a batch (Elasticsearch pausing), not this long while cases wait. */
    public static final Duration STUCK_AFTER = Duration.ofMinutes(2);

    /** Up unless the thread stopped, or cases wait and it has not moved for {@link #STUCK_AFTER}. */
    public boolean up() {
        return running && (lag == 0 || sinceAdvanced.compareTo(STUCK_AFTER) < 0);
    }
}
