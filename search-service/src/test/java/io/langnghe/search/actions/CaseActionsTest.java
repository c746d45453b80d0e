package io.langnghe.search.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.search.Login;
import io.langnghe.search.SharedStack;
import io.langnghe.search.TestCases;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An officer's action becomes a command on the real broker's case.commands.v1, with the actor taken
 * from the token; what may not or cannot be done is refused before anything is written.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseActionsTest implements TestPropertyProvider {

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
    private CaseState drain;
    private CaseState untouched;
    private CaseState resolved;
    private CaseState answered;
    private CaseState acknowledged;
    private CaseState retried;

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
        drain = TestCases.caseState().build();
        untouched = TestCases.caseState().text("Đèn đường ngõ 9 hỏng").build();
        resolved = TestCases.caseState().status(CaseStatus.RESOLVED).build();
        answered = TestCases.caseState().status(CaseStatus.ANSWERED).build();
        acknowledged = TestCases.caseState().status(CaseStatus.ACKNOWLEDGED).build();
        retried = TestCases.caseState().text("Vỉa hè ngõ 12 bị vỡ").build();
        actions.publishAndAwait(leader, List.of(drain, untouched, resolved, answered, acknowledged, retried));
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @Test
    void anAcknowledgementLandsOnTheCommandsTopicFieldByField() throws Exception {
        Instant before = Instant.now();
        HttpResponse<JsonNode> accepted = actions.post(drain.caseId(), Map.of("type", "acknowledge", "text", "Đã nhận, sẽ kiểm tra  hôm nay"), officer);

        assertThat(accepted.getStatus().getCode()).isEqualTo(202);
        String commandId = accepted.body().path("commandId").asText();
        assertThat(commandId).isNotBlank();
        ConsumerRecord<String, String> record = actions.command(commandId);
        JsonNode command = JSON.readTree(record.value());
        assertThat(record.key()).isEqualTo(drain.caseId());
        assertThat(command.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(command.path("caseId").asText()).isEqualTo(drain.caseId());
        assertThat(command.path("type").asText()).isEqualTo("acknowledge");
        assertThat(command.path("actor").path("username").asText()).isEqualTo("canbo." + INFRASTRUCTURE);
        assertThat(command.path("actor").path("role").asText()).isEqualTo("OFFICER");
        assertThat(command.path("actor").path("department").asText()).isEqualTo(INFRASTRUCTURE);
        assertThat(command.path("department").isNull()).isTrue();
        assertThat(command.path("targetCaseId").isNull()).isTrue();
        assertThat(command.path("text").asText()).isEqualTo("Đã nhận, sẽ kiểm tra hôm nay");
        assertThat(Instant.parse(command.path("issuedAt").asText())).isBetween(before.minusSeconds(1), Instant.now());
    }

    @Test
    void theSameActionSentAgainWithItsIdempotencyKeyIsTheSameCommand() {
        Map<String, String> body = Map.of("type", "acknowledge", "text", "Đã nhận");
        String first = actions.keyed(retried.caseId(), body, officer, "act-0f3a9c51d2").body().path("commandId").asText();
        String again = actions.keyed(retried.caseId(), body, officer, "act-0f3a9c51d2").body().path("commandId").asText();
        String otherKey = actions.keyed(retried.caseId(), body, officer, "act-77e1b2c4aa").body().path("commandId").asText();

        assertThat(again).isEqualTo(first);
        assertThat(otherKey).isNotEqualTo(first);
        // both sends are on the topic with one id: routing-streams applies that id once
        await().atMost(OfficerActions.WITHIN).until(() -> actions.commandsFor(retried.caseId()).stream()
                .filter(r -> r.value().contains("\"" + first + "\"")).count() == 2 && actions.commandsFor(retried.caseId()).size() == 3);
        assertThat(actions.status(HttpRequest.POST("/api/cases/" + retried.caseId() + "/actions", body).bearerAuth(officer)
                .header("Idempotency-Key", "ngắn"))).isEqualTo(400);
    }

    @Test
    void anAnswerCarriesThePublicAnswer() throws Exception {
        assertThat(actions.status(drain.caseId(), Map.of("type", "answer", "text", "Chưa tiếp nhận đã trả lời"), officer))
                .as("an assigned case is acknowledged before it is answered").isEqualTo(409);

        HttpResponse<JsonNode> accepted = actions.post(acknowledged.caseId(), Map.of("type", "answer", "text", "Đã nạo vét cống ngày 12/7."), officer);

        JsonNode command = JSON.readTree(actions.command(accepted.body().path("commandId").asText()).value());
        assertThat(command.path("type").asText()).isEqualTo("answer");
        assertThat(command.path("text").asText()).isEqualTo("Đã nạo vét cống ngày 12/7.");
    }

    @Test
    void aLeaderReassignsAsLeader() throws Exception {
        HttpResponse<JsonNode> accepted = actions.post(drain.caseId(), Map.of("type", "reassign", "department", "cong_an", "text", "Việc của công an"), leader);

        JsonNode command = JSON.readTree(actions.command(accepted.body().path("commandId").asText()).value());
        assertThat(command.path("type").asText()).isEqualTo("reassign");
        assertThat(command.path("department").asText()).isEqualTo("cong_an");
        assertThat(command.path("actor").path("username").asText()).isEqualTo("lanhdao");
        assertThat(command.path("actor").path("role").asText()).isEqualTo("LEADER");
        assertThat(command.path("actor").path("department").isNull()).isTrue();
    }

    @Test
    void aReassignmentMayCorrectTheCategoryWithinTheSameDepartment() throws Exception {
        HttpResponse<JsonNode> accepted = actions.post(drain.caseId(),
                Map.of("type", "reassign", "department", INFRASTRUCTURE, "category", "moi_truong"), officer);

        JsonNode command = JSON.readTree(actions.command(accepted.body().path("commandId").asText()).value());
        assertThat(command.path("department").asText()).isEqualTo(INFRASTRUCTURE);
        assertThat(command.path("category").asText()).isEqualTo("moi_truong");
        assertThat(actions.status(drain.caseId(), Map.of("type", "reassign", "department", "cong_an", "category", "nuoc"), officer)).isEqualTo(400);
    }

    @Test
    void aMergeNamesTheCaseItJoins() throws Exception {
        HttpResponse<JsonNode> accepted = actions.post(drain.caseId(), Map.of("type", "merge", "targetCaseId", untouched.caseId()), officer);

        JsonNode command = JSON.readTree(actions.command(accepted.body().path("commandId").asText()).value());
        assertThat(command.path("targetCaseId").asText()).isEqualTo(untouched.caseId());
    }

    @Test
    void anOfficerOfAnotherDepartmentGets404AndNothingIsWritten() {
        assertThat(actions.status(untouched.caseId(), Map.of("type", "acknowledge"), policeOfficer)).isEqualTo(404);
        assertThat(actions.status(untouched.caseId(), Map.of("type", "answer", "text", "x"), policeOfficer)).isEqualTo(404);

        assertThat(actions.commandsFor(untouched.caseId())).isEmpty();
    }

    @Test
    void refusalsAreProblemsAndWriteNothing() {
        HttpClientResponseException invalid = actions.refused(resolved.caseId(), Map.of("type", "answer"), officer);
        assertThat(invalid.getStatus().getCode()).isEqualTo(400);
        assertThat(invalid.getResponse().getContentType().map(Object::toString)).hasValue("application/problem+json");
        JsonNode problem = invalid.getResponse().getBody(JsonNode.class).orElseThrow();
        assertThat(problem.path("title").asText()).isEqualTo("Dữ liệu không hợp lệ / Invalid input");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("text");
        assertThat(problem.path("errors").get(0).path("message_vi").asText()).isNotBlank();
        assertThat(problem.path("errors").get(0).path("message_en").asText()).isNotBlank();

        assertThat(actions.status(resolved.caseId(), Map.of("type", "acknowledge"), officer)).as("closed case").isEqualTo(409);
        assertThat(actions.status(resolved.caseId(), Map.of("type", "acknowledge"), leader)).as("leader acknowledging").isEqualTo(403);
        assertThat(actions.status(untouched.caseId(), Map.of("type", "merge", "targetCaseId", "no-such-case"), leader)).as("unknown target").isEqualTo(400);
        assertThat(actions.status("no-such-case", Map.of("type", "acknowledge"), officer)).isEqualTo(404);
        assertThat(actions.status("x".repeat(600), Map.of("type", "acknowledge"), officer)).isEqualTo(404);
        HttpClientResponseException malformed = org.assertj.core.api.Assertions.catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/api/cases/" + resolved.caseId() + "/actions", "{not json")
                        .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(officer), String.class));
        assertThat(malformed.getStatus().getCode()).isEqualTo(400);
        assertThat(malformed.getResponse().getContentType().map(Object::toString)).hasValue("application/problem+json");
        assertThat(actions.status(HttpRequest.POST("/api/cases/" + resolved.caseId() + "/actions", Map.of("type", List.of(1, 2)))
                .bearerAuth(officer))).as("wrong JSON shape").isEqualTo(400);
        assertThat(actions.status(HttpRequest.POST("/api/cases/" + resolved.caseId() + "/actions", "")
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(officer))).isEqualTo(400);

        assertThat(actions.commandsFor(resolved.caseId())).isEmpty();
    }

    @Test
    void anAnsweredCaseMayBeReopened() throws Exception {
        HttpResponse<JsonNode> accepted = actions.post(answered.caseId(), Map.of("type", "reopen", "text", "Người dân báo vẫn tắc"), leader);

        JsonNode command = JSON.readTree(actions.command(accepted.body().path("commandId").asText()).value());
        assertThat(command.path("caseId").asText()).isEqualTo(answered.caseId());
        assertThat(command.path("type").asText()).isEqualTo("reopen");
    }
}
