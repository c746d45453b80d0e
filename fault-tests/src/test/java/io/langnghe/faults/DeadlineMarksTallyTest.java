package io.langnghe.faults;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.HistoryEntry;
import io.langnghe.routing.lifecycle.DeadlineWatch;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the fault suite counts deadline marks: a case late to be acknowledged and then, acknowledged, late to be
 * resolved carries two overdue marks for two deadlines (the clock drill moves two weeks ahead, so it happens);
 * the same deadline marked twice is doubled, and a passed deadline without its own mark is missed.
 */
class DeadlineMarksTallyTest {

    private static final Instant OPENED = Instant.parse("2026-12-01T02:00:00Z");
    private static final Instant ACKNOWLEDGE_BY = Instant.parse("2026-12-03T10:00:00Z");
    private static final Instant RESOLVE_BY = Instant.parse("2026-12-11T10:00:00Z");
    private static final Instant ROUTING_NOW = OPENED.plus(Duration.ofDays(14));

    @Test
    void overdueOnceForTheAcknowledgementAndOnceForTheResolutionIsNotDoubled() {
        CaseState late = opened(ACKNOWLEDGE_BY)
                .withLine(mark(2, "overdue", ACKNOWLEDGE_BY))
                .withLine(line(3, "acknowledge", CaseStatus.ACKNOWLEDGED))
                .withStatus(CaseStatus.ACKNOWLEDGED).withDueAt(RESOLVE_BY)
                .withLine(mark(4, "overdue", RESOLVE_BY));

        FaultRow.Deadlines tally = FaultSuite.deadlines(found(late), ROUTING_NOW, new ArrayList<>());

        assertThat(tally).isEqualTo(new FaultRow.Deadlines(2, 0, 0));
    }

    @Test
    void oneDeadlineMarkedTwiceIsDoubled() {
        CaseState twice = opened(ACKNOWLEDGE_BY)
                .withLine(mark(2, "overdue", ACKNOWLEDGE_BY))
                .withLine(mark(3, "overdue", ACKNOWLEDGE_BY));
        List<String> examples = new ArrayList<>();

        FaultRow.Deadlines tally = FaultSuite.deadlines(found(twice), ROUTING_NOW, examples);

        assertThat(tally.doubled()).isEqualTo(1);
        assertThat(examples).singleElement().asString().startsWith("marked twice " + twice.caseId());
    }

    @Test
    void aNewDeadlinePassedWithoutItsOwnMarkIsMissedEvenWhenTheOldOneWasMarked() {
        CaseState unmarked = opened(ACKNOWLEDGE_BY)
                .withLine(mark(2, "overdue", ACKNOWLEDGE_BY))
                .withLine(line(3, "acknowledge", CaseStatus.ACKNOWLEDGED))
                .withStatus(CaseStatus.ACKNOWLEDGED).withDueAt(RESOLVE_BY);

        FaultRow.Deadlines tally = FaultSuite.deadlines(found(unmarked), ROUTING_NOW, new ArrayList<>());

        assertThat(tally).isEqualTo(new FaultRow.Deadlines(1, 1, 0));
    }

    private static CaseState opened(Instant dueAt) {
        CaseState.Petition petition = new CaseState.Petition("LN-TEST", "feedback-1", Channel.WEB, "Cống tắc trước nhà số 12",
                null, null, null, OPENED, null, List.of());
        return CaseState.opened("case-1", petition, CaseState.Assignment.of("tdp-05", null, "kinh_te_ha_tang_do_thi"),
                CaseState.Clock.started(OPENED).withDueAt(dueAt), line(1, "open", CaseStatus.ASSIGNED));
    }

    /** The line the deadline watch writes, naming the deadline it marks. */
    private static HistoryEntry mark(long version, String action, Instant due) {
        return new HistoryEntry(version, due, "routing-streams", action, CaseStatus.ASSIGNED, DeadlineWatch.noteOf(due));
    }

    private static HistoryEntry line(long version, String action, CaseStatus status) {
        return new HistoryEntry(version, OPENED.plus(Duration.ofDays(version)), "canbo", action, status, null);
    }

    private static Tally.Found found(CaseState state) {
        return new Tally.Found(Map.of("marker", Set.of(state.caseId())), Map.of(state.caseId(), state.version()),
                Map.of(state.caseId(), state));
    }
}
