package io.langnghe.routing.warning;

import io.langnghe.contracts.Category;

/**
 * Reports of one area and category in the last 24 hours against that area's own baseline: the same
 * 24 hours on each of the previous days (mean and spread).
 *
 * @param threshold the count from which it is a spike: at least the minimum count, and above mean + k × spread
 */
public record Spike(String area, Category category, long count, double mean, double spread, long threshold) {

    public boolean isSpike() {
        return count >= threshold;
    }

    /** Twice the threshold or more: critical rather than a warning. */
    public RiskLevel level() {
        return count >= 2 * threshold ? RiskLevel.CRITICAL : RiskLevel.WARNING;
    }

    String describe() {
        return String.format("%d phản ánh %s tại %s trong 24 giờ, bình thường %.1f ± %.1f / %d reports of %s in %s in 24 hours, usually %.1f ± %.1f",
                count, category.code(), area, mean, spread, count, category.code(), area, mean, spread);
    }
}
