package io.langnghe.routing;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.HistoryEntry;
import io.langnghe.routing.lifecycle.Deadlines;

import java.time.Instant;
import java.util.List;

/**
 * Turns a routed petition into a case: version 1, assigned to the chosen department, with its due
 * date and the first line of its history. The case id is the feedback id, so a petition replayed
 * after a failure opens the same case, not a second one.
 */
public final class CaseOpening {

    public static final String ACTOR = "routing-streams";

    private final Deadlines deadlines;

    public CaseOpening(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    public CaseState open(FeedbackReceived petition, Routing routing, Instant at) {
        HistoryEntry routed = new HistoryEntry(1, at, ACTOR, "routed", CaseStatus.ASSIGNED, routing.note());
        return new CaseState(
                CaseState.SCHEMA_VERSION,
                petition.feedbackId(),
                1,
                petition.trackingCode(),
                petition.feedbackId(),
                petition.channel(),
                petition.text(),
                petition.area(),
                petition.address(),
                petition.contact(),
                petition.batchId(),
                routing.classification(),
                routing.department(),
                CaseStatus.ASSIGNED,
                petition.receivedAt(),
                at,
                at,
                deadlines.opened(at),
                null,
                List.of(routed));
    }
}
