package io.langnghe.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * What needs no account: a resident follows a petition with the tracking code alone and sees
 * nothing personal; logging in; health and metrics.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicEndpointsTest implements TestPropertyProvider {

    private final SharedStack stack = new SharedStack();

    @Inject
    @Client("/")
    HttpClient client;

    private CaseState answered;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @BeforeAll
    void publishAnAnsweredCase() throws Exception {
        answered = TestCases.caseState()
                .trackingCode("K7MXQ2PA9C")
                .status(CaseStatus.ANSWERED)
                .publicAnswer("Đã nạo vét cống ngày 12/7. / The drain was cleared on 12 July.")
                .build();
        stack.publish(answered);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> client.toBlocking().exchange(HttpRequest.GET("/api/track/K7MXQ2PA9C")).getStatus() == HttpStatus.OK);
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @Test
    void residentSeesStatusDepartmentAndAnswerWithTheCodeAsTyped() {
        JsonNode tracked = client.toBlocking().retrieve(HttpRequest.GET("/api/track/k7mx-q2pa-9c"), JsonNode.class);

        assertThat(tracked.path("trackingCode").asText()).isEqualTo("K7MX-Q2PA-9C");
        assertThat(tracked.path("status").asText()).isEqualTo("answered");
        assertThat(tracked.path("department").path("code").asText()).isEqualTo("kinh_te_ha_tang_do_thi");
        assertThat(tracked.path("department").path("vi").asText()).isEqualTo("Phòng Kinh tế, Hạ tầng và Đô thị");
        assertThat(tracked.path("category").path("code").asText()).isEqualTo("giao_thong_ha_tang");
        assertThat(tracked.path("publicAnswer").asText()).startsWith("Đã nạo vét cống");
        assertThat(tracked.path("dueAt").asText()).isEqualTo(answered.dueAt().toString());
    }

    @Test
    void trackingShowsNoPersonalData() {
        String body = client.toBlocking().retrieve(HttpRequest.GET("/api/track/K7MXQ2PA9C"), String.class);
        JsonNode tracked = client.toBlocking().retrieve(HttpRequest.GET("/api/track/K7MXQ2PA9C"), JsonNode.class);

        assertThat(fieldNames(tracked)).doesNotContain("text", "contact", "phone", "name", "address", "history", "caseId");
        assertThat(body).doesNotContain("Nguyễn Văn An", "+84901234567", "ngõ 5", "Cống thoát nước");
    }

    @Test
    void unknownCodeIs404Problem() {
        HttpClientResponseException error = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/track/ZZZZ-ZZZZ-ZZ"), String.class));

        assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(error.getResponse().getContentType().map(Object::toString)).hasValue("application/problem+json");
        JsonNode problem = error.getResponse().getBody(JsonNode.class).orElseThrow();
        assertThat(problem.path("title").asText()).isEqualTo("Không tìm thấy mã tra cứu / Tracking code not found");
        assertThat(problem.path("status").asInt()).isEqualTo(404);
    }

    @Test
    void wrongPasswordIs401() {
        HttpClientResponseException error = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/login", Map.of("username", "lanhdao", "password", "sai-mat-khau"))));

        assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void rightPasswordGivesASignedBearerTokenForAWorkingDay() {
        Map<String, Object> answer = client.toBlocking().retrieve(
                HttpRequest.POST("/login", Map.of("username", "lanhdao", "password", Login.DEMO_PASSWORD)), Map.class);

        String token = (String) answer.get("access_token");
        assertThat(answer.get("token_type")).isEqualTo("Bearer");
        assertThat(answer.get("expires_in")).isEqualTo(8 * 3600);
        assertThat(decode(token.substring(0, token.indexOf('.')))).contains("\"alg\":\"HS256\"");
    }

    @Test
    void aTokenNotSignedWithTheWardsKeyIsRefused() {
        String claims = encode("{\"sub\":\"mallory\",\"roles\":[\"LEADER\"],\"exp\":4102444800}");
        String unsigned = encode("{\"alg\":\"none\"}") + "." + claims + ".";
        String leaderToken = Login.token(client, "lanhdao");
        String tampered = leaderToken.substring(0, leaderToken.indexOf('.') + 1) + claims
                + leaderToken.substring(leaderToken.lastIndexOf('.'));

        assertThat(status(HttpRequest.GET("/api/cases").bearerAuth(unsigned))).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(status(HttpRequest.GET("/api/cases").bearerAuth(tampered))).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
        assertThat(status(HttpRequest.GET("/api/cases").bearerAuth(leaderToken))).isEqualTo(HttpStatus.OK.getCode());
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        String description = client.toBlocking().retrieve(HttpRequest.GET("/swagger/search.yml"), String.class);

        assertThat(description).startsWith("openapi: 3")
                .contains("/api/cases/{caseId}/actions:", "/api/queue:", "/api/trends:", "/api/departments/performance:", "/api/track/{trackingCode}:", "/api/similar:", "/api/trends/emerging:");
    }

    @Test
    void healthIsUpWithElasticsearchAndKafka() {
        JsonNode health = client.toBlocking().retrieve(HttpRequest.GET("/health"), JsonNode.class);

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("details").path("elasticsearch").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("details").path("kafka").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusShowsIndexedCases() {
        String metrics = client.toBlocking().retrieve(HttpRequest.GET("/prometheus"), String.class);

        assertThat(metrics).contains("langnghe_search_cases_indexed_total", "langnghe_search_indexing_lag_seconds");
    }

    private int status(HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fields().forEachRemaining(field -> {
            names.add(field.getKey());
            names.addAll(fieldNames(field.getValue()));
        });
        return names;
    }
}
