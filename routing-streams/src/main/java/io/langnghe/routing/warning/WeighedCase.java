package io.langnghe.routing.warning;

import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.DeadlineState;
import io.langnghe.contracts.HistoryEntry;
import io.langnghe.contracts.Risk;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A case version as the early warning weighs it: what {@link CaseMemo} and the look-alike search read, taken from
 * the case as the case keeper just kept it.
 *
 * @param reporter     the hashed contact, or "case:<id>" when the resident left none (each such case is its own reporter)
 * @param receivedAt   when the case opened, by its record's time (as every time the early warning compares)
 * @param lastActionAt the ward's last action on it (opening counts; deadline marks and assessments do not)
 * @param split        an officer or a leader said it is another problem than its issue's: it leaves the issue for good
 */
public record WeighedCase(
        String caseId,
        String trackingCode,
        String text,
        String caseRef,
        String reporter,
        String area,
        Category category,
        String department,
        CaseStatus status,
        DeadlineState deadlineState,
        boolean urgent,
        Instant receivedAt,
        Instant lastActionAt,
        String clusterId,
        Risk risk,
        boolean split) {

    /** Entries of the history that are not the ward acting: deadline marks, assessments, residents' ratings. */
    private static final Set<String> NOT_ACTIONS = Set.of(DeadlineState.DUE_SOON.code(), DeadlineState.OVERDUE.code(),
            CaseCommand.Type.ASSESS.code(), CaseCommand.Type.RATE.code());

    public static WeighedCase of(CaseState c) {
        String reporter = c.contact() != null && c.contact().contactHash() != null ? c.contact().contactHash() : "case:" + c.caseId();
        return new WeighedCase(c.caseId(), c.trackingCode(), c.text(), c.caseRef(), reporter, c.area(), c.category(), c.department(),
                c.status(), c.deadlineState(), c.urgent(), receivedAt(c), lastActionAt(c), c.clusterId(), c.risk(), wasSplit(c));
    }

    boolean isOpen() {
        return status != null && status.isOpen();
    }

    static Instant receivedAt(CaseState c) {
        return c.createdAt() == null ? c.receivedAt() : c.createdAt();
    }

    static Instant lastActionAt(CaseState c) {
        Instant last = c.createdAt();
        for (HistoryEntry entry : c.history()) {
            if (!NOT_ACTIONS.contains(entry.action()) && entry.at() != null && (last == null || entry.at().isAfter(last))) {
                last = entry.at();
            }
        }
        return last;
    }

    /** Split off its issue by an officer or a leader: the newest line says so, and the case names no issue any more. */
    private static boolean wasSplit(CaseState c) {
        List<HistoryEntry> history = c.history();
        return c.clusterId() == null && !history.isEmpty()
                && CaseCommand.Type.SPLIT.code().equals(history.get(history.size() - 1).action());
    }
}
