package io.langnghe.search.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Rating;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.search.SharedStack;
import io.langnghe.search.TestCases;
import io.langnghe.testsupport.SharedInfrastructure;
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

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * A resident rates the ward's answer with the tracking code and the proof: the rating becomes a {@code rate}
 * command on the real broker, keyed by the case; bad ratings and cases not yet answered are refused
 * before anything is written.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentRatingTest implements TestPropertyProvider {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SharedStack stack = new SharedStack();

    @Inject
    @Client("/")
    HttpClient client;

    private CaseState answered;
    private CaseState inProgress;
    private CaseState rated;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @BeforeAll
    void publishCases() throws Exception {
        answered = TestCases.caseState().trackingCode(TrackingCode.generate().value()).status(CaseStatus.ANSWERED)
                .publicAnswer("Đã nạo vét cống ngày 12/7.").build();
        inProgress = TestCases.caseState().trackingCode(TrackingCode.generate().value()).status(CaseStatus.IN_PROGRESS).build();
        rated = TestCases.caseState().trackingCode(TrackingCode.generate().value()).status(CaseStatus.RESOLVED)
                .rating(new Rating(4, "Cảm ơn phường, nhưng còn mùi", true, Instant.parse("2026-11-20T08:00:00Z"))).build();
        for (CaseState state : List.of(answered, inProgress, rated)) {
            stack.publish(state);
        }
        for (CaseState state : List.of(answered, inProgress, rated)) {
            await().atMost(WITHIN).ignoreExceptions().until(() -> client.toBlocking()
                    .exchange(HttpRequest.GET("/api/track/" + state.trackingCode())).getStatus().getCode() == 200);
        }
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @Test
    void aRatingLandsOnTheCommandsTopicAsTheResidentsRateCommand() throws Exception {
        Instant before = Instant.now();
        String typed = TrackingCode.display(answered.trackingCode()).toLowerCase();
        HttpResponse<JsonNode> accepted = client.toBlocking().exchange(HttpRequest.POST("/api/track/" + typed + "/rating",
                Map.of("stars", 2, "comment", "Cống vẫn  tắc sau khi mưa", "fixed", false, "proof", "4567")), JsonNode.class);

        assertThat(accepted.getStatus().getCode()).isEqualTo(202);
        assertThat(accepted.body().path("trackingCode").asText()).isEqualTo(TrackingCode.display(answered.trackingCode()));
        assertThat(accepted.body().has("caseId")).as("the case id stays inside").isFalse();
        ConsumerRecord<String, String> record = command(accepted.body().path("commandId").asText());
        JsonNode command = JSON.readTree(record.value());
        assertThat(record.key()).isEqualTo(answered.caseId());
        assertThat(command.path("caseId").asText()).isEqualTo(answered.caseId());
        assertThat(command.path("type").asText()).isEqualTo("rate");
        assertThat(command.path("actor").path("username").asText()).isEqualTo("resident");
        assertThat(command.path("actor").path("role").asText()).isEqualTo("RESIDENT");
        assertThat(command.path("actor").path("department").isNull()).isTrue();
        assertThat(command.path("rating").path("stars").asInt()).isEqualTo(2);
        assertThat(command.path("rating").path("comment").asText()).isEqualTo("Cống vẫn tắc sau khi mưa");
        assertThat(command.path("rating").path("fixed").asBoolean(true)).isFalse();
        assertThat(command.path("rating").path("proven").asBoolean()).isTrue();
        assertThat(accepted.body().path("reopens").asBoolean()).isTrue();
        assertThat(Instant.parse(command.path("rating").path("ratedAt").asText())).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(Instant.parse(command.path("issuedAt").asText())).isBetween(before.minusSeconds(1), Instant.now());
    }

    @Test
    void theTrackingViewShowsTheSavedRatingWithoutItsComment() {
        JsonNode view = client.toBlocking().retrieve(HttpRequest.GET("/api/track/" + rated.trackingCode()), JsonNode.class);

        assertThat(view.path("rating").path("stars").asInt()).isEqualTo(4);
        assertThat(view.path("rating").path("fixed").asBoolean()).isTrue();
        assertThat(view.path("rating").path("ratedAt").asText()).isEqualTo("2026-11-20T08:00:00Z");
        assertThat(view.path("rating").has("comment")).isFalse();
        assertThat(view.toString()).doesNotContain("còn mùi");
    }

    @Test
    void badRatingsAre400ProblemsNamingEachFieldAndWriteNothing() {
        Map<String, Object> tooLong = new HashMap<>(Map.of("stars", 5, "fixed", true, "comment", "ồ".repeat(1001)));
        for (Map<String, Object> body : List.of(Map.<String, Object>of("stars", 0, "fixed", true), Map.<String, Object>of("stars", 6, "fixed", true),
                Map.<String, Object>of("fixed", true), Map.<String, Object>of("stars", 3), tooLong)) {
            HttpClientResponseException refused = refused(HttpRequest.POST("/api/track/" + answered.trackingCode() + "/rating", body));
            assertThat(refused.getStatus().getCode()).as(body.keySet().toString()).isEqualTo(400);
            assertThat(refused.getResponse().getContentType().map(Object::toString)).hasValue("application/problem+json");
            JsonNode problem = refused.getResponse().getBody(JsonNode.class).orElseThrow();
            assertThat(problem.path("title").asText()).isEqualTo("Dữ liệu không hợp lệ / Invalid input");
            assertThat(problem.path("errors").get(0).path("message_vi").asText()).isNotBlank();
            assertThat(problem.path("errors").get(0).path("message_en").asText()).isNotBlank();
        }
        JsonNode both = refused(HttpRequest.POST("/api/track/" + answered.trackingCode() + "/rating", Map.of("stars", 9)))
                .getResponse().getBody(JsonNode.class).orElseThrow();
        assertThat(both.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("stars", "fixed");
        assertThat(refused(HttpRequest.POST("/api/track/" + answered.trackingCode() + "/rating", "{\"stars\": ")
                .contentType(MediaType.APPLICATION_JSON_TYPE)).getStatus().getCode()).as("malformed JSON").isEqualTo(400);
        assertThat(refused(HttpRequest.POST("/api/track/" + answered.trackingCode() + "/rating", "{\"stars\": \"many\", \"fixed\": true}")
                .contentType(MediaType.APPLICATION_JSON_TYPE)).getStatus().getCode()).as("stars as a word").isEqualTo(400);
        String good = answered.trackingCode();
        String mistyped = good.substring(0, 9) + (good.charAt(9) == '2' ? '3' : '2'); // the check symbol catches any one substitution
        assertThat(refused(HttpRequest.POST("/api/track/" + mistyped + "/rating", Map.of("stars", 5, "fixed", true)))
                .getStatus().getCode()).as("mistyped code").isEqualTo(400);
        assertThat(refused(HttpRequest.POST("/api/track/" + TrackingCode.generate().display() + "/rating", Map.of("stars", 5, "fixed", true)))
                .getStatus().getCode()).as("unknown code").isEqualTo(404);

        assertThat(commandsFor(answered.caseId()).stream().filter(r -> !r.value().contains("Cống vẫn tắc"))).isEmpty();
    }

    @Test
    void aCaseNotYetAnsweredCannotBeRated() {
        HttpClientResponseException refused = refused(HttpRequest.POST("/api/track/" + inProgress.trackingCode() + "/rating",
                Map.of("stars", 1, "fixed", false)));

        assertThat(refused.getStatus().getCode()).isEqualTo(409);
        assertThat(refused.getResponse().getContentType().map(Object::toString)).hasValue("application/problem+json");
        JsonNode problem = refused.getResponse().getBody(JsonNode.class).orElseThrow();
        assertThat(problem.path("title").asText()).isEqualTo("Chưa thể đánh giá / Not yet answered");
        assertThat(problem.path("detail").asText()).contains("in_progress");
        assertThat(commandsFor(inProgress.caseId())).isEmpty();
    }

    private ConsumerRecord<String, String> command(String commandId) {
        return await().atMost(WITHIN).until(() -> SharedInfrastructure.topicProbe()
                        .readAll(stack.topics().caseCommands().name(), WITHIN).stream()
                        .filter(r -> r.value().contains("\"" + commandId + "\"")).toList(),
                found -> found.size() == 1).get(0);
    }

    private List<ConsumerRecord<String, String>> commandsFor(String caseId) {
        return SharedInfrastructure.topicProbe().readAll(stack.topics().caseCommands().name(), WITHIN).stream()
                .filter(r -> caseId.equals(r.key()))
                .toList();
    }

    private HttpClientResponseException refused(HttpRequest<?> request) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, JsonNode.class));
        assertThat(e).as("expected a refusal").isNotNull();
        return e;
    }
}
