package io.langnghe.routing;

import io.langnghe.contracts.Alert;
import io.langnghe.contracts.CaseCommand.Type;
import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.CommandResult;
import io.langnghe.contracts.Correction;
import io.langnghe.contracts.DeadLetter;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.HistoryEntry;
import io.langnghe.contracts.Rating;
import io.langnghe.contracts.Risk;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.routing.classify.BlendedClassifier;
import io.langnghe.routing.classify.ClassifierSettings;
import io.langnghe.routing.classify.Corpus;
import io.langnghe.routing.classify.LabelledExample;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.langnghe.routing.TestCommand.actor;
import static io.langnghe.routing.TestCommand.command;
import static io.langnghe.routing.TestFeedback.feedback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The case lifecycle through the topology: commands in, case states and command results out. */
class CaseLifecycleTopologyTest {

    static final Taxonomy taxonomy = Taxonomy.loadDefault();
    static final List<LabelledExample> corpus = Corpus.load(Corpus.TRAINING);
    static final Topics topics = Topics.withPrefix("test");
    static final Instant openedAt = Instant.parse("2025-09-15T02:00:01Z");
    static final Instant commandAt = Instant.parse("2025-09-15T04:00:00Z");

    /** The commands that bring the drain case (kinh_te_ha_tang_do_thi) from assigned to each state. */
    static final Map<String, List<Type>> PATH_TO = Map.of(
            "assigned", List.of(),
            "acknowledged", List.of(Type.ACKNOWLEDGE),
            "in_progress", List.of(Type.ACKNOWLEDGE, Type.START),
            "answered", List.of(Type.ACKNOWLEDGE, Type.START, Type.ANSWER),
            "resolved", List.of(Type.ACKNOWLEDGE, Type.START, Type.ANSWER, Type.RESOLVE),
            "reopened", List.of(Type.ACKNOWLEDGE, Type.START, Type.ANSWER, Type.RESOLVE, Type.REOPEN),
            "closed", List.of(Type.ACKNOWLEDGE, Type.START, Type.ANSWER, Type.RESOLVE, Type.CLOSE),
            "rejected", List.of(Type.REJECT),
            "merged", List.of(Type.MERGE));

    BlendedClassifier classifier;
    RoutingUnderTest routing;
    TestInputTopic<String, byte[]> received;
    TestInputTopic<String, byte[]> commands;
    TestOutputTopic<String, CaseState> cases;
    TestOutputTopic<String, CommandResult> results;
    TestOutputTopic<String, Correction> corrections;
    TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void start() {
        // a classifier per test: corrections teach it
        classifier = BlendedClassifier.trained(taxonomy, ClassifierSettings.DEFAULTS, corpus);
        routing = RoutingUnderTest.at("case-lifecycle-test", commandAt).withClassifier(classifier).start();
        received = routing.received();
        commands = routing.commands();
        cases = routing.cases();
        results = routing.results();
        corrections = routing.corrections();
        deadLetters = routing.deadLetters();
    }

    @AfterEach
    void stop() {
        routing.close();
    }

    @ParameterizedTest(name = "{0} + {1} by {2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # given        | command          | by                     | then status  | refused because (en)
            assigned       | acknowledge      | officer                | acknowledged |
            reopened       | acknowledge      | officer                | acknowledged |                                             # the resident came back
            acknowledged   | acknowledge      | officer                | acknowledged | Cannot acknowledge a case that is acknowledged
            assigned       | start            | officer                | in_progress  |                                             # acknowledging is optional
            acknowledged   | start            | officer                | in_progress  |
            acknowledged   | answer           | officer                | answered     |
            in_progress    | answer           | officer                | answered     |
            assigned       | answer           | officer                | assigned     | Cannot answer a case that is assigned       # acknowledge first
            in_progress    | resolve          | officer                | resolved     |
            answered       | resolve          | officer                | resolved     |
            resolved       | resolve          | officer                | resolved     | Cannot resolve a case that is resolved
            acknowledged   | resolve          | officer                | acknowledged | Cannot resolve a case that is acknowledged
            assigned       | reassign         | officer                | assigned     |                                             # to cong_an
            resolved       | reassign         | officer                | resolved     | Cannot reassign a case that is resolved
            assigned       | return_to_triage | officer                | assigned     |                                             # to van_phong
            in_progress    | reject           | officer                | rejected     |
            resolved       | reject           | officer                | resolved     | Cannot reject a case that is resolved
            assigned       | merge            | officer                | merged       |
            merged         | acknowledge      | officer                | merged       | Cannot acknowledge a case that is merged
            answered       | reopen           | officer                | reopened     |
            resolved       | reopen           | leader                 | reopened     |
            rejected       | reopen           | officer                | reopened     |
            assigned       | reopen           | officer                | assigned     | Cannot reopen a case that is assigned
            assigned       | acknowledge      | officer:cong_an        | assigned     | The case belongs to kinh_te_ha_tang_do_thi, not to the officer's department (cong_an)
            resolved       | reopen           | officer:van_hoa_xa_hoi | resolved     | The case belongs to kinh_te_ha_tang_do_thi, not to the officer's department (van_hoa_xa_hoi)
            assigned       | reassign         | leader                 | assigned     |                                             # a leader steers
            assigned       | answer           | leader                 | assigned     | The role LEADER may not answer a case       # but does not answer
            assigned       | acknowledge      | operator               | assigned     | The role OPERATOR may not acknowledge a case
            resolved       | close            | officer                | closed       |
            resolved       | close            | leader                 | closed       |                                             # a leader closes too
            answered       | close            | officer                | answered     | Cannot close a case that is answered        # resolve first
            in_progress    | close            | leader                 | in_progress  | Cannot close a case that is in_progress
            closed         | close            | officer                | closed       | Cannot close a case that is closed
            closed         | reopen           | officer                | reopened     |
            resolved       | close            | officer:cong_an        | resolved     | The case belongs to kinh_te_ha_tang_do_thi, not to the officer's department (cong_an)
            resolved       | close            | operator               | resolved     | The role OPERATOR may not close a case
            answered       | rate             | resident               | reopened     |                                             # "not fixed"
            closed         | rate             | resident               | reopened     |
            assigned       | rate             | resident               | assigned     | Cannot rate a case that is assigned         # nothing to rate yet
            answered       | rate             | officer                | answered     | The role OFFICER may not rate a case
            assigned       | acknowledge      | resident               | assigned     | The role RESIDENT may not acknowledge a case
            assigned       | assess           | system                 | assigned     |                                             # joins an issue
            closed         | assess           | system                 | closed       |
            assigned       | assess           | leader                 | assigned     | The role LEADER may not assess a case
            assigned       | reopen           | system                 | assigned     | The role SYSTEM may not reopen a case
            assigned       | split            | officer                | assigned     | The case is not part of an issue
            """)
    void followsTheLifecycleTable(String given, String type, String by, String status, String refusedBecauseAndComment) {
        String refusedBecause = refusedBecauseAndComment == null ? "" : refusedBecauseAndComment.replaceAll("\\s*#.*", "");
        // Given the drain case, brought to the state
        CaseState before = caseIn(given);

        // When
        commands(commandOf(Type.valueOf(type.toUpperCase())).by(actor(by)).build());

        // Then
        if (type.equals("assess") && by.equals("system")) {
            // the early warning's own assessment: applied, and nobody waits for its result
            assertThat(results.isEmpty()).as("no result for the early warning's assessment").isTrue();
            CaseState after = cases.readValue();
            assertThat(after.status().code()).isEqualTo(status);
            assertThat(after.version()).isEqualTo(before.version() + 1);
            assertThat(after.history().get(after.history().size() - 1)).extracting(HistoryEntry::version, HistoryEntry::action)
                    .containsExactly(after.version(), type);
            return;
        }
        CommandResult result = results.readValue();
        if (refusedBecause.isEmpty()) {
            assertThat(result.accepted()).as("accepted").isTrue();
            CaseState after = cases.readValue();
            assertThat(after.status().code()).isEqualTo(status);
            assertThat(after.version()).isEqualTo(before.version() + 1);
            assertThat(after.history()).hasSize(before.history().size() + 1).startsWith(before.history().toArray(HistoryEntry[]::new));
            assertThat(after.history().get(after.history().size() - 1))
                    .extracting(HistoryEntry::version, HistoryEntry::at, HistoryEntry::actor, HistoryEntry::action, e -> e.status().code())
                    .containsExactly(after.version(), commandAt, actor(by).username(), type, status);
            assertThat(result.caseVersion()).isEqualTo(after.version());
        } else {
            assertThat(result.accepted()).as("accepted").isFalse();
            assertThat(result.reason().en()).isEqualTo(refusedBecause);
            assertThat(result.reason().vi()).isNotBlank();
            assertThat(result.caseVersion()).isEqualTo(before.version());
            assertThat(cases.isEmpty()).as("the case is unchanged, so nothing is published").isTrue();
            assertThat(before.status().code()).isEqualTo(status);
        }
    }

    @Test
    void anAnswerSentAgainWithItsCommandIdIsAppliedOnceAndToldTwice() {
        // Given an acknowledged case
        CaseState before = caseIn("acknowledged");
        CaseCommand answer = commandOf(Type.ANSWER).build();

        // When the officer's page sends the answer again with the same id (its first 202 was lost)
        commands(answer);
        commands(answer);

        // Then the resident gets one answer: one new version whose line carries the command, and two results that agree
        List<CaseState> after = cases.readValuesToList();
        assertThat(after).hasSize(1);
        assertThat(after.get(0).version()).isEqualTo(before.version() + 1);
        assertThat(after.get(0).history()).filteredOn(line -> answer.commandId().equals(line.commandId()))
                .extracting(HistoryEntry::version, HistoryEntry::action).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        after.get(0).version(), "answer"));
        assertThat(results.readValuesToList()).extracting(CommandResult::commandId, CommandResult::accepted, CommandResult::caseVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(answer.commandId(), true, after.get(0).version()),
                        org.assertj.core.groups.Tuple.tuple(answer.commandId(), true, after.get(0).version()));
    }

    /** The legal cases, opened Monday 15/9/2025 09:00:01 in Hà Nội at the triage desk (van_phong). */
    static final String COMPLAINT = "Tôi làm đơn khiếu nại quyết định thu hồi đất của phường";
    static final String DENUNCIATION = "Tôi tố cáo cán bộ địa chính nhận tiền để cấp sổ đỏ";

    @ParameterizedTest(name = "{0} + {1} by {2} → due {6}")
    @CsvSource(delimiter = '|', textBlock = """
            # given                     | command         | by                | text              | then complex | extensions | due                  | refused because (en)
            complaint acknowledged      | mark_complex    | officer:van_phong |                   | true         | 0          | 2025-11-17T02:00:01Z |                    # 45 days, not 30
            complaint acknowledged      | mark_complex    | leader            | Nhiều bên liên quan | true       | 0          | 2025-11-17T02:00:01Z |
            complaint assigned          | mark_complex    | officer:van_phong |                   | true         | 0          | 2025-09-29T02:00:01Z |                    # acceptance still due in 10
            complaint complex           | mark_complex    | officer:van_phong |                   | true         | 0          | 2025-11-17T02:00:01Z | The complaint is already marked complex
            denunciation acknowledged   | mark_complex    | officer:van_phong |                   | false        | 0          | 2025-10-27T02:00:01Z | Only a complaint can be marked complex
            complaint acknowledged      | mark_complex    | officer:cong_an   |                   | false        | 0          | 2025-10-27T02:00:01Z | The case belongs to van_phong, not to the officer's department (cong_an)
            complaint acknowledged      | mark_complex    | operator          |                   | false        | 0          | 2025-10-27T02:00:01Z | The role OPERATOR may not mark_complex a case
            denunciation acknowledged   | extend_deadline | officer:van_phong | Cần xác minh      | false        | 1          | 2025-12-08T02:00:01Z |                    # 60 days
            denunciation extended once  | extend_deadline | leader            | Đặc biệt phức tạp | false        | 2          | 2026-01-20T02:00:01Z |                    # 90 days, past New Year's Day
            denunciation extended twice | extend_deadline | officer:van_phong | Thêm nữa          | false        | 2          | 2026-01-20T02:00:01Z | The deadline was extended twice already: 90 days in all is the most the law allows
            denunciation acknowledged   | extend_deadline | officer:van_phong |                   | false        | 0          | 2025-10-27T02:00:01Z | An extension needs the reason
            complaint acknowledged      | extend_deadline | officer:van_phong | Cần xác minh      | false        | 0          | 2025-10-27T02:00:01Z | Only a denunciation's deadline can be extended
            denunciation assigned       | extend_deadline | officer:van_phong | Cần xác minh      | false        | 0          | 2025-09-29T02:00:01Z | Cannot extend_deadline a case that is assigned   # accept it first
            """)
    void setsTheLegalTracksClocks(String given, String type, String by, String text, boolean complex, int extensions, String due,
                                  String refusedBecauseAndComment) {
        String refusedBecause = refusedBecauseAndComment == null ? "" : refusedBecauseAndComment.replaceAll("\\s*#.*", "");
        // Given a complaint or a denunciation at the triage desk, brought to the given
        CaseState before = legalCaseIn(given);

        // When
        commands(command(Type.valueOf(type.toUpperCase())).by(actor(by)).text(text).build());

        // Then
        CommandResult result = results.readValue();
        assertThat(result.accepted() ? "" : result.reason().en()).isEqualTo(refusedBecause);
        CaseState now = result.accepted() ? cases.readValue() : before;
        assertThat(now).extracting(CaseState::complex, CaseState::extensions, CaseState::dueAt, CaseState::status)
                .containsExactly(complex, extensions, Instant.parse(due), before.status());
        if (result.accepted()) {
            assertThat(now.version()).isEqualTo(before.version() + 1);
            assertThat(now.history().get(now.history().size() - 1))
                    .extracting(HistoryEntry::action, HistoryEntry::actor).containsExactly(type, actor(by).username());
        } else {
            assertThat(result.reason().vi()).isNotBlank();
            assertThat(cases.isEmpty()).as("the case is unchanged, so nothing is published").isTrue();
        }
    }

    @Test
    void givesAComplaintMarkedComplexAtAcceptance45DaysToDecide() {
        // Given a complaint marked complex while its acceptance is being decided
        legalCaseIn("complaint assigned");
        commands(command(Type.MARK_COMPLEX).by(actor("officer:van_phong")).text("Nhiều hộ cùng khiếu nại").build());

        // When it is accepted
        commands(command(Type.ACKNOWLEDGE).by(actor("officer:van_phong")).build());

        // Then the decision is due 45 working days after it reached the desk, and the history says why
        List<CaseState> states = cases.readValuesToList();
        CaseState accepted = states.get(states.size() - 1);
        assertThat(accepted).extracting(CaseState::status, CaseState::complex, CaseState::dueAt)
                .containsExactly(CaseStatus.ACKNOWLEDGED, true, Instant.parse("2025-11-17T02:00:01Z"));
        assertThat(accepted.history()).extracting(HistoryEntry::action, HistoryEntry::note).contains(
                tuple("mark_complex", "phức tạp / complex: 45d: Nhiều hộ cùng khiếu nại"));
    }

    @Test
    void notesEachExtensionOfADenunciation() {
        CaseState extended = legalCaseIn("denunciation extended twice");

        assertThat(extended.history()).filteredOn(e -> e.action().equals("extend_deadline")).extracting(HistoryEntry::note)
                .containsExactly("gia hạn lần 1 / extension 1: 60d: Cần xác minh", "gia hạn lần 2 / extension 2: 90d: Đặc biệt phức tạp");
    }

    @Test
    void countsDeadlinesInWorkingDaysAcrossTet() {
        // Given a petition on the Friday before Tết 2026 (10:00 in Hà Nội), off from 14 to 22 February
        Instant friday = Instant.parse("2026-02-13T03:00:00Z");
        received.pipeInput(new TestRecord<>("fb-tet", json(feedback().id("fb-tet").build()), friday));

        // When the department acknowledges it on the first working day after Tết
        Instant monday = Instant.parse("2026-02-23T02:00:00Z");
        commands.pipeInput(new TestRecord<>("fb-tet", json(command(Type.ACKNOWLEDGE).caseId("fb-tet").build()), monday));

        // Then acknowledging was due on that Monday, and resolving is due 10 working days after the Friday
        assertThat(cases.readValuesToList()).extracting(CaseState::status, CaseState::dueAt).containsExactly(
                tuple(CaseStatus.ASSIGNED, Instant.parse("2026-02-23T03:00:00Z")),
                tuple(CaseStatus.ACKNOWLEDGED, Instant.parse("2026-03-06T03:00:00Z")));
    }

    @Test
    void keepsTheAnswerForTheResident() {
        caseIn("in_progress");

        commands(command(Type.ANSWER).text("Đã nạo vét cống ngày 16/9.").build());

        CaseState answered = cases.readValue();
        assertThat(answered.publicAnswer()).isEqualTo("Đã nạo vét cống ngày 16/9.");
        assertThat(answered.updatedAt()).isEqualTo(commandAt);
    }

    @Test
    void keepsTheAnswersPhotoProofAndBothPhotoListsThroughLaterCommands() {
        FeedbackReceived.PhotoRef before = photo('b', "image/jpeg");
        FeedbackReceived.PhotoRef after = photo('c', "image/png");
        petitions(feedback().id("fb-1").photos(List.of(before)).build());
        commands(command(Type.START).build());

        commands(command(Type.ANSWER).text("Đã nạo vét cống, ảnh sau khi làm.").photos(List.of(after)).build());
        commands(command(Type.RESOLVE).build());

        List<CaseState> states = cases.readValuesToList();
        CaseState answered = states.get(2);
        assertThat(answered.answerPhotos()).containsExactly(after);
        assertThat(answered.history().get(answered.history().size() - 1).note()).isEqualTo("1 ảnh / photos");
        assertThat(states.get(3)).extracting(CaseState::status, CaseState::photos, CaseState::answerPhotos)
                .containsExactly(CaseStatus.RESOLVED, List.of(before), List.of(after));
    }

    @Test
    void refusesAnAnswerWithMoreThanThreePhotos() {
        caseIn("in_progress");

        commands(command(Type.ANSWER).text("Đã xử lý.").photos(List.of(photo('1', "image/jpeg"), photo('2', "image/jpeg"),
                photo('3', "image/jpeg"), photo('4', "image/jpeg"))).build());

        assertThat(results.readValue()).extracting(CommandResult::accepted, r -> r.reason().vi(), r -> r.reason().en())
                .containsExactly(false, "Tối đa 3 ảnh minh chứng cho mỗi câu trả lời", "At most 3 photos of proof per answer");
        assertThat(cases.isEmpty()).isTrue();
    }

    private static FeedbackReceived.PhotoRef photo(char hex, String contentType) {
        return new FeedbackReceived.PhotoRef("sha256-" + String.valueOf(hex).repeat(64) + (contentType.equals("image/png") ? ".png" : ".jpg"),
                contentType, 1024, false);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            answer without text      | An answer needs the text for the resident
            reject without a reason  | A rejection needs the reason and the competent body
            reassign to nowhere      | There is no department phong_ma
            reassign without reason  | A reassignment needs the reason
            merge into itself        | A merge needs another case to merge into
            """)
    void refusesCommandsThatLackWhatTheyNeed(String what, String reason) {
        caseIn("acknowledged");
        CaseCommand command = switch (what) {
            case "answer without text" -> command(Type.ANSWER).text("  ").build();
            case "reject without a reason" -> command(Type.REJECT).build();
            case "reassign to nowhere" -> command(Type.REASSIGN).department("phong_ma").text("?").build();
            case "reassign without reason" -> command(Type.REASSIGN).department("cong_an").build();
            default -> command(Type.MERGE).target("fb-1").build();
        };

        commands(command);

        assertThat(results.readValue()).extracting(CommandResult::accepted, r -> r.reason().en()).containsExactly(false, reason);
        assertThat(cases.isEmpty()).isTrue();
    }

    @Test
    void keepsTheResidentsRatingAndReopensOnlyWhatIsNotFixed() {
        caseIn("answered");

        commands(command(Type.RATE).by(actor("resident")).rating(new Rating(5, " Cảm ơn phường ", true, null)).build());

        CaseState rated = cases.readValue();
        assertThat(rated.status().code()).isEqualTo("answered");
        assertThat(rated.rating()).isEqualTo(new Rating(5, "Cảm ơn phường", true, commandAt));
        commands(command(Type.RATE).by(actor("resident")).rating(new Rating(6, null, true, null)).build());
        assertThat(results.readValuesToList()).extracting(r -> r.reason() == null ? null : r.reason().en())
                .containsExactly(null, "A rating is 1 to 5 stars");
    }

    @Test
    void anUnprovenNotFixedWaitsForAnOfficerAndTheCodeAloneRatesOnlyOnce() {
        caseIn("answered");

        commands(command(Type.RATE).by(actor("resident")).rating(new Rating(1, "Vẫn tắc", false, null, false)).build());

        CaseState rated = cases.readValue();
        assertThat(rated.status().code()).as("not reopened by whoever holds the code").isEqualTo("answered");
        assertThat(rated.rating()).isEqualTo(new Rating(1, "Vẫn tắc", false, commandAt, false));
        assertThat(rated.history().get(rated.history().size() - 1).note()).contains("awaiting an officer's confirmation");
        commands(command(Type.RATE).by(actor("resident")).rating(new Rating(5, null, true, null, false)).build());
        assertThat(results.readValuesToList()).extracting(r -> r.reason() == null ? null : r.reason().en())
                .containsExactly(null, "Without a phone to check, the tracking code rates only once");
        assertThat(cases.isEmpty()).isTrue();
    }

    @Test
    void aProvenRatingReplacesTheOneBeforeAndBothStayInTheHistory() {
        caseIn("answered");

        commands(command(Type.RATE).by(actor("resident")).rating(new Rating(4, null, true, null, true)).build());
        commands(command(Type.RATE).by(actor("resident")).rating(new Rating(2, "Lại tắc", false, null, true)).build());

        List<CaseState> versions = cases.readValuesToList();
        CaseState last = versions.get(versions.size() - 1);
        assertThat(last.rating()).extracting(Rating::stars, Rating::fixed).containsExactly(2, false);
        assertThat(last.status().code()).isEqualTo("reopened");
        assertThat(last.history()).extracting(HistoryEntry::note).filteredOn(note -> note != null && note.contains("/5"))
                .containsExactly("4/5", "2/5; chưa khắc phục / not fixed");
    }

    @Test
    void putsTheIssueAndTheRiskOnTheCaseWithoutTouchingItsClock() {
        CaseState before = caseIn("acknowledged");
        Risk risk = new Risk(55, "warning", List.of(new Alert.Reason("reporters", "3 residents", 20),
                new Alert.Reason("escalation", "\"báo chí\"", 25), new Alert.Reason("fast_arrival", "3 in 24 h", 10)), commandAt);

        commands(command(Type.ASSESS).by(actor("system")).assessment(new CaseCommand.Assessment("issue-fb-0", risk)).build());
        commands(command(Type.ASSESS).by(actor("system")).assessment(new CaseCommand.Assessment("issue-fb-0", risk)).build());

        CaseState assessed = cases.readValue();
        assertThat(assessed.clusterId()).isEqualTo("issue-fb-0");
        assertThat(assessed.risk()).isEqualTo(risk);
        assertThat(assessed.updatedAt()).as("the ward's last action").isEqualTo(before.updatedAt());
        assertThat(assessed.dueAt()).isEqualTo(before.dueAt());
        assertThat(cases.isEmpty()).as("the same assessment twice changes nothing").isTrue();
        assertThat(results.isEmpty()).as("the early warning waits for no result of its own assessments").isTrue();
    }

    @Test
    void takesACaseOutOfItsIssueWhenAnOfficerSaysItIsAnotherProblem() {
        caseIn("acknowledged");
        Risk risk = new Risk(30, "watch", List.of(new Alert.Reason("reporters", "3 residents", 20)), commandAt);
        commands(command(Type.ASSESS).by(actor("system")).assessment(new CaseCommand.Assessment("issue-fb-0", risk)).build());
        cases.readValue();

        commands(command(Type.SPLIT).text("Cống ở ngõ khác").build());

        CaseState split = cases.readValue();
        assertThat(split.clusterId()).isNull();
        assertThat(split.status().code()).isEqualTo("acknowledged");
        assertThat(split.history().get(split.history().size() - 1).note()).contains("issue-fb-0", "Cống ở ngõ khác");
    }

    @Test
    void refusesACommandOnACaseItDoesNotKnow() {
        commands(command(Type.ACKNOWLEDGE).caseId("fb-unknown").build());

        assertThat(results.readValue()).extracting(CommandResult::caseId, CommandResult::accepted, CommandResult::caseVersion, r -> r.reason().en())
                .containsExactly("fb-unknown", false, 0L, "There is no case fb-unknown");
    }

    @Test
    void movesAReassignedCaseToTheOtherDepartmentWithAFreshDeadline() {
        caseIn("acknowledged");

        commands(command(Type.REASSIGN).department("van_hoa_xa_hoi").category(Category.CHINH_SACH_XA_HOI)
                .text("Hộ nghèo xin hỗ trợ, không phải hạ tầng").build());

        CaseState moved = cases.readValue();
        assertThat(moved).extracting(CaseState::department, CaseState::status, CaseState::category, CaseState::dueAt)
                .containsExactly("van_hoa_xa_hoi", CaseStatus.ASSIGNED, Category.CHINH_SACH_XA_HOI, Instant.parse("2025-09-16T04:00:00Z"));
        assertThat(moved.history().get(moved.history().size() - 1).note())
                .isEqualTo("→ van_hoa_xa_hoi (chinh_sach_xa_hoi): Hộ nghèo xin hỗ trợ, không phải hạ tầng");
    }

    @Test
    void refusesToReassignToADepartmentThatDoesNotTakeTheCategory() {
        caseIn("assigned");

        commands(command(Type.REASSIGN).department("cong_an").category(Category.GIAO_DUC).text("?").build());

        assertThat(results.readValue().reason().en()).isEqualTo("cong_an does not take giao_duc");
    }

    @Test
    void learnsWhereAPlaceIsWhenAnOfficerConfirmsIt() {
        // Given a hotline petition naming a place the resolver does not know
        petitions(feedback().id("fb-1").area(null).address(null).channel(Channel.HOTLINE)
                .text("Cống thoát nước ở bãi Cồn Mả Đỏ bị tắc, nước tràn ra đường").build());
        CaseState routed = cases.readValue();
        assertThat(routed.area()).isNull();

        // When its officer confirms the place, with the words that name it
        commands(command(Type.CONFIRM_PLACE).by(TestCommand.officerOf(routed.department()))
                .area("dong-ninh-huu-boc").text("bãi Cồn Mả Đỏ").build());

        // Then the case is there, no longer to confirm, its status unchanged; the next petition naming those words is placed there too
        assertThat(cases.readValue()).extracting(CaseState::area, c -> c.classification().place().toConfirm(), CaseState::status)
                .containsExactly("dong-ninh-huu-boc", false, CaseStatus.ASSIGNED);
        assertThat(corrections.readValue()).extracting(Correction::area, Correction::placeWords, Correction::category)
                .containsExactly("dong-ninh-huu-boc", "bãi Cồn Mả Đỏ", null);
        petitions(feedback().id("fb-2").area(null).address(null).text("rac do trom o bai con ma do, boc mui").build());
        assertThat(cases.readValue().area()).isEqualTo("dong-ninh-huu-boc");
    }

    @Test
    void refusesToConfirmAPlaceThatIsNoArea() {
        caseIn("assigned");

        commands(command(Type.CONFIRM_PLACE).area("tdp-99").build());

        assertThat(results.readValue().reason().en()).isEqualTo("There is no area tdp-99");
    }

    @Test
    void correctsTheCategoryWithinTheSameDepartment() {
        caseIn("assigned");

        commands(command(Type.REASSIGN).department("kinh_te_ha_tang_do_thi").category(Category.MOI_TRUONG).text("Rác ứ đọng").build());

        assertThat(cases.readValue()).extracting(CaseState::department, CaseState::category)
                .containsExactly("kinh_te_ha_tang_do_thi", Category.MOI_TRUONG);
        assertThat(corrections.readValue()).extracting(Correction::category, Correction::from)
                .containsExactly(Category.MOI_TRUONG, Category.GIAO_THONG_HA_TANG);
    }

    @Test
    void turnsAnOfficersReassignmentIntoACorrectionThatTheClassifierLearns() {
        // Given a petition about a group leader's fund, which the corpus reads as a school's (hiệu trưởng, quỹ)
        String text = "Tổ trưởng thu quỹ không minh bạch, đề nghị kiểm tra";
        petitions(feedback().id("fb-1").text(text).build());
        CaseState routed = cases.readValue();
        assertThat(routed.category()).isEqualTo(Category.GIAO_DUC);

        // When its officer hands it to the administrative centre (which takes hanh_chinh only)
        commands(command(Type.REASSIGN).by(TestCommand.officerOf(routed.department())).department("hanh_chinh_cong")
                .text("Cán bộ tổ dân phố, không phải trường học").build());

        // Then it is a labelled example, and the next such petition goes to the administrative centre, no longer to a
        // school's desk: an officer's correction weighs as several corpus petitions (langnghe.classifier.correction-weight)
        assertThat(corrections.readValuesToList()).extracting(Correction::caseId, Correction::text, Correction::category, Correction::from)
                .containsExactly(tuple("fb-1", text, Category.HANH_CHINH, Category.GIAO_DUC));
        cases.readValuesToList();
        petitions(feedback().id("fb-2").text("Tổ trưởng tổ dân phố thu quỹ không minh bạch").build());
        assertThat(cases.readValue()).extracting(CaseState::category, CaseState::department)
                .containsExactly(Category.HANH_CHINH, "hanh_chinh_cong");
    }

    @Test
    void setsAsideACommandItCannotRead() {
        commands.pipeInput(new TestRecord<>("fb-1", "{\"type\":\"fly\"}".getBytes(StandardCharsets.UTF_8), commandAt));
        commands.pipeInput(new TestRecord<>("fb-9", json(command(Type.ACKNOWLEDGE).build()), commandAt));

        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertThat(letters).extracting(DeadLetter::sourceTopic).containsOnly("test.case.commands.v1");
        assertThat(letters).extracting(DeadLetter::error).satisfiesExactly(
                error -> assertThat(error).startsWith("not a CaseCommand").contains("unknown command: fly"),
                error -> assertThat(error).isEqualTo("the record key fb-9 is not the caseId fb-1"));
        assertThat(results.isEmpty()).isTrue();
    }

    @Test
    void doesNotReopenACaseWhenItsPetitionIsReplayed() {
        caseIn("acknowledged");

        petitions(feedback().id("fb-1").build());

        assertThat(cases.isEmpty()).isTrue();
    }

    /** Opens the drain case and drives it to the state; returns the case as it then stands, outputs drained. */
    private CaseState caseIn(String status) {
        petitions(feedback().id("fb-1").build());
        for (Type step : PATH_TO.get(status)) {
            commands(commandOf(step).build());
        }
        List<CaseState> states = cases.readValuesToList();
        results.readValuesToList();
        CaseState now = states.get(states.size() - 1);
        assertThat(now.status().code()).isEqualTo(status);
        return now;
    }

    /** Opens the complaint or the denunciation and drives it to the given, by the desk's officer; outputs drained. */
    private CaseState legalCaseIn(String given) {
        petitions(feedback().id("fb-1").text(given.startsWith("complaint") ? COMPLAINT : DENUNCIATION).build());
        for (TestCommand step : legalPathTo(given)) {
            commands(step.by(actor("officer:van_phong")).build());
        }
        List<CaseState> states = cases.readValuesToList();
        assertThat(results.readValuesToList()).extracting(CommandResult::accepted).doesNotContain(false);
        CaseState now = states.get(states.size() - 1);
        assertThat(now.department()).isEqualTo("van_phong");
        return now;
    }

    private static List<TestCommand> legalPathTo(String given) {
        return switch (given) {
            case "complaint assigned", "denunciation assigned" -> List.of();
            case "complaint acknowledged", "denunciation acknowledged" -> List.of(command(Type.ACKNOWLEDGE));
            case "complaint complex" -> List.of(command(Type.ACKNOWLEDGE), command(Type.MARK_COMPLEX));
            case "denunciation extended once" -> List.of(command(Type.ACKNOWLEDGE), command(Type.EXTEND_DEADLINE).text("Cần xác minh"));
            case "denunciation extended twice" -> List.of(command(Type.ACKNOWLEDGE), command(Type.EXTEND_DEADLINE).text("Cần xác minh"),
                    command(Type.START), command(Type.EXTEND_DEADLINE).text("Đặc biệt phức tạp"));
            default -> throw new IllegalArgumentException(given);
        };
    }

    /** A valid command of the type, with what it needs. */
    private static TestCommand commandOf(Type type) {
        TestCommand command = command(type);
        return switch (type) {
            case ANSWER -> command.text("Đã cử người xuống kiểm tra và nạo vét.");
            case REJECT -> command.text("Không thuộc thẩm quyền phường: do Công ty thoát nước tỉnh xử lý.");
            case REASSIGN -> command.department("cong_an").text("Chuyển công an");
            case MERGE -> command.target("fb-0");
            case RATE -> command.rating(new Rating(2, "Cống vẫn tắc", false, null, true));
            case ASSESS -> command.assessment(new CaseCommand.Assessment("issue-fb-0",
                    new Risk(30, "watch", List.of(new Alert.Reason("reporters", "3 residents", 20)), commandAt)));
            default -> command;
        };
    }

    private void petitions(FeedbackReceived... petitions) {
        Arrays.stream(petitions).forEach(p -> received.pipeInput(new TestRecord<>(p.feedbackId(),
                topics.feedbackReceived().valueSerde().serializer().serialize("", p), openedAt)));
    }

    private void commands(CaseCommand command) {
        commands.pipeInput(new TestRecord<>(command.caseId(), json(command), commandAt));
    }

    private static byte[] json(FeedbackReceived petition) {
        return topics.feedbackReceived().valueSerde().serializer().serialize("", petition);
    }

    private static byte[] json(CaseCommand command) {
        return topics.caseCommands().valueSerde().serializer().serialize("", command);
    }
}
