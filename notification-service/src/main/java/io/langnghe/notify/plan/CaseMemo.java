package io.langnghe.notify.plan;

import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.NotificationRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the planner keeps per case: the last version and status it has seen, when the last small
 * update went out (for merging), the messages it holds back (quiet hours, merge window), and whether
 * the department's head and the leader were told it is overdue.
 */
public record CaseMemo(long version, CaseStatus status, Instant lastMinorAt, List<Held> held, boolean overdueTold) {

    public CaseMemo {
        held = held == null ? List.of() : List.copyOf(held);
    }

    /** A message waiting for {@code releaseAt}. */
    public record Held(NotificationRequest request, Instant releaseAt) {
    }

    public static CaseMemo first() {
        return new CaseMemo(0, null, null, List.of(), false);
    }

    public CaseMemo withSeen(long version, CaseStatus status) {
        return new CaseMemo(version, status, lastMinorAt, held, overdueTold);
    }

    public CaseMemo withOverdueTold() {
        return new CaseMemo(version, status, lastMinorAt, held, true);
    }

    public CaseMemo withLastMinorAt(Instant at) {
        return new CaseMemo(version, status, at, held, overdueTold);
    }

    public CaseMemo withHeld(List<Held> held) {
        return new CaseMemo(version, status, lastMinorAt, held, overdueTold);
    }

    public CaseMemo plusHeld(Held one) {
        List<Held> more = new ArrayList<>(held);
        more.add(one);
        return withHeld(more);
    }

    /** The earliest time something held is due, or null when nothing is held. */
    public Instant nextRelease() {
        return held.stream().map(Held::releaseAt).min(Instant::compareTo).orElse(null);
    }
}
