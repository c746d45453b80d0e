package io.langnghe.contracts;

import java.time.Instant;

/**
 * A spike the early warning sees now in one area and category: value of {@code spikes.v1}, keyed by
 * "area|category" (compacted; a tombstone once it is over). The case keeper reads it to open a new case of
 * that area and category with the risk the early warning would give it, so a lone case in a spike needs
 * no second version to carry it. The early warning writes it when a spike starts or ends, and again every
 * half hour while it lasts: a record per change of the spike, not per report.
 *
 * @param count     reports of the area and category in the 24 hours before {@code seenAt}
 * @param mean      the same 24 hours on the previous days, on average, {@code spread} their spread
 * @param threshold the count from which it is a spike
 * @param seenAt    the report (stream time) that saw it so; a reader trusts it for an hour after
 */
public record SpikeInForce(String area, Category category, long count, double mean, double spread, long threshold,
                           Instant seenAt) {

    /** The key of an area and category on spikes.v1. */
    public static String key(String area, Category category) {
        return area + "|" + category.code();
    }
}
