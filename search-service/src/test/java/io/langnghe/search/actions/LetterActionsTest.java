package io.langnghe.search.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.Classification;
import io.langnghe.contracts.ProposedRequest;
import io.langnghe.search.Login;
import io.langnghe.search.SharedStack;
import io.langnghe.search.TestCases;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A letter's proposed requests accepted as cases, and a request's case merged back, through the officers'
 * command endpoint onto the real broker: only the letter's department or a leader accepts, only the
 * request's department or a leader merges back, and nobody opens a request's case by hand.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LetterActionsTest implements TestPropertyProvider {

    private static final String INFRASTRUCTURE = "kinh_te_ha_tang_do_thi";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SharedStack stack = new SharedStack();
    private OfficerActions actions;

    @Inject
    @Client("/")
    HttpClient client;

    private String officer;
    private String policeOfficer;
    private String leader;
    private CaseState letter;
    private CaseState child;
    private CaseState lone;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @BeforeAll
    void publishCases() throws Exception {
        actions = new OfficerActions(client, stack);
        officer = Login.token(client, "canbo." + INFRASTRUCTURE);
        policeOfficer = Login.token(client, "canbo.cong_an");
        leader = Login.token(client, "lanhdao");
        letter = TestCases.caseState().classification(new Classification(Category.GIAO_THONG_HA_TANG, 0.8, List.of("cống"), null,
                List.of(new ProposedRequest(1, "Cống tắc.", Category.GIAO_THONG_HA_TANG, INFRASTRUCTURE, "tdp-05"),
                        new ProposedRequest(2, "Đua xe ban đêm.", Category.AN_NINH_TRAT_TU, "cong_an", "tdp-05"),
                        new ProposedRequest(3, "Học phí thu thêm.", Category.GIAO_DUC, "van_hoa_xa_hoi", "tdp-05")))).build();
        child = TestCases.caseState().department("cong_an").category(Category.AN_NINH_TRAT_TU).text("Đua xe ban đêm.")
                .letter(CaseState.Letter.requestOf(letter.caseId(), 2)).build();
        lone = TestCases.caseState().build();
        actions.publishAndAwait(leader, List.of(letter, child, lone));
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @Test
    void theLettersDepartmentAcceptsTheChosenRequests() throws Exception {
        HttpResponse<JsonNode> accepted = actions.post(letter.caseId(), Map.of("type", "accept_requests", "requests", List.of(1, 3)), officer);

        assertThat(accepted.getStatus().getCode()).isEqualTo(202);
        ConsumerRecord<String, String> record = actions.command(accepted.body().path("commandId").asText());
        JsonNode command = JSON.readTree(record.value());
        assertThat(record.key()).isEqualTo(letter.caseId());
        assertThat(command.path("type").asText()).isEqualTo("accept_requests");
        assertThat(command.path("requests")).extracting(JsonNode::asInt).containsExactly(1, 3);
        assertThat(command.path("actor").path("username").asText()).isEqualTo("canbo." + INFRASTRUCTURE);
    }

    @Test
    void aLeaderAcceptsEveryRequestWhenNoneIsNamed() throws Exception {
        HttpResponse<JsonNode> accepted = actions.post(letter.caseId(), Map.of("type", "accept_requests"), leader);

        JsonNode command = JSON.readTree(actions.command(accepted.body().path("commandId").asText()).value());
        assertThat(command.path("actor").path("role").asText()).isEqualTo("LEADER");
        assertThat(command.path("requests").isMissingNode()).as("all of them").isTrue();
    }

    @Test
    void anotherDepartmentNeitherSeesNorAcceptsTheLetter() {
        assertThat(actions.status(letter.caseId(), Map.of("type", "accept_requests"), policeOfficer)).isEqualTo(404);
    }

    @Test
    void aCaseWithoutProposedRequestsHasNothingToAccept() {
        assertThat(actions.status(lone.caseId(), Map.of("type", "accept_requests"), officer)).isEqualTo(409);
        assertThat(actions.status(child.caseId(), Map.of("type", "accept_requests"), policeOfficer)).as("a request's case is no letter")
                .isEqualTo(409);
    }

    @Test
    void requestsAreNamedByTheirNumberAndOnlyWhenAccepting() {
        HttpClientResponseException zero = actions.refused(letter.caseId(), Map.of("type", "accept_requests", "requests", List.of(0)), officer);
        assertThat(zero.getStatus().getCode()).isEqualTo(400);
        assertThat(zero.getResponse().getBody(String.class).orElse("")).contains("requests").contains("Name the requests by their number");
        assertThat(actions.status(letter.caseId(), Map.of("type", "acknowledge", "requests", List.of(1)), officer)).isEqualTo(400);
    }

    @Test
    void theRequestsDepartmentMergesItBack() throws Exception {
        assertThat(actions.status(child.caseId(), Map.of("type", "merge_back"), officer)).as("not the letter's department").isEqualTo(404);
        assertThat(actions.status(lone.caseId(), Map.of("type", "merge_back"), officer)).as("no letter's request").isEqualTo(409);

        HttpResponse<JsonNode> accepted = actions.post(child.caseId(), Map.of("type", "merge_back", "text", "Cùng việc với thư"), policeOfficer);

        JsonNode command = JSON.readTree(actions.command(accepted.body().path("commandId").asText()).value());
        assertThat(command.path("type").asText()).isEqualTo("merge_back");
        assertThat(command.path("caseId").asText()).isEqualTo(child.caseId());
        assertThat(command.path("actor").path("department").asText()).isEqualTo("cong_an");
    }

    @Test
    void nobodyOpensARequestsCaseByHand() {
        assertThat(actions.status(letter.caseId(), Map.of("type", "open_request"), leader)).isEqualTo(403);
        assertThat(actions.status(letter.caseId(), Map.of("type", "open_request"), officer)).isEqualTo(403);
    }
}
