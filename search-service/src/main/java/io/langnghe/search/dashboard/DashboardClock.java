package io.langnghe.search.dashboard;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * "Now" for the dashboard's aggregations, to the whole minute. Elasticsearch answers a repeated
 * aggregation from its shard request cache only when the request is the same to the byte, so a
 * time that moves every millisecond would never hit it; until the index changes, every leader
 * opening the dashboard in the same minute gets the answer without recomputing it.
 */
public final class DashboardClock {

    private DashboardClock() {
    }

    /** The end of the current minute: as an exclusive upper bound it loses no case created up to now. */
    public static Instant endOfMinute(Instant now) {
        Instant start = startOfMinute(now);
        return start.equals(now) ? now : start.plus(1, ChronoUnit.MINUTES);
    }

    /** The start of the current minute: "overdue" as of then, at most a minute behind. */
    public static Instant startOfMinute(Instant now) {
        return now.truncatedTo(ChronoUnit.MINUTES);
    }
}
