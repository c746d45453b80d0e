package io.langnghe.routing;

import io.langnghe.contracts.CaseCommand;
import io.langnghe.contracts.CaseCommand.Type;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.CommandResult;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.HistoryEntry;
import io.langnghe.contracts.ProposedRequest;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.routing.classify.BlendedClassifier;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.langnghe.routing.TestCommand.actor;
import static io.langnghe.routing.TestCommand.command;
import static io.langnghe.routing.TestFeedback.feedback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A letter that holds several requests: the officer accepts the proposed requests as cases of their own
 * (each routed as proposed, linked to the letter), and a request's department merges one back.
 */
class LetterRequestsTopologyTest {

    static final Taxonomy taxonomy = Taxonomy.loadDefault();
    static final Topics topics = Topics.withPrefix("test");
    static final Instant filedAt = Instant.parse("2025-09-15T02:00:01Z");
    static final Instant acceptedAt = Instant.parse("2025-09-15T04:00:00Z");
    static final String LETTER = "fb-letter";
    static BlendedClassifier classifier;

    RoutingUnderTest routing;
    TestInputTopic<String, byte[]> received;
    TestInputTopic<String, byte[]> commands;
    TestOutputTopic<String, CaseState> cases;
    TestOutputTopic<String, CommandResult> results;
    /** The latest state of each case, by id, in the order they first appeared. */
    final Map<String, CaseState> latest = new LinkedHashMap<>();

    @BeforeAll
    static void train() {
        classifier = RoutingUnderTest.trainedClassifier();
    }

    @BeforeEach
    void start() {
        routing = RoutingUnderTest.at("letter-requests-test", acceptedAt).withClassifier(classifier).start();
        received = routing.received();
        commands = routing.commands();
        cases = routing.cases();
        results = routing.results();
        // Given: a letter from a village, by hotline, with three requests for three departments
        FeedbackReceived letter = feedback().id(LETTER).channel(Channel.HOTLINE).area(null).address(null).text("""
                        Kính gửi UBND phường. Tôi là Nguyễn Văn An, trú tại thôn Tam Xuyên, xã Đông Khê cũ. Tôi kiến nghị:
                        1. Cống thoát nước đầu làng bị tắc, nước thải tràn ra đường.
                        2. Thanh niên tụ tập đua xe máy lúc nửa đêm, gây mất an ninh.
                        3. Trường mầm non thu thêm nhiều khoản tiền học phí không rõ ràng.
                        Xin trân trọng cảm ơn!""").build();
        received.pipeInput(new TestRecord<>(LETTER, topics.feedbackReceived().valueSerde().serializer().serialize("", letter), filedAt));
        collect();
    }

    @AfterEach
    void stop() {
        routing.close();
    }

    @Test
    void acceptsEveryProposedRequestAsACaseOfItsOwnDepartmentLinkedToTheLetter() {
        List<ProposedRequest> proposed = latest.get(LETTER).classification().requests();
        assertThat(proposed).extracting(ProposedRequest::department)
                .containsExactly("kinh_te_ha_tang_do_thi", "cong_an", "van_hoa_xa_hoi");

        // When: the letter's department accepts them all
        send(command(Type.ACCEPT_REQUESTS).caseId(LETTER).by(actor("officer:" + latest.get(LETTER).department())).build());

        // Then: the letter lists its three children, and each is a case of its own, assigned as proposed
        CaseState letter = latest.get(LETTER);
        assertThat(letter.letter().children()).extracting(CaseState.Child::index, CaseState.Child::caseId, CaseState.Child::department)
                .containsExactly(
                        tuple(1, "fb-letter-1", "kinh_te_ha_tang_do_thi"),
                        tuple(2, "fb-letter-2", "cong_an"),
                        tuple(3, "fb-letter-3", "van_hoa_xa_hoi"));
        assertThat(letter.status()).isEqualTo(CaseStatus.ASSIGNED);
        assertThat(letter.history()).last().extracting(HistoryEntry::action).isEqualTo("accept_requests");
        for (ProposedRequest request : proposed) {
            CaseState child = latest.get(CaseState.childId(LETTER, request.index()));
            assertThat(child).as("case of request %d", request.index()).isNotNull();
            assertThat(child.status()).isEqualTo(CaseStatus.ASSIGNED);
            assertThat(child.text()).isEqualTo(request.text());
            assertThat(child.category()).isEqualTo(request.category());
            assertThat(child.department()).isEqualTo(request.department());
            assertThat(child.area()).isEqualTo("dong-khe-tam-xuyen");
            assertThat(child.letter().letterId()).isEqualTo(LETTER);
            assertThat(child.letter().index()).isEqualTo(request.index());
            assertThat(child.dueAt()).isAfter(acceptedAt);
            // the resident keeps one tracking code, the letter's: the child has none, nor the resident's phone,
            // only the hash that makes the early warning count the writer once
            assertThat(child.trackingCode()).isNull();
            assertThat(child.contact().phone()).isNull();
            assertThat(child.contact().contactHash()).isEqualTo("hash-1");
            assertThat(child.history()).first().extracting(HistoryEntry::actor).isEqualTo("canbo." + letter.department());
        }
    }

    @Test
    void acceptsTheChosenRequestsThenTheRestEachOpenedOnce() {
        String department = latest.get(LETTER).department();

        send(command(Type.ACCEPT_REQUESTS).caseId(LETTER).by(actor("officer:" + department)).requests(2).build());
        assertThat(latest).containsOnlyKeys(LETTER, "fb-letter-2");

        CaseCommand rest = command(Type.ACCEPT_REQUESTS).caseId(LETTER).by(actor("officer:" + department)).build();
        send(rest);
        assertThat(latest).containsOnlyKeys(LETTER, "fb-letter-2", "fb-letter-1", "fb-letter-3");
        assertThat(latest.get("fb-letter-2").version()).isEqualTo(1);

        // the same request sent again (a double click, a retry) opens nothing more
        send(command(Type.ACCEPT_REQUESTS).caseId(LETTER).by(actor("officer:" + department)).build());
        assertThat(lastResult().accepted()).isFalse();
        assertThat(lastResult().reason().en()).isEqualTo("Those requests are already cases");
        assertThat(latest.get(LETTER).letter().children()).extracting(CaseState.Child::index).containsExactly(2, 1, 3);
    }

    @Test
    void onlyTheLettersDepartmentOrALeaderAccepts() {
        send(command(Type.ACCEPT_REQUESTS).caseId(LETTER).by(actor("officer:cong_an")).build());
        assertThat(lastResult().accepted()).isFalse();
        assertThat(latest).containsOnlyKeys(LETTER);

        send(command(Type.ACCEPT_REQUESTS).caseId(LETTER).by(actor("leader")).requests(1).build());
        assertThat(lastResult().accepted()).isTrue();
        assertThat(latest).containsOnlyKeys(LETTER, "fb-letter-1");

        send(command(Type.ACCEPT_REQUESTS).caseId(LETTER).by(actor("leader")).requests(7).build());
        assertThat(lastResult().reason().en()).isEqualTo("The letter has no request [7]");
    }

    @Test
    void nobodyButThePipelineOpensARequestsCase() {
        send(CaseCommand.openRequest("fb-letter-9", actor("leader"), acceptedAt, new CaseCommand.LetterRequest(LETTER, 9, "Đèn đường hỏng",
                null, "kinh_te_ha_tang_do_thi", null, Channel.WEB, filedAt, "lanhdao", null)));

        assertThat(lastResult().accepted()).isFalse();
        assertThat(latest).containsOnlyKeys(LETTER);
    }

    @Test
    void theRequestsDepartmentMergesItBackIntoTheLetter() {
        send(command(Type.ACCEPT_REQUESTS).caseId(LETTER).by(actor("officer:" + latest.get(LETTER).department())).build());

        // an officer of another department may not; the request's own department may
        send(command(Type.MERGE_BACK).caseId("fb-letter-2").by(actor("officer:kinh_te_ha_tang_do_thi")).build());
        assertThat(lastResult().accepted()).isFalse();
        send(command(Type.MERGE_BACK).caseId("fb-letter-2").by(actor("officer:cong_an")).text("Cùng việc với thư").build());

        CaseState child = latest.get("fb-letter-2");
        assertThat(child.status()).isEqualTo(CaseStatus.MERGED);
        assertThat(child.isOpen()).isFalse();
        assertThat(child.history()).last().extracting(HistoryEntry::action, HistoryEntry::note)
                .containsExactly("merge_back", "gộp lại vào thư / merged back into the letter fb-letter: Cùng việc với thư");
        // the letter itself is no request of a letter
        send(command(Type.MERGE_BACK).caseId(LETTER).by(actor("leader")).build());
        assertThat(lastResult().reason().en()).isEqualTo("The case was not made of a letter's request");
    }

    private void send(CaseCommand command) {
        commands.pipeInput(new TestRecord<>(command.caseId(), topics.caseCommands().valueSerde().serializer().serialize("", command),
                acceptedAt));
        collect();
    }

    private void collect() {
        cases.readValuesToList().forEach(c -> latest.put(c.caseId(), c));
    }

    private CommandResult last;

    private CommandResult lastResult() {
        List<CommandResult> all = results.readValuesToList();
        if (!all.isEmpty()) {
            // the result of the officer's command, not those of the openings it sent
            last = all.stream().filter(r -> r.type() != Type.OPEN_REQUEST).reduce((a, b) -> b).orElse(all.get(all.size() - 1));
        }
        return last;
    }
}
