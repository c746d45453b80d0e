package io.langnghe.contracts;

import java.time.Instant;
import java.util.List;

/**
 * How likely a case or an issue is to escalate, from 0 to 100, with the reasons that add up to it.
 *
 * @param level   {@code none}, {@code watch}, {@code warning} or {@code critical} (thresholds are configuration)
 * @param reasons each signal that counted, with its weight; the score is their sum, at most 100
 */
public record Risk(int score, String level, List<Alert.Reason> reasons, Instant assessedAt) {

    public Risk {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** The same score, level and reasons, whenever each was assessed. */
    public boolean sameAs(Risk other) {
        return other != null && score == other.score && level.equals(other.level) && reasons.equals(other.reasons);
    }
}
