package io.langnghe.routing.lifecycle;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.DeadlineState;
import io.langnghe.contracts.HistoryEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The scheduled look at an open case's clock, at wall-clock time {@code now}:
 * <pre>
 *   now ≥ dueAt                                  → overdue   (once)
 *   now ≥ start + dueSoonAt × (dueAt − start)    → due_soon  (once, unless already overdue)
 * </pre>
 * where start is when the case last reached its department (as {@link Deadlines} counts). Each mark
 * is a change of the case: version + 1 and a history line; the status stays as it is.
 */
public final class DeadlineWatch {

    public static final String ACTOR = "routing-streams";
    static final String DUE_SOON = "due_soon";
    static final String OVERDUE = "overdue";

    private final double dueSoonAt;
    private final Duration checkEvery;
    private final DeadlineClock clock;

    /**
     * @param dueSoonAt  the share of the time to {@code dueAt} after which a case is due soon (0.8: 80%)
     * @param checkEvery how often (wall-clock time) the open cases are looked at
     */
    public DeadlineWatch(double dueSoonAt, Duration checkEvery) {
        this(dueSoonAt, checkEvery, new DeadlineClock());
    }

    /** @param clock what the watch takes as now; only a fault drill moves it ahead of the wall clock */
    public DeadlineWatch(double dueSoonAt, Duration checkEvery, DeadlineClock clock) {
        if (dueSoonAt <= 0 || dueSoonAt >= 1) {
            throw new IllegalArgumentException("due-soon-at must be between 0 and 1 (exclusive), got " + dueSoonAt);
        }
        if (checkEvery == null || checkEvery.isNegative() || checkEvery.isZero()) {
            throw new IllegalArgumentException("check-every must be a positive duration, got " + checkEvery);
        }
        this.dueSoonAt = dueSoonAt;
        this.checkEvery = checkEvery;
        this.clock = clock;
    }

    /** Now, for a check at the stream's wall-clock time. */
    public Instant now(long wallClockMillis) {
        return clock.now(wallClockMillis);
    }

    public Duration checkEvery() {
        return checkEvery;
    }

    /** The case marked, if its clock has passed a mark it does not carry yet. */
    public Optional<CaseState> check(CaseState c, Instant now) {
        if (c.dueAt() == null || !c.status().isOpen() || c.deadlineState() == DeadlineState.OVERDUE) {
            return Optional.empty();
        }
        if (!now.isBefore(c.dueAt())) {
            return Optional.of(marked(c, DeadlineState.OVERDUE, now, noteOf(c.dueAt())));
        }
        Instant start = Deadlines.assignedAt(c);
        long total = Duration.between(start, c.dueAt()).toMillis();
        Instant soon = start.plusMillis((long) (total * dueSoonAt));
        if (c.deadlineState() == DeadlineState.ON_TIME && !now.isBefore(soon)) {
            return Optional.of(marked(c, DeadlineState.DUE_SOON, now, noteOf(c.dueAt())));
        }
        return Optional.empty();
    }

    /**
     * When {@link #check} will next mark the case (due soon, then overdue), or empty when it never will:
     * no deadline, closed, or already overdue. A case is looked at then, not every minute.
     */
    public Optional<Instant> nextMarkAt(CaseState c) {
        if (c.dueAt() == null || !c.status().isOpen() || c.deadlineState() == DeadlineState.OVERDUE) {
            return Optional.empty();
        }
        if (c.deadlineState() != DeadlineState.ON_TIME) {
            return Optional.of(c.dueAt());
        }
        Instant start = Deadlines.assignedAt(c);
        long total = Duration.between(start, c.dueAt()).toMillis();
        Instant soon = start.plusMillis((long) (total * dueSoonAt));
        return Optional.of(soon.isBefore(c.dueAt()) ? soon : c.dueAt());
    }

    /** A mark's history note: the deadline it marks, so that two marks of one deadline can be told from two deadlines. */
    public static String noteOf(Instant dueAt) {
        return "hạn " + dueAt + " / due " + dueAt;
    }

    static boolean isMark(HistoryEntry entry) {
        return DUE_SOON.equals(entry.action()) || OVERDUE.equals(entry.action());
    }

    private static CaseState marked(CaseState c, DeadlineState state, Instant now, String note) {
        return c.withClock(c.clock().withDeadlineState(state).withUpdatedAt(now))
                .withLine(new HistoryEntry(c.version() + 1, now, ACTOR, state.code(), c.status(), note));
    }
}
