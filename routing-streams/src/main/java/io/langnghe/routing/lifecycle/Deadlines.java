package io.langnghe.routing.lifecycle;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.HistoryEntry;

import java.time.Instant;
import java.util.List;

/**
 * When the next step of a case is due, in working days of the {@link WorkingCalendar}:
 * <pre>
 *   assigned, reopened          → acknowledge by  assignedAt + acknowledgeWithin
 *   acknowledged … answered     → resolve by      assignedAt + resolveWithin
 *   resolved, closed, rejected, merged → nothing due
 * </pre>
 * where assignedAt is when the case last reached its department (opened, reassigned, returned to
 * triage or reopened): a department is not late for the time a case spent elsewhere.
 */
public final class Deadlines {

    private final WorkingCalendar calendar;
    private final int acknowledgeWithin;
    private final int resolveWithin;

    public Deadlines(WorkingCalendar calendar, int acknowledgeWithinWorkingDays, int resolveWithinWorkingDays) {
        this.calendar = calendar;
        this.acknowledgeWithin = acknowledgeWithinWorkingDays;
        this.resolveWithin = resolveWithinWorkingDays;
    }

    /** A case just opened: to be acknowledged. */
    public Instant opened(Instant at) {
        return calendar.plusWorkingDays(at, acknowledgeWithin);
    }

    Instant dueAfter(CaseState current, CaseStatus status, Instant at) {
        return switch (status) {
            case NEW, ASSIGNED, REOPENED -> calendar.plusWorkingDays(at, acknowledgeWithin);
            case ACKNOWLEDGED, IN_PROGRESS, ANSWERED -> calendar.plusWorkingDays(assignedAt(current), resolveWithin);
            case RESOLVED, CLOSED, REJECTED, MERGED -> null;
        };
    }

    private static Instant assignedAt(CaseState current) {
        List<HistoryEntry> history = current.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry entry = history.get(i);
            if (entry.status() == CaseStatus.ASSIGNED || entry.status() == CaseStatus.REOPENED) {
                return entry.at();
            }
        }
        return current.createdAt();
    }
}
