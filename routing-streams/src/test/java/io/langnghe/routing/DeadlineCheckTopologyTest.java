package io.langnghe.routing;

import io.langnghe.contracts.CaseCommand.Type;
import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.DeadlineState;
import io.langnghe.contracts.HistoryEntry;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.routing.classify.BlendedClassifier;
import io.langnghe.routing.classify.ClassifierSettings;
import io.langnghe.routing.classify.Corpus;
import io.langnghe.routing.lifecycle.DeadlineClock;
import io.langnghe.routing.lifecycle.DeadlineWatch;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static io.langnghe.routing.TestCommand.command;
import static io.langnghe.routing.TestFeedback.feedback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The scheduled deadline check through the topology, on the wall clock of the test driver: the drain
 * petition opened Monday 15/9/2025 09:00 in Hà Nội must be acknowledged by Tuesday 09:00 (24 h, so
 * due soon after 19 h 12 min).
 */
class DeadlineCheckTopologyTest {

    static final Taxonomy taxonomy = Taxonomy.loadDefault();
    static final Topics topics = Topics.withPrefix("test");
    static final Instant openedAt = Instant.parse("2025-09-15T02:00:00Z");
    static BlendedClassifier classifier;

    final DeadlineClock clock = new DeadlineClock();
    RoutingUnderTest routing;
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> received;
    TestInputTopic<String, byte[]> commands;
    TestOutputTopic<String, CaseState> cases;

    @BeforeAll
    static void train() {
        classifier = BlendedClassifier.trained(taxonomy, ClassifierSettings.DEFAULTS, Corpus.load(Corpus.TRAINING));
    }

    @BeforeEach
    void start() {
        routing = RoutingUnderTest.at("deadline-check-test", openedAt).withClassifier(classifier)
                .withDeadlineWatch(new DeadlineWatch(0.8, Duration.ofMinutes(1), clock)).withWallClockStart(openedAt).start();
        driver = routing.driver();
        received = routing.received();
        commands = routing.commands();
        cases = routing.cases();
    }

    @AfterEach
    void stop() {
        routing.close();
    }

    @ParameterizedTest(name = "{0} {1}, clock at {2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # given case  | commands at +1h  | wall clock after opening (h) | then marks published
            assigned      |                  | 10                           |
            assigned      |                  | 20                           | due_soon
            assigned      |                  | 20 21 23                     | due_soon                    # once
            assigned      |                  | 25                           | overdue                     # straight past due soon
            assigned      |                  | 20 25 26 48                  | due_soon overdue            # each once
            acknowledged  | acknowledge      | 25                           |                             # resolve by 29/9: a new clock
            acknowledged  | acknowledge      | 270                          | due_soon                    # 80% of 14 days is 268.8 h
            acknowledged  | acknowledge      | 340                          | overdue
            in_progress   | acknowledge start | 340 400                     | overdue
            resolved      | start answer resolve | 400                      |                             # nothing is due any more
            """)
    void marksCasesDueSoonThenOverdueEachOnce(String given, String path, String hours, String marks) {
        // Given the drain case, brought to the state an hour after it opened
        received.pipeInput(new TestRecord<>("fb-1", topics.feedbackReceived().valueSerde().serializer().serialize("", feedback().build()), openedAt));
        for (String step : words(path)) {
            commands.pipeInput(new TestRecord<>("fb-1", json(commandOf(step)), openedAt.plus(Duration.ofHours(1))));
        }
        List<CaseState> before = cases.readValuesToList();
        CaseState last = before.get(before.size() - 1);
        assertThat(last.status().code()).isEqualTo(given);
        assertThat(last.deadlineState()).isEqualTo(DeadlineState.ON_TIME);

        // When the wall clock moves on
        long elapsed = 0;
        for (String hour : words(hours)) {
            driver.advanceWallClockTime(Duration.ofHours(Long.parseLong(hour) - elapsed));
            elapsed = Long.parseLong(hour);
        }

        // Then each mark is one change of the case: the status kept, version + 1, a history line
        List<CaseState> marked = cases.readValuesToList();
        assertThat(marked).extracting(s -> s.deadlineState().code()).containsExactly(words(marks).toArray(String[]::new));
        for (CaseState state : marked) {
            assertThat(state.status().code()).isEqualTo(given);
            assertThat(state.version()).isEqualTo(last.version() + 1);
            assertThat(state.dueAt()).isEqualTo(last.dueAt());
            HistoryEntry entry = state.history().get(state.history().size() - 1);
            assertThat(entry.action()).isEqualTo(state.deadlineState().code());
            assertThat(entry.actor()).isEqualTo("routing-streams");
            assertThat(entry.version()).isEqualTo(state.version());
            last = state;
        }
    }

    @Test
    void aClockJumpingADayMarksTheCaseOverdueOnceThoughItIsCheckedAgain() {
        // Given the drain case, to acknowledge within 24 hours
        received.pipeInput(new TestRecord<>("fb-1", topics.feedbackReceived().valueSerde().serializer().serialize("", feedback().build()), openedAt));
        CaseState opened = cases.readValue();

        // When the deadline clock jumps a day ahead (the fault drill), and the wall clock then runs on for ten checks
        clock.moveForward(Duration.ofDays(1));
        for (int check = 0; check < 10; check++) {
            driver.advanceWallClockTime(Duration.ofMinutes(1));
        }

        // Then the case was marked overdue once, at the jumped time, and nothing else
        List<CaseState> marked = cases.readValuesToList();
        assertThat(marked).extracting(CaseState::deadlineState, CaseState::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DeadlineState.OVERDUE, opened.version() + 1));
        assertThat(marked.get(0).history().get(marked.get(0).history().size() - 1).at()).isAfter(opened.dueAt());
    }

    @Test
    void aNewDeadlineStartsOnTimeAgain() {
        // Given a case marked overdue for acknowledging
        received.pipeInput(new TestRecord<>("fb-1", topics.feedbackReceived().valueSerde().serializer().serialize("", feedback().build()), openedAt));
        driver.advanceWallClockTime(Duration.ofHours(25));
        assertThat(cases.readValuesToList()).extracting(CaseState::deadlineState).containsExactly(DeadlineState.ON_TIME, DeadlineState.OVERDUE);

        // When the department acknowledges it, late
        commands.pipeInput(new TestRecord<>("fb-1", json(command(Type.ACKNOWLEDGE).build()), openedAt.plus(Duration.ofHours(26))));

        // Then the resolve deadline is on time, and is itself watched
        CaseState acknowledged = cases.readValue();
        assertThat(acknowledged.deadlineState()).isEqualTo(DeadlineState.ON_TIME);
        assertThat(acknowledged.dueAt()).isEqualTo(Instant.parse("2025-09-29T02:00:00Z"));
        driver.advanceWallClockTime(Duration.ofDays(14));
        assertThat(cases.readValue().deadlineState()).isEqualTo(DeadlineState.OVERDUE);
    }

    @Test
    void watchesAnUrgentCaseByTheHour() {
        // Given an urgent petition: to acknowledge within 2 hours
        received.pipeInput(new TestRecord<>("fb-1", topics.feedbackReceived().valueSerde().serializer()
                .serialize("", feedback().text("Cháy nhà số 12 ngõ 5, khói bốc lên nghi ngút").build()), openedAt));
        CaseState opened = cases.readValue();
        assertThat(opened).extracting(CaseState::urgent, CaseState::dueAt).containsExactly(true, openedAt.plus(Duration.ofHours(2)));

        // When 1 h 40 min pass, then 2 h
        driver.advanceWallClockTime(Duration.ofMinutes(100));
        driver.advanceWallClockTime(Duration.ofMinutes(20));

        // Then it was due soon, then overdue; acknowledged, it must be resolved within 2 working days
        assertThat(cases.readValuesToList()).extracting(CaseState::deadlineState).containsExactly(DeadlineState.DUE_SOON, DeadlineState.OVERDUE);
        commands.pipeInput(new TestRecord<>("fb-1", json(command(Type.ACKNOWLEDGE).by(TestCommand.officerOf(opened.department())).build()),
                openedAt.plus(Duration.ofHours(3))));
        assertThat(cases.readValue()).extracting(CaseState::urgent, CaseState::deadlineState, CaseState::dueAt)
                .containsExactly(true, DeadlineState.ON_TIME, Instant.parse("2025-09-17T02:00:00Z"));
    }

    @Test
    void refusesASillyConfiguration() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DeadlineWatch(1.2, Duration.ofMinutes(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new DeadlineWatch(0.8, Duration.ZERO));
    }

    private static CaseCommand commandOf(String type) {
        TestCommand command = command(Type.valueOf(type.toUpperCase()));
        return (type.equals("answer") ? command.text("Đã nạo vét.") : command).build();
    }

    private static List<String> words(String text) {
        return text == null ? List.of() : Arrays.stream(text.replaceAll("#.*", "").trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    private static byte[] json(CaseCommand command) {
        return topics.caseCommands().valueSerde().serializer().serialize("", command);
    }
}
