package io.langnghe.routing.lifecycle;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.CaseType;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.HistoryEntry;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * When the next step of a case is due, by the {@link WorkingCalendar}:
 * <pre>
 *   assigned, reopened          → acknowledge by  assignedAt + acknowledge
 *   acknowledged … answered     → resolve by      assignedAt + resolve
 *   resolved, closed, rejected, merged → nothing due
 * </pre>
 * where assignedAt is when the case last reached its department (opened, reassigned, returned to
 * triage or reopened): a department is not late for the time a case spent elsewhere. The times
 * allowed are the law's on the legal track, the urgent ones for an urgent case, else its category's,
 * else the defaults.
 */
public final class Deadlines {

    /** The time to acknowledge and the time to resolve. */
    public record Steps(Within acknowledge, Within resolve) {
    }

    /** The urgent times: acknowledge within 2 hours, resolve within 2 working days. */
    public static final Steps URGENT = new Steps(Within.hours(2), Within.workingDays(2));

    /**
     * The law's times (Luật Khiếu nại 2011, Luật Tố cáo 2018; their days are working days): accepting
     * or not within 10, deciding a first complaint or a denunciation within 30; a complex complaint
     * within 45; a denunciation extended once or twice by 30, so 90 at most. Law, not configuration.
     */
    public static final Map<CaseType, Steps> LEGAL = Map.of(
            CaseType.COMPLAINT, new Steps(Within.workingDays(10), Within.workingDays(30)),
            CaseType.DENUNCIATION, new Steps(Within.workingDays(10), Within.workingDays(30)));
    static final Within COMPLEX_COMPLAINT = Within.workingDays(45);
    static final int DENUNCIATION_EXTENSION_DAYS = 30;
    public static final int MAX_EXTENSIONS = 2;

    private final WorkingCalendar calendar;
    private final Steps defaults;
    private final Map<Category, Steps> perCategory;
    private final Steps urgent;

    public Deadlines(WorkingCalendar calendar, Steps defaults, Map<Category, Steps> perCategory, Steps urgent) {
        this.calendar = calendar;
        this.defaults = defaults;
        this.perCategory = perCategory.isEmpty() ? Map.of() : new EnumMap<>(perCategory);
        this.urgent = urgent;
    }

    /** The same times for every category, the urgent times. */
    public Deadlines(WorkingCalendar calendar, int acknowledgeWithinWorkingDays, int resolveWithinWorkingDays) {
        this(calendar, new Steps(Within.workingDays(acknowledgeWithinWorkingDays), Within.workingDays(resolveWithinWorkingDays)),
                Map.of(), URGENT);
    }

    /** A petition just opened: to be acknowledged. */
    public Instant opened(Instant at, Category category, boolean isUrgent) {
        return opened(at, category, isUrgent, CaseType.PETITION);
    }

    /** A case just opened: to be acknowledged (for the legal track: its acceptance decided). */
    public Instant opened(Instant at, Category category, boolean isUrgent, CaseType type) {
        return stepsFor(category, isUrgent, type).acknowledge().after(at, calendar);
    }

    Instant dueAfter(CaseState current, CaseStatus status, Instant at) {
        Steps steps = legalSteps(current, stepsFor(current.category(), current.urgent(), current.caseType()));
        return switch (status) {
            case NEW, ASSIGNED, REOPENED -> steps.acknowledge().after(at, calendar);
            case ACKNOWLEDGED, IN_PROGRESS, ANSWERED -> steps.resolve().after(assignedAt(current), calendar);
            case RESOLVED, CLOSED, REJECTED, MERGED -> null;
        };
    }

    /** The law's times on the legal track; otherwise the urgent ones, the category's, or the defaults. */
    Steps stepsFor(Category category, boolean isUrgent, CaseType type) {
        if (type != null && type.isLegal()) {
            return LEGAL.get(type);
        }
        return isUrgent ? urgent : perCategory.getOrDefault(category, defaults);
    }

    /** The decision deadline of the case as it now stands: only a case waiting for its decision has one to move. */
    Instant decisionDue(CaseState current) {
        return switch (current.status()) {
            case ACKNOWLEDGED, IN_PROGRESS, ANSWERED -> dueAfter(current, current.status(), current.updatedAt());
            default -> current.dueAt();
        };
    }

    /** A complex complaint has 45 days; an extended denunciation 30 more per extension. */
    private static Steps legalSteps(CaseState current, Steps steps) {
        if (current.caseType() == CaseType.COMPLAINT && current.complex()) {
            return new Steps(steps.acknowledge(), COMPLEX_COMPLAINT);
        }
        if (current.caseType() == CaseType.DENUNCIATION && current.extensions() > 0) {
            int extensions = Math.min(current.extensions(), MAX_EXTENSIONS);
            return new Steps(steps.acknowledge(), Within.workingDays(steps.resolve().amount() + extensions * DENUNCIATION_EXTENSION_DAYS));
        }
        return steps;
    }

    /** When the case last reached its department; the deadline marks and clock changes keep the status, so they do not count. */
    static Instant assignedAt(CaseState current) {
        List<HistoryEntry> history = current.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry entry = history.get(i);
            if (DeadlineWatch.isMark(entry) || CaseLifecycle.movesOnlyTheClock(entry)) {
                continue;
            }
            if (entry.status() == CaseStatus.ASSIGNED || entry.status() == CaseStatus.REOPENED) {
                return entry.at();
            }
        }
        return current.createdAt();
    }
}
