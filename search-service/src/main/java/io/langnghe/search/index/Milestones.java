package io.langnghe.search.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.HistoryEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When a case first reached each step, derived from its history at index time: the cluster has no
 * scripting, so the dashboard aggregates these stored numbers instead of computing them per query.
 *
 * @param onTime answered (or resolved) no later than the deadline; absent while unanswered or without one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Milestones(Instant acknowledgedAt, Instant answeredAt, Instant resolvedAt,
                         Long minutesToAcknowledge, Long minutesToResolve, Boolean onTime) {

    // Any of these means an officer has taken the case in hand, even if "acknowledged" was skipped.
    private static final Set<CaseStatus> TAKEN_IN_HAND = EnumSet.of(
            CaseStatus.ACKNOWLEDGED, CaseStatus.IN_PROGRESS, CaseStatus.ANSWERED, CaseStatus.RESOLVED);
    private static final Set<CaseStatus> ANSWERED = EnumSet.of(CaseStatus.ANSWERED, CaseStatus.RESOLVED);

    public static Milestones of(Instant createdAt, Instant dueAt, List<HistoryEntry> history) {
        Instant acknowledged = first(history, TAKEN_IN_HAND);
        Instant answered = first(history, ANSWERED);
        Instant resolved = first(history, EnumSet.of(CaseStatus.RESOLVED));
        Boolean onTime = answered == null || dueAt == null ? null : !answered.isAfter(dueAt);
        return new Milestones(acknowledged, answered, resolved,
                minutesBetween(createdAt, acknowledged), minutesBetween(createdAt, resolved), onTime);
    }

    private static Instant first(List<HistoryEntry> history, Set<CaseStatus> statuses) {
        if (history == null) {
            return null;
        }
        return history.stream()
                .filter(e -> e.status() != null && e.at() != null && statuses.contains(e.status()))
                .map(HistoryEntry::at)
                .min(Instant::compareTo)
                .orElse(null);
    }

    private static Long minutesBetween(Instant from, Instant to) {
        return from == null || to == null || to.isBefore(from) ? null : Duration.between(from, to).toMinutes();
    }
}
