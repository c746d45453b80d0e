package io.langnghe.routing.lifecycle;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.HistoryEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a case's history its record carries: the first line (how it was routed), the line that
 * last brought it to its department (its clock starts there, see {@link Deadlines}), and the latest
 * {@value #LATEST}. A case worked two thousand times stays a small record; every line is also
 * published on its own to the history topic, where the whole story stays for officers.
 */
public final class RecentHistory {

    /** The latest lines kept in the record. */
    public static final int LATEST = 48;

    private RecentHistory() {
    }

    /** The case with its history bounded (the same case when it is short enough). */
    public static CaseState of(CaseState c) {
        List<HistoryEntry> history = c.history();
        if (history == null || history.size() <= LATEST + 2) {
            return c;
        }
        int from = history.size() - LATEST;
        List<HistoryEntry> kept = new ArrayList<>(LATEST + 2);
        kept.add(history.get(0));
        HistoryEntry assigned = lastAssignment(history);
        if (assigned != null && assigned != history.get(0) && history.indexOf(assigned) < from) {
            kept.add(assigned);
        }
        kept.addAll(history.subList(from, history.size()));
        return c.withHistory(List.copyOf(kept));
    }

    /** The lines of {@code after} that {@code before} did not have (all of them for a new case). */
    public static List<HistoryEntry> added(CaseState before, CaseState after) {
        long known = before == null ? 0 : before.version();
        return after.history() == null ? List.of() : after.history().stream().filter(h -> h.version() > known).toList();
    }

    private static HistoryEntry lastAssignment(List<HistoryEntry> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry entry = history.get(i);
            if (!DeadlineWatch.isMark(entry) && !CaseLifecycle.movesOnlyTheClock(entry)
                    && (entry.status() == CaseStatus.ASSIGNED || entry.status() == CaseStatus.REOPENED)) {
                return entry;
            }
        }
        return null;
    }
}
