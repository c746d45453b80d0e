package io.langnghe.search.index;

import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.HistoryEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MilestonesTest {

    private static final Instant CREATED = Instant.parse("2026-11-01T01:00:00Z");

    @Test
    void theFirstTimeEachStepWasReachedCounts() {
        Milestones m = Milestones.of(CREATED, CREATED.plus(Duration.ofDays(3)), List.of(
                entry(0, CaseStatus.ASSIGNED), entry(90, CaseStatus.IN_PROGRESS), entry(120, CaseStatus.ACKNOWLEDGED),
                entry(2000, CaseStatus.ANSWERED), entry(3000, CaseStatus.REOPENED), entry(5000, CaseStatus.ANSWERED),
                entry(6000, CaseStatus.RESOLVED)));

        assertThat(m.minutesToAcknowledge()).isEqualTo(90);
        assertThat(m.answeredAt()).isEqualTo(CREATED.plus(Duration.ofMinutes(2000)));
        assertThat(m.minutesToResolve()).isEqualTo(6000);
        assertThat(m.onTime()).isTrue();
    }

    @Test
    void anAnswerAfterTheDeadlineIsLateAndNoAnswerIsNeitherOnTimeNorLate() {
        assertThat(Milestones.of(CREATED, CREATED.plus(Duration.ofMinutes(10)),
                List.of(entry(11, CaseStatus.ANSWERED))).onTime()).isFalse();
        Milestones open = Milestones.of(CREATED, CREATED.plus(Duration.ofMinutes(10)), List.of(entry(0, CaseStatus.ASSIGNED)));
        assertThat(open.onTime()).isNull();
        assertThat(open.minutesToAcknowledge()).isNull();
        assertThat(Milestones.of(CREATED, null, null)).isEqualTo(new Milestones(null, null, null, null, null, null));
    }

    private static HistoryEntry entry(long minutes, CaseStatus status) {
        return new HistoryEntry(1, CREATED.plus(Duration.ofMinutes(minutes)), "canbo", status.code(), status, null);
    }
}
