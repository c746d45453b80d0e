package io.langnghe.routing;

import io.langnghe.contracts.CaseCommand.Type;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CommandResult;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.routing.cases.MoveToWard;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.langnghe.routing.TestCommand.command;
import static io.langnghe.routing.TestFeedback.feedback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The upgrade from the version that kept each case in the task of its case id: the cases it kept move to their
 * ward's task, the one a command names before the command, the others within seconds, and the officers' work
 * goes on as if nothing moved.
 */
class WardUpgradeTopologyTest {

    static final Instant openedAt = Instant.parse("2026-10-05T02:00:00Z");
    static final Instant now = openedAt.plus(Duration.ofHours(2));

    @Test
    void casesKeptByThePreviousVersionMoveToTheirWardAndTheirCommandsAreDecidedThere() {
        List<CaseState> keptBefore = openedByThePreviousVersion("fb-1", "fb-2");
        try (RoutingUnderTest routing = RoutingUnderTest.at("ward-upgrade-test", now).withWallClockStart(now).start()) {
            KeyValueStore<String, CaseState> before = routing.driver().getKeyValueStore(MoveToWard.STORE);
            keptBefore.forEach(c -> before.put(c.caseId(), c));

            // a command on a case still in the old store: the case crosses first, then the command
            routing.commands().pipeInput(new TestRecord<>("fb-1", RoutingUnderTest.TOPICS.caseCommands().valueSerde().serializer()
                    .serialize("", command(Type.ACKNOWLEDGE).caseId("fb-1").build()), now));
            assertThat(routing.results().readValuesToList()).extracting(CommandResult::accepted, CommandResult::caseVersion)
                    .containsExactly(tuple(true, 2L));
            assertThat(before.get("fb-1")).isNull();

            // the others cross a batch a second, whether or not anything names them
            routing.driver().advanceWallClockTime(Duration.ofSeconds(1));
            assertThat(before.approximateNumEntries()).isZero();
            routing.commands().pipeInput(new TestRecord<>("fb-2", RoutingUnderTest.TOPICS.caseCommands().valueSerde().serializer()
                    .serialize("", command(Type.ACKNOWLEDGE).caseId("fb-2").build()), now));
            assertThat(routing.results().readValuesToList()).extracting(CommandResult::accepted).containsExactly(true);
            assertThat(routing.cases().readValuesToList()).extracting(c -> c.caseId() + " v" + c.version() + " " + c.status().code())
                    .containsExactly("fb-1 v2 acknowledged", "fb-2 v2 acknowledged");

            // a petition read again (a crash before its commit) does not reopen a moved case
            routing.received().pipeInput(new TestRecord<>("fb-2", bytes(petition("fb-2")), now));
            assertThat(routing.cases().readValuesToList()).isEmpty();
        }
    }

    /** The cases as the previous version kept them: opened by the same topology, read off cases.v1. */
    private static List<CaseState> openedByThePreviousVersion(String... ids) {
        try (RoutingUnderTest routing = RoutingUnderTest.at("ward-upgrade-before", openedAt).start()) {
            for (String id : ids) {
                routing.received().pipeInput(new TestRecord<>(id, bytes(petition(id)), openedAt));
            }
            return routing.cases().readValuesToList();
        }
    }

    private static FeedbackReceived petition(String id) {
        return feedback().id(id).text("Cống thoát nước ngõ 45 Hàm Nghi bị tắc, nước bẩn tràn ra đường").build();
    }

    private static byte[] bytes(FeedbackReceived petition) {
        return RoutingUnderTest.TOPICS.feedbackReceived().valueSerde().serializer().serialize("", petition);
    }
}
