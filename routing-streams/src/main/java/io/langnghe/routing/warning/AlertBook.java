package io.langnghe.routing.warning;

import java.time.Instant;

/**
 * What has been said about one subject: the highest level raised, how many alerts, and the
 * acknowledgement if someone has seen the last one. Forgotten once the subject has been quiet for a
 * while, so the same trouble next month is news again.
 *
 * @param lastSeenAt the last time the subject was at the alert level or above
 */
public record AlertBook(String subject, RiskLevel highest, int raised, int lastScore, RiskLevel ackedLevel, Integer ackedScore,
                        Instant lastSeenAt) {

    static AlertBook none(String subject) {
        return new AlertBook(subject, RiskLevel.NONE, 0, 0, null, null, null);
    }

    /** Whether a subject now at this level and score is news: higher than before, or worse than when acknowledged. */
    boolean isNews(RiskLevel level, int score, int worsenedBy) {
        if (ackedLevel != null) {
            return level.isAbove(ackedLevel) || score >= ackedScore + worsenedBy;
        }
        return level.isAbove(highest);
    }

    AlertBook seen(Instant at) {
        return new AlertBook(subject, highest, raised, lastScore, ackedLevel, ackedScore, at);
    }

    AlertBook raisedAt(RiskLevel level, int score, Instant at) {
        RiskLevel top = level.isAbove(highest) ? level : highest;
        return new AlertBook(subject, top, raised + 1, score, null, null, at);
    }

    AlertBook acknowledged() {
        return new AlertBook(subject, highest, raised, lastScore, highest, lastScore, lastSeenAt);
    }
}
